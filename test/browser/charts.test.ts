import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drawnPixels, launchChromium, openDeck } from '../support/browser.ts';
import { TestDecks } from '../support/testDecks.ts';

const decks = new TestDecks('charts');
let browser: Browser;
let url: string;

const slideCanvas = (index: number) => `.reveal .slides > section:nth-child(${index + 1}) figure.podium-chart canvas`;
const slideData = (index: number) => `.reveal .slides > section:nth-child(${index + 1}) .podium-data`;
type RevealApi = { slide(h: number): void; getTotalSlides(): number };

beforeAll(async () => {
  const everyChart = await decks.built('every-chart');
  expect(everyChart.built.deck.chartTypes.sort()).toEqual(['bar', 'doughnut', 'line', 'pie', 'radar']);
  url = everyChart.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  decks.remove();
});

it('draws every chart type on its slide', async () => {
  const { page, context, errors } = await openDeck(browser, url, { reducedMotion: 'reduce' });
  const total = await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getTotalSlides());
  expect(total).toBe(6);
  for (let index = 0; index < total; index++) {
    await page.evaluate((h) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(h), index);
    await expect.poll(async () => (await drawnPixels(page, slideCanvas(index)))[0], { timeout: 5000, message: `chart on slide ${index + 1}` }).toBeGreaterThan(2000);
  }
  expect(errors).toEqual([]);
  await context.close();
});

it('keeps each data table for screen readers, and shows it with the button or the T key', async () => {
  const { page, context } = await openDeck(browser, url, { reducedMotion: 'reduce' });
  const width = async (index: number) => (await page.locator(slideData(index)).boundingBox())?.width ?? 0;
  // Hidden from sight but in the accessibility tree, with its caption and a row per category.
  expect(await width(0)).toBeLessThanOrEqual(1);
  const table = page.getByRole('table', { name: /Most students per staff member: School social worker/ });
  await expect.poll(() => table.count()).toBe(1);
  expect(await table.getByRole('rowheader').allTextContents()).toEqual(['School counselor', 'School social worker']);
  const button = page.locator('.reveal .slides > section:nth-child(1) button.podium-data-toggle');
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  expect(await width(0)).toBeGreaterThan(100);
  await button.click();
  expect(await width(0)).toBeLessThanOrEqual(1);
  await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.slide(1));
  await page.keyboard.press('t');
  expect(await width(1)).toBeGreaterThan(100);
  // The chart still draws beside its table.
  await expect.poll(async () => (await drawnPixels(page, slideCanvas(1)))[0]).toBeGreaterThan(2000);
  await context.close();
});

it('shows the data tables on printed pages and in the phone view', async () => {
  const print = await openDeck(browser, `${url}?print-pdf`);
  await print.page.waitForSelector('html[data-podium-print-ready]');
  const printed = await print.page.$$eval('.pdf-page .podium-data', (blocks) => blocks.map((block) => block.getBoundingClientRect().width));
  expect(printed).toHaveLength(6);
  for (const shown of printed) expect(shown).toBeGreaterThan(100);
  await print.context.close();
  const phone = await openDeck(browser, url, { viewport: { width: 390, height: 844 } });
  const onPhone = await phone.page.$$eval('.podium-data', (blocks) => blocks.map((block) => block.getBoundingClientRect().width));
  for (const shown of onPhone) expect(shown).toBeGreaterThan(100);
  await phone.context.close();
});

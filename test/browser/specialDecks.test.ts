import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestDecks } from '../support/testDecks.ts';
import { drawnPixels, launchChromium, openDeck } from '../support/browser.ts';

const decks = new TestDecks('special');
const payloads = ['</script><script>alert(1)</script>', `"'><img src=x onerror=alert(1)>`];

let browser: Browser;

const built = async (name: string) => (await decks.built(name)).url;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  decks.remove();
});

it('shows hostile titles, labels and notes as text and runs none of them', async () => {
  const { page, context, dialogs, errors, networkAttempts } = await openDeck(browser, await built('hostile'));
  expect(await page.title()).toBe(`${payloads[0]} ${payloads[1]}`);
  expect(await page.locator('.reveal h1').textContent()).toBe(payloads[1]);
  expect(await page.locator('figure.podium-chart .podium-chart-title').textContent()).toBe(payloads[0]);
  expect(await page.locator('figure.podium-chart tbody th').allTextContents()).toEqual(payloads);
  expect(await page.locator('aside.notes').textContent()).toBe(`${payloads[0]} ${payloads[1]}`);
  // Only the runtime and the chart's JSON are scripts; no element came from the payloads.
  expect(await page.locator('script').count()).toBe(2);
  expect(await page.locator('img').count()).toBe(0);
  await expect.poll(async () => (await drawnPixels(page, 'figure.podium-chart canvas'))[0]).toBeGreaterThan(1000);
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await expect
    .poll(async () => (await speaker.locator('.podium-speaker-notes-text').textContent())?.trim())
    .toBe(`${payloads[0]} ${payloads[1]}`);
  expect(await speaker.locator('.podium-speaker-notes-text img').count()).toBe(0);
  expect(await speaker.title()).toBe(`Speaker view: ${payloads[0]} ${payloads[1]}`);
  expect(await speaker.locator('.podium-speaker-title').textContent()).toBe(`${payloads[0]} ${payloads[1]}`);
  expect(dialogs).toEqual([]);
  expect(networkAttempts).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('draws the chart on every printed page that reveal clones for fragments', async () => {
  const { page, context, errors } = await openDeck(browser, `${await built('print-fragments')}?print-pdf`);
  await page.waitForSelector('html[data-podium-print-ready]');
  // One page per fragment step: before the first, after the first, after the second.
  expect(await page.locator('.pdf-page').count()).toBe(3);
  const pixels = await drawnPixels(page, '.pdf-page figure.podium-chart canvas');
  expect(pixels).toHaveLength(3);
  for (const drawn of pixels) expect(drawn).toBeGreaterThan(1000);
  expect(errors).toEqual([]);
  await context.close();
});

it('turns slide transitions and chart animation off for prefers-reduced-motion', async () => {
  const { page, context } = await openDeck(browser, await built('print-fragments'), { reducedMotion: 'reduce' });
  expect(await page.evaluate(() => window.Reveal.getConfig().transition)).toBe('none');
  // Without animation the chart is complete at once, not growing over 600 ms.
  const first = await drawnPixels(page, 'figure.podium-chart canvas');
  expect(first[0]).toBeGreaterThan(1000);
  await page.waitForTimeout(700);
  expect(await drawnPixels(page, 'figure.podium-chart canvas')).toEqual(first);
  await context.close();
});

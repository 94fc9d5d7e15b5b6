import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drawnPixels, openDeck } from '../support/browser.ts';
import { sampleDecksInChromium } from '../support/sampleDecks.ts';
import { TestDecks } from '../support/testDecks.ts';

const { samples, chromium } = sampleDecksInChromium('overview', 'school-support-staff');
const decks = new TestDecks('overview');
let farChart: string;

const everyCanvas = '.reveal .slides figure.podium-chart canvas';

beforeAll(async () => {
  farChart = (await decks.built('far-chart')).url;
});

afterAll(() => decks.remove());

/** Each chart canvas's size in pixels, in the order of the slides. */
function canvasSizes(page: Page): Promise<string[]> {
  return page.$$eval(everyCanvas, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => `${canvas.width}×${canvas.height}`),
  );
}

it('draws every chart in the overview (Esc), at the size its slide would draw it', async () => {
  const { page, context, errors } = await openDeck(chromium(), samples.url('school-support-staff'), {
    reducedMotion: 'reduce',
  });
  expect(await page.locator(everyCanvas).count()).toBe(2);
  // Not yet shown, so not yet drawn.
  expect(await drawnPixels(page, everyCanvas)).toEqual([0, 0]);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
  await expect
    .poll(async () => (await drawnPixels(page, everyCanvas)).every((drawn) => drawn > 2000), { timeout: 5000 })
    .toBe(true);
  const inOverview = await canvasSizes(page);
  expect(errors).toEqual([]);
  await context.close();

  // The same charts drawn by showing their slides: the overview's are neither smaller nor blurrier.
  const shown = await openDeck(chromium(), samples.url('school-support-staff'), { reducedMotion: 'reduce' });
  const total = await shown.page.evaluate(() => window.Reveal.getTotalSlides());
  for (let index = 0; index < total; index++) await shown.page.evaluate((h) => window.Reveal.slide(h), index);
  expect(await canvasSizes(shown.page)).toEqual(inOverview);
  await shown.context.close();
});

it('draws a chart far from the present slide once the overview moves near it', async () => {
  const { page, context, errors } = await openDeck(chromium(), farChart, { reducedMotion: 'reduce' });
  await page.keyboard.press('Escape');
  // reveal.js lays out only the slides within ten of the present one; the chart is on the twelfth.
  await page.keyboard.press('End');
  expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(12);
  await expect.poll(async () => (await drawnPixels(page, everyCanvas))[0], { timeout: 5000 }).toBeGreaterThan(2000);
  // Drawn at its slide's size, not at the 0 × 0 of a slide reveal.js was still hiding.
  const [width, height] = (await canvasSizes(page))[0]!.split('×').map(Number);
  expect(width).toBeGreaterThan(600);
  expect(height).toBeGreaterThan(200);
  expect(errors).toEqual([]);
  await context.close();
});

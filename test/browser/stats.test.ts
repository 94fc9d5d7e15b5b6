import { expect, it } from 'vitest';
import { openDeck } from '../support/browser.ts';
import { sampleDecksInChromium } from '../support/sampleDecks.ts';

const { samples, chromium } = sampleDecksInChromium('stats', 'school-support-staff');

it('gives stats side by side one type size, set by the longest figure', async () => {
  const { page, context } = await openDeck(chromium(), samples.url('school-support-staff'));
  await page.evaluate(() => window.Reveal.slide(1));
  const values = page.locator('.reveal .slides > section.present .podium-stat-value');
  expect(await values.allTextContents()).toEqual(['14 million', '3.5']);
  const sizes = await values.evaluateAll((shown) => shown.map((value) => parseFloat(getComputedStyle(value).fontSize)));
  expect(sizes[0]).toBeGreaterThan(40);
  expect(sizes[1]).toBe(sizes[0]);
  // The longer figure still fits its column.
  const overflow = await values.evaluateAll((shown) => shown.map((value) => value.scrollWidth - value.clientWidth));
  expect(overflow).toEqual([0, 0]);
  await context.close();
});

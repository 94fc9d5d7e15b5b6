import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { forEachSlide, openDeck } from '../support/browser.ts';
import { sampleDeckNames, sampleDecksInChromium } from '../support/sampleDecks.ts';

const { samples, chromium } = sampleDecksInChromium('a11y');

describe.each(sampleDeckNames)('%s', (name) => {
  // WCAG 2.1 A and AA, the level the ADA Title II web rule requires of public bodies.
  it('has no WCAG 2.1 A or AA violations on any slide (axe-core)', async () => {
    const { page, context } = await openDeck(chromium(), samples.url(name), { reducedMotion: 'reduce' });
    expect(await forEachSlide(page, () => axeViolations(page))).toEqual([]);
    await context.close();
  });

  // The reading view, as ?read asks for it and as a phone gets it.
  it.each([
    ['?read', { width: 1280, height: 720 }],
    ['', { width: 390, height: 844 }],
  ])('has no WCAG 2.1 A or AA violations as one page to read (%s at %o)', async (query, viewport) => {
    const { page, context } = await openDeck(chromium(), `${samples.url(name)}${query}`, {
      reducedMotion: 'reduce',
      viewport,
    });
    expect(await page.evaluate(() => document.documentElement.classList.contains('podium-read'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

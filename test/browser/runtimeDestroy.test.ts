import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openDeck } from '../support/browser.ts';
import { testDecksInChromium } from '../support/testDecks.ts';

const { decks, chromium } = testDecksInChromium('destroy');

/** Opens a deck, then loads it again with its intervals counted: the ones set and not cleared. */
async function openCounted(url: string) {
  const { context, page } = await openDeck(chromium(), url);
  await context.addInitScript(() => {
    const live = new Set<number>();
    const { setInterval: set, clearInterval: clear } = window;
    Object.assign(window, {
      podiumLiveIntervals: live,
      setInterval: (...args: Parameters<typeof set>) => {
        const id = set(...args);
        live.add(id);
        return id;
      },
      clearInterval: (id?: number) => {
        if (id !== undefined) live.delete(id);
        clear(id);
      },
    });
  });
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  return { context, page };
}

// The runtime's globals: reveal's deck, and what the runtime script exports (`Podium`).
const liveIntervals = (page: Page): Promise<number> =>
  page.evaluate(() => Reflect.get(window, 'podiumLiveIntervals').size);
const destroy = (page: Page) => page.evaluate(() => Reflect.get(window, 'Podium').destroy());
/** The keys reveal's help overlay (?) lists: reveal's own, and those the runtime added. */
const helpKeys = async (page: Page) => {
  await page.evaluate('Reveal.toggleHelp(true)');
  const keys = await page.locator('.r-overlay-help tr td:first-child').allTextContents();
  await page.evaluate('Reveal.toggleHelp(false)');
  return keys;
};

it('stops the countdown, the talk clock keys and the data key when the deck is destroyed', async () => {
  const { url } = await decks.built('timer-visible');
  const { context, page } = await openCounted(url);
  try {
    await page.keyboard.press('r');
    const ticking = await liveIntervals(page);
    expect(await helpKeys(page)).toEqual(expect.arrayContaining(['R', 'S', 'T']));
    await destroy(page);
    // The countdown bar's tick is cleared; reveal.js keeps its own interval.
    expect(await liveIntervals(page)).toBe(ticking - 1);
    expect(await helpKeys(page)).not.toEqual(expect.arrayContaining(['R']));
    expect(await helpKeys(page)).not.toEqual(expect.arrayContaining(['S']));
    expect(await helpKeys(page)).not.toEqual(expect.arrayContaining(['T']));
  } finally {
    await context.close();
  }
});

it('gives chart canvases back and stops answering "Show data" when the deck is destroyed', async () => {
  const { url } = await decks.built('ratio-marks');
  const { context, page } = await openDeck(chromium(), url);
  try {
    const canvas = page.locator('.reveal .slides section.present canvas').first();
    const button = page.locator('.reveal .slides section.present button.podium-data-toggle').first();
    await expect.poll(() => canvas.getAttribute('style')).toMatch(/height/);
    await destroy(page);
    expect(await canvas.getAttribute('style')).not.toMatch(/height/);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  } finally {
    await context.close();
  }
});

it('stops the speaker view saying hello and ticking when it is destroyed', async () => {
  const { url } = await decks.built('speaker-view');
  const { context, page } = await openCounted(`${url}?speaker`);
  try {
    expect(await liveIntervals(page)).toBe(2);
    await destroy(page);
    expect(await liveIntervals(page)).toBe(0);
  } finally {
    await context.close();
  }
});

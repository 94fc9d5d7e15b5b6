import { expect, it } from 'vitest';
import { testDecksInChromium } from '../support/testDecks.ts';
import { drawnPixels, openDeck } from '../support/browser.ts';

const { decks, chromium } = testDecksInChromium('special');
const payloads = ['</script><script>alert(1)</script>', `"'><img src=x onerror=alert(1)>`];

const built = async (name: string) => (await decks.built(name)).url;

it('shows hostile titles, labels and notes as text and runs none of them', async () => {
  const { page, context, dialogs, errors, networkAttempts } = await openDeck(chromium(), await built('hostile'));
  expect(await page.title()).toBe(`${payloads[0]} ${payloads[1]}`);
  expect(await page.locator('.reveal h1').textContent()).toBe(payloads[1]);
  expect(await page.locator('figure.podium-chart .podium-chart-title').textContent()).toBe(payloads[0]);
  expect(await page.locator('figure.podium-chart tbody th').allTextContents()).toEqual(payloads);
  expect(await page.locator('aside.notes').textContent()).toBe(`${payloads[0]} ${payloads[1]}`);
  // Only the runtime runs; the chart's JSON and the deck's words are data. No element came from the payloads.
  expect(await page.locator('script').count()).toBe(3);
  expect(await page.locator('script:not([type="application/json"])').count()).toBe(1);
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
  const { page, context, errors } = await openDeck(chromium(), `${await built('print-fragments')}?print-pdf`);
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
  const { page, context } = await openDeck(chromium(), await built('print-fragments'), { reducedMotion: 'reduce' });
  expect(await page.evaluate(() => window.Reveal.getConfig().transition)).toBe('none');
  // Without animation the chart is complete at once, not growing over 600 ms: every frame it drew is the whole chart.
  await page.addInitScript(keepFrames);
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  const [drawn] = await drawnPixels(page, 'figure.podium-chart canvas');
  expect(drawn).toBeGreaterThan(1000);
  const { frames, size } = await page.$eval('figure.podium-chart canvas', (element) => {
    const canvas = element as HTMLCanvasElement;
    return { frames: window.podiumFrames!.get(canvas) ?? [], size: `${canvas.width}x${canvas.height}` };
  });
  expect(frames.filter((frame) => frame.size === size).map((frame) => frame.drawn)).toEqual(
    frames.filter((frame) => frame.size === size).map(() => drawn),
  );
  await context.close();
});

/** Runs in the page before the deck: Chart.js clears a canvas before each frame, so each clear keeps the frame before. */
function keepFrames(): void {
  const frames = new WeakMap<HTMLCanvasElement, Array<{ size: string; drawn: number }>>();
  window.podiumFrames = frames;
  const { clearRect } = CanvasRenderingContext2D.prototype;
  CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, ...area) {
    const { canvas } = this;
    if (canvas.width > 0 && canvas.height > 0) {
      const { data } = this.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn += 1;
      if (drawn > 0)
        frames.set(canvas, [...(frames.get(canvas) ?? []), { size: `${canvas.width}x${canvas.height}`, drawn }]);
    }
    clearRect.apply(this, area);
  };
}

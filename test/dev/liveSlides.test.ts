import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { DevServer } from '../../src/dev/devServer.ts';
import { devServerFor } from '../support/devServer.ts';
import { drawnPixels, launchChromium, openDeck } from '../support/browser.ts';

interface Parts {
  title?: string;
  second?: string;
  third?: string;
  notes?: string;
}

const deck = ({
  title = 'Live charts',
  second = 'Two',
  third = 'Three',
  notes = 'Say three things.',
}: Parts = {}) => `---
title: ${title}
---

# One

<BarChart title="Kept" labels={["a", "b"]} values={[1, 2]} />

---

## ${second}

<Notes>Mention the second slide.</Notes>

---

## ${third}

<p className="fragment">First step</p>

<p className="fragment">Second step</p>

<BarChart title="Redrawn" labels={["a", "b"]} values={[3, 4]} />

<Notes>${notes}</Notes>
`;

let browser: Browser;
let project: string;
let server: DevServer;
const deckFile = () => join(project, 'decks', 'live.mdx');

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  project = mkdtempSync(join(tmpdir(), 'podium-live-'));
  mkdirSync(join(project, 'decks'), { recursive: true });
  writeFileSync(deckFile(), deck());
  server = await devServerFor(project);
});

afterEach(async () => {
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

const indices = (page: Page) => page.evaluate(() => window.Reveal.getIndices());
const heading = (page: Page, index: number) =>
  page.evaluate(
    (at) => document.querySelectorAll('.reveal .slides > section')[at]?.querySelector('h2')?.textContent,
    index,
  );
/** True while the page was not loaded again since it was marked. */
const marked = (page: Page) => page.evaluate(() => (window as { __marker?: number }).__marker === 1);

it('replaces the edited slides in place, on the same slide and step, keeping the other charts', async () => {
  const { page, context, errors } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  const kept = '.reveal .slides > section:first-of-type canvas';
  await expect.poll(async () => (await drawnPixels(page, kept))[0]).toBeGreaterThan(0);
  await page.evaluate(() => window.Reveal.slide(2, 0, 0));
  const redrawn = '.reveal .slides > section.present canvas';
  await expect.poll(async () => (await drawnPixels(page, redrawn))[0]).toBeGreaterThan(0);
  // Chart.js keeps a record on each canvas it draws on, made anew with each chart.
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.reveal .slides > section:first-of-type canvas')!;
    Object.assign(window, {
      __marker: 1,
      __keptCanvas: canvas,
      __keptChart: Reflect.get(canvas, '$chartjs'),
      __oldCanvas: document.querySelector('.reveal .slides > section.present canvas'),
    });
  });

  writeFileSync(deckFile(), deck({ second: 'Two, edited', third: 'Three, edited' }));
  await expect.poll(() => heading(page, 2), { timeout: 10_000 }).toBe('Three, edited');
  expect(await heading(page, 1)).toBe('Two, edited');
  expect(await marked(page)).toBe(true);
  expect(await indices(page)).toMatchObject({ h: 2, v: 0, f: 0 });
  expect(await page.locator('.reveal .slides > section.present .fragment.visible').allTextContents()).toEqual([
    'First step',
  ]);
  // The untouched slide's chart is the same chart on the same canvas; the edited slide's is drawn anew.
  expect(
    await page.evaluate(() => {
      const canvas = document.querySelector('.reveal .slides > section:first-of-type canvas');
      const { __keptCanvas, __keptChart } = window as { __keptCanvas?: Element; __keptChart?: unknown };
      return canvas === __keptCanvas && Reflect.get(canvas!, '$chartjs') === __keptChart;
    }),
  ).toBe(true);
  expect((await drawnPixels(page, kept))[0]).toBeGreaterThan(0);
  expect(
    await page.evaluate(
      () => document.querySelector('.reveal .slides > section.present canvas') !== Reflect.get(window, '__oldCanvas'),
    ),
  ).toBe(true);
  await expect.poll(async () => (await drawnPixels(page, redrawn))[0]).toBeGreaterThan(0);
  // What the runtime gives each slide, the new ones included.
  expect(
    await page.locator('.reveal .slides > section').evaluateAll((slides) => slides.map((s) => s.ariaLabel)),
  ).toEqual(['1 of 3: One', '2 of 3: Two, edited', '3 of 3: Three, edited']);
  await page.keyboard.press('ArrowRight');
  expect(await indices(page)).toMatchObject({ h: 2, f: 1 });

  // A mistake shows in the page, and its fix clears it, still in place.
  const broken = deck({ second: 'Two, edited', third: 'Three, edited' }).replace(
    '<Notes>Mention',
    '<BarChart title="x" labels={["a"]} values={[1, 2]} />\n\n<Notes>Mention',
  );
  writeFileSync(deckFile(), broken);
  await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 10_000 }).toBe(1);
  writeFileSync(deckFile(), deck({ second: 'Two, fixed', third: 'Three, edited' }));
  await expect.poll(() => heading(page, 1), { timeout: 10_000 }).toBe('Two, fixed');
  expect(await page.locator('vite-error-overlay').count()).toBe(0);
  expect(await marked(page)).toBe(true);

  // The frontmatter is more than slides: the page loads again, on the same slide and step.
  writeFileSync(deckFile(), deck({ title: 'Live charts, retitled', second: 'Two, fixed', third: 'Three, edited' }));
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Live charts, retitled');
  await page.waitForSelector('html[data-podium-ready]');
  expect(await marked(page)).toBe(false);
  await expect.poll(() => indices(page)).toMatchObject({ h: 2, f: 1 });
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the edited notes and slides in the speaker view, which still moves the presentation', async () => {
  const { page, context, errors } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  await page.evaluate(() => window.Reveal.slide(2, 0, 0));
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speaker.waitForSelector('html[data-podium-ready]');
  const notes = () => speaker.locator('.podium-speaker-notes-text').textContent();
  const nowShown = () =>
    speaker.frameLocator('.podium-speaker-now iframe').locator('.slides > section.present h2').textContent();
  await expect.poll(notes).toBe('Say three things.');
  await expect.poll(nowShown).toBe('Three');
  await page.evaluate(() => Object.assign(window, { __marker: 1 }));

  writeFileSync(deckFile(), deck({ third: 'Three, edited', notes: 'Say four things.' }));
  await expect.poll(() => heading(page, 2), { timeout: 10_000 }).toBe('Three, edited');
  await expect.poll(notes, { timeout: 10_000 }).toBe('Say four things.');
  await expect.poll(nowShown, { timeout: 10_000 }).toBe('Three, edited');
  expect(await marked(page)).toBe(true);
  // The speaker view knows the presentation for the same build: it still moves it.
  await speaker.keyboard.press('ArrowRight');
  await expect.poll(() => indices(page)).toMatchObject({ h: 2, f: 1 });
  await expect.poll(() => speaker.locator('.podium-speaker-place').textContent()).toBe('Slide 3 of 3 · step 2 of 2');
  expect(errors).toEqual([]);
  await context.close();
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';
import { testDecksInChromium } from '../support/testDecks.ts';
import { openDeck, policyViolations, type OpenedDeck } from '../support/browser.ts';

const { decks, chromium } = testDecksInChromium('timer');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const built = async (name: string) => (await decks.built(name)).url;

/** Opens a deck with Playwright's clock in charge of time in the page, its popups and their frames. */
async function openTimedDeck(name: string, options: Parameters<typeof openDeck>[2] = {}): Promise<OpenedDeck> {
  const opened = await openDeck(chromium(), await built(name), options);
  await opened.page.clock.install();
  // Loaded again so that every timer of the deck runs on the installed clock.
  await opened.page.reload();
  await opened.page.waitForSelector('html[data-podium-ready]');
  return opened;
}

async function openSpeakerView(context: BrowserContext, page: Page): Promise<Page> {
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speaker.waitForSelector('html[data-podium-ready]');
  return speaker;
}

const speakerTimeLeft = (speaker: Page) =>
  speaker.locator('.podium-speaker-timer-value').textContent({ timeout: 5000 });
const slideIndex = (page: Page) => page.evaluate(() => window.Reveal.getIndices().h);

/** Seconds left as a countdown shows them ("2:05 left", "28 s left"); Infinity for anything else. */
function secondsIn(text: string | null | undefined): number {
  const clock = /^\s*(\d+):(\d\d) left\s*$/.exec(text ?? '');
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const short = /^\s*(\d+) s left\s*$/.exec(text ?? '');
  return short ? Number(short[1]) : Number.POSITIVE_INFINITY;
}

/**
 * Waits for a countdown to show `expected` seconds left. Time in the browser also moves on with
 * the real clock between steps, so a busy machine may show a second or two less.
 */
async function expectTimeLeft(read: () => Promise<string | null>, expected: number): Promise<void> {
  await expect.poll(async () => secondsIn(await read())).toBeLessThanOrEqual(expected);
  expect(secondsIn(await read())).toBeGreaterThanOrEqual(expected - 3);
}

it('counts down on a bar the audience sees, warns in the last 30 seconds, says when time is up and keeps the deck going', async () => {
  const { page, context, errors, networkAttempts } = await openTimedDeck('timer-visible');
  const bar = page.locator('.podium-timer');
  const timer = bar.getByRole('timer');
  const shown = () => timer.textContent();
  expect((await shown())?.trim()).toBe('1:00 left');

  // Waiting for the speaker: nothing counts until the first slide change.
  await page.clock.runFor(20_000);
  expect((await shown())?.trim()).toBe('1:00 left');
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(10_000);
  await expectTimeLeft(shown, 50);
  expect(await bar.getAttribute('class')).not.toMatch(/warning/);
  // Before the warning the text is there for screen readers only; the shrinking bar is what shows.
  expect((await timer.boundingBox())?.width).toBeLessThanOrEqual(1);
  const fill = bar.locator('.podium-timer-fill');
  const fillWidth = async () => (await fill.boundingBox())?.width ?? 0;
  await expect.poll(fillWidth).toBeLessThan(1280 * 0.9);
  const fillColour = () => fill.evaluate((element) => getComputedStyle(element).backgroundColor);
  const runningColour = await fillColour();

  await page.clock.runFor(20_000);
  await expect.poll(() => bar.getAttribute('class')).toMatch(/podium-timer-warning/);
  expect((await shown())?.trim()).toMatch(/^\d+ s left$/);
  expect(secondsIn(await shown())).toBeLessThanOrEqual(30);
  // The warning is shown in words and in colour, and said once to screen readers.
  expect((await timer.boundingBox())?.width).toBeGreaterThan(50);
  expect(await fillColour()).not.toBe(runningColour);
  expect(await bar.getByRole('status').textContent()).toMatch(/^\d+ seconds left$/);

  await page.clock.runFor(31_000);
  await expect.poll(async () => (await shown())?.trim()).toBe('Time is up');
  expect(await bar.getAttribute('class')).toMatch(/podium-timer-over/);
  expect(await bar.getByRole('status').textContent()).toBe('Time is up');

  // Time up never stops the deck.
  expect(await slideIndex(page)).toBe(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(2);

  // R starts the countdown again from the full limit.
  await page.keyboard.press('r');
  await page.clock.runFor(1000);
  await expectTimeLeft(shown, 60);
  expect(await bar.getAttribute('class')).toMatch(/podium-timer-running/);
  expect(networkAttempts).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('keeps counting through a reload of the presentation window, on the bar and in the speaker view', async () => {
  const { page, context, errors } = await openTimedDeck('timer-visible');
  const shown = () => page.locator('.podium-timer').getByRole('timer').textContent();
  const speaker = await openSpeakerView(context, page);
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(15_000);
  await expectTimeLeft(shown, 45);
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  await page.clock.runFor(5000);
  await expectTimeLeft(shown, 40);
  // Reloaded from file://, the deck has a new origin: the speaker view still hears from it, and R still reaches it.
  await expectTimeLeft(() => speakerTimeLeft(speaker), 40);
  await speaker.keyboard.press('r');
  await page.clock.runFor(1000);
  await expectTimeLeft(shown, 60);
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the time left in the speaker view, and keeps it when the speaker window is reloaded', async () => {
  const { page, context, errors, dialogs } = await openTimedDeck('timer-visible');
  const speaker = await openSpeakerView(context, page);
  await page.clock.runFor(2000);
  await expect.poll(async () => (await speakerTimeLeft(speaker))?.trim()).toBe('1:00 left');

  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(20_000);
  await expectTimeLeft(() => speakerTimeLeft(speaker), 40);

  // The browser reloads the speaker window: it comes back by itself, on the same slide, with the same countdown.
  await speaker.reload();
  await speaker.waitForSelector('html[data-podium-ready]');
  await page.clock.runFor(5000);
  await expectTimeLeft(() => speakerTimeLeft(speaker), 35);
  await expect.poll(() => speaker.locator('.podium-speaker-place').textContent()).toBe('Slide 2 of 3 · step 0 of 1');
  expect(await context.pages()).toHaveLength(2);

  // The warning and the end show in the speaker view too, in words.
  const banner = () => speaker.locator('.podium-speaker-timer').textContent();
  await page.clock.runFor(10_000);
  await expect.poll(async () => (await banner())?.trim()).toMatch(/left Last 30 seconds/);
  await page.clock.runFor(30_000);
  await expect.poll(async () => (await banner())?.trim()).toMatch(/^Time is up \d+:\d\d over/);

  // R pressed in the speaker view restarts the countdown for everyone.
  await speaker.keyboard.press('r');
  await page.clock.runFor(1000);
  await expectTimeLeft(() => speakerTimeLeft(speaker), 60);
  await expectTimeLeft(() => page.locator('.podium-timer').getByRole('timer').textContent(), 60);
  // The time left reaches the speaker view within the deck's Content-Security-Policy.
  expect(await policyViolations(page)).toEqual([]);
  expect(await policyViolations(speaker)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the countdown only in the speaker view unless the deck asks for timer: visible', async () => {
  const { page, context, errors } = await openTimedDeck('timer-speaker');
  const speaker = await openSpeakerView(context, page);
  await page.clock.runFor(2000);
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(10_000);
  await expectTimeLeft(() => speakerTimeLeft(speaker), 80);
  expect(await page.locator('.podium-timer').count()).toBe(0);
  expect(await page.getByRole('timer').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

it('meets WCAG 2.1 AA while counting, warning and at time up, and does not animate for reduced motion', async () => {
  const { page, context } = await openTimedDeck('timer-visible', { reducedMotion: 'reduce' });
  // Through the debugging protocol: the deck's own policy refuses an injected <script>.
  await page.evaluate(axeSource);
  const check = () =>
    page.evaluate(async () => {
      const axe = window.axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
  const fill = page.locator('.podium-timer-fill');
  expect(await fill.evaluate((element) => getComputedStyle(element).transitionDuration)).toBe('0s');
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(5000);
  expect(await check()).toEqual([]);
  await page.clock.runFor(30_000);
  await expect.poll(() => page.locator('.podium-timer-warning').count()).toBe(1);
  expect(await check()).toEqual([]);
  await page.clock.runFor(30_000);
  await expect.poll(() => page.locator('.podium-timer-over').count()).toBe(1);
  expect(await check()).toEqual([]);
  await context.close();
});

it("draws the audience's countdown with a theme that says nothing about it", async () => {
  const project = mkdtempSync(join(tmpdir(), 'podium-bare-theme-'));
  mkdirSync(join(project, 'themes'));
  writeFileSync(join(project, 'themes', 'bare.css'), ':root { --r-main-font: serif; }\n');
  const source = readFileSync(new URL('decks/timer-visible.mdx', import.meta.url), 'utf8').replace(
    'timer: visible',
    'timer: visible\ntheme: bare',
  );
  writeFileSync(join(project, 'deck.mdx'), source);
  const built = await buildDeck(join(project, 'deck.mdx'), resolveConfig({ root: project }));
  writeFileSync(join(project, 'deck.html'), built.html);
  const { page, context } = await openDeck(chromium(), pathToFileURL(join(project, 'deck.html')).href);
  const bar = page.locator('.podium-timer');
  expect(await bar.evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
  expect((await bar.locator('.podium-timer-track').boundingBox())?.height).toBe(10);
  // Before the warning its words are for screen readers only, whatever the theme.
  expect((await bar.getByRole('timer').boundingBox())?.width).toBeLessThanOrEqual(1);
  await context.close();
  rmSync(project, { recursive: true, force: true });
});

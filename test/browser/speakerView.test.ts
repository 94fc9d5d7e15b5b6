import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, openDeck, policyViolations } from '../support/browser.ts';
import { TestDecks } from '../support/testDecks.ts';

const decks = new TestDecks('speaker');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type RevealApi = { getIndices(): { h: number; f?: number }; isPaused(): boolean };

let browser: Browser;
let url: string;

beforeAll(async () => {
  url = (await decks.built('speaker-view')).url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  decks.remove();
});

async function openSpeakerView(context: BrowserContext, page: Page): Promise<Page> {
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speaker.waitForSelector('html[data-podium-ready]');
  return speaker;
}

const indices = (target: Page | Frame) => target.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getIndices());
const place = (speaker: Page) => speaker.locator('.podium-speaker-place').textContent();
const notes = async (speaker: Page) => (await speaker.locator('.podium-speaker-notes-text').textContent())?.trim();

/** The deck inside one of the speaker view's previews, once it is up. */
async function preview(speaker: Page, which: 'now' | 'next'): Promise<Frame> {
  const frame = (await speaker.locator(`.podium-speaker-${which} iframe`).elementHandle())!.contentFrame();
  await expect.poll(async () => (await frame)?.url() ?? '').toContain('?receiver');
  const found = (await frame)!;
  await found.waitForSelector('html[data-podium-ready]');
  return found;
}

it('follows the presentation: the slide, the step, the next step and the notes; its keys and buttons move the deck', async () => {
  const { page, context, errors, dialogs, networkAttempts } = await openDeck(browser, url, { reducedMotion: 'reduce' });
  const speaker = await openSpeakerView(context, page);
  expect(speaker.url()).toBe(`${url}?speaker`);
  expect(await speaker.title()).toBe('Speaker view: Two minutes on counselors');
  await expect.poll(() => place(speaker)).toBe('Slide 1 of 4');
  expect(await notes(speaker)).toBe('Thank the board for the time.');
  const now = await preview(speaker, 'now');
  const next = await preview(speaker, 'next');
  await expect.poll(async () => (await indices(next)).h).toBe(1);
  expect((await indices(now)).h).toBe(0);

  // Keys pressed in the speaker view move the presentation; both previews follow it.
  await speaker.keyboard.press('ArrowRight');
  await expect.poll(async () => (await indices(page)).h).toBe(1);
  await expect.poll(() => place(speaker)).toBe('Slide 2 of 4 · step 0 of 2');
  expect(await notes(speaker)).toBe('Pause after each step.');
  await expect.poll(async () => (await indices(now)).h).toBe(1);
  // The next preview shows the first step of this slide.
  await expect.poll(async () => (await indices(next)).f).toBe(0);
  await speaker.keyboard.press(' ');
  await speaker.keyboard.press(' ');
  await expect.poll(() => place(speaker)).toBe('Slide 2 of 4 · step 2 of 2');
  await expect.poll(async () => (await indices(next)).h).toBe(2);
  await expect.poll(async () => (await indices(now)).f).toBe(1);

  // At the end there is no next step, and a slide without notes says so.
  await speaker.keyboard.press('End');
  await expect.poll(() => place(speaker)).toBe('Slide 4 of 4');
  await expect.poll(() => speaker.locator('.podium-speaker-preview-end').isVisible()).toBe(true);
  expect(await speaker.locator('.podium-speaker-next iframe').isVisible()).toBe(false);
  expect(await notes(speaker)).toBe('No notes for this slide.');
  await speaker.getByRole('button', { name: /Previous/ }).click();
  await expect.poll(async () => (await indices(page)).h).toBe(2);
  expect(await speaker.locator('.podium-speaker-preview-end').isVisible()).toBe(false);

  // B blacks out the audience's screen, and the speaker view says so; B again shows the slide.
  await speaker.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.isPaused())).toBe(true);
  await expect.poll(() => speaker.getByRole('status').textContent()).toMatch(/black screen/);
  await speaker.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.isPaused())).toBe(false);
  await expect.poll(() => speaker.getByRole('status').isVisible()).toBe(false);

  // S again brings the same window forward rather than opening or reloading one.
  await speaker.evaluate(() => Object.assign(window, { podiumStillHere: true }));
  await page.keyboard.press('s');
  await page.waitForTimeout(300);
  expect(context.pages()).toHaveLength(2);
  expect(await speaker.evaluate(() => (window as unknown as { podiumStillHere?: boolean }).podiumStillHere)).toBe(true);
  expect(await policyViolations(speaker)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(networkAttempts).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('finds the presentation again after either window is reloaded', async () => {
  const { page, context, errors } = await openDeck(browser, url, { reducedMotion: 'reduce' });
  const speaker = await openSpeakerView(context, page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => place(speaker)).toBe('Slide 2 of 4 · step 0 of 2');

  // The browser reloads the speaker window: no S needed, it is back on the same slide and still drives the deck.
  await speaker.reload();
  await speaker.waitForSelector('html[data-podium-ready]');
  await expect.poll(() => place(speaker)).toBe('Slide 2 of 4 · step 0 of 2');
  expect(await notes(speaker)).toBe('Pause after each step.');
  await speaker.keyboard.press('PageDown');
  await expect.poll(async () => (await indices(page)).f).toBe(0);

  // The presentation window is reloaded (from file://, a new origin): the speaker view finds it again.
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  await speaker.keyboard.press('End');
  await expect.poll(async () => (await indices(page)).h).toBe(3);
  await expect.poll(() => place(speaker)).toBe('Slide 4 of 4');
  await speaker.keyboard.press('Home');
  await expect.poll(async () => (await indices(page)).h).toBe(0);
  await expect.poll(() => place(speaker)).toBe('Slide 1 of 4');
  expect(context.pages()).toHaveLength(2);
  expect(errors).toEqual([]);
  await context.close();
});

it('opens again with S after the speaker closes it, on the slide the audience sees', async () => {
  const { page, context, errors } = await openDeck(browser, url, { reducedMotion: 'reduce' });
  const first = await openSpeakerView(context, page);
  await page.keyboard.press('End');
  await expect.poll(() => place(first)).toBe('Slide 4 of 4');
  await first.close();
  // The presentation learns that a window closed a moment later, as a presenter's next key press would be.
  await page.waitForTimeout(1000);
  await page.keyboard.press('Home');
  const second = await openSpeakerView(context, page);
  await expect.poll(() => place(second)).toBe('Slide 1 of 4');
  expect(await notes(second)).toBe('Thank the board for the time.');
  expect(errors).toEqual([]);
  await context.close();
});

it('tells the presenter when the browser refuses to open the speaker window', async () => {
  const { page, context, errors } = await openDeck(browser, url);
  // A browser that blocks pop-ups gives window.open nothing back.
  await page.evaluate(() => Object.assign(window, { open: () => null }));
  await page.keyboard.press('s');
  await expect.poll(() => page.getByRole('alert').textContent()).toBe('The browser blocked the speaker view window. Allow pop-ups for this page, then press S again.');
  expect(context.pages()).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('says what it is when opened without the presentation', async () => {
  const { page, context, errors } = await openDeck(browser, `${url}?speaker`);
  await expect.poll(() => page.getByRole('status').textContent()).toBe('This is the speaker view. Open the deck and press S there to present with it.');
  expect(await notes(page)).toBe('Thank the board for the time.');
  expect(await page.locator('.reveal').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the pace against the time limit, shared by the slides spoken to', async () => {
  const { page, context, errors } = await openDeck(browser, url);
  await page.clock.install();
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  const speaker = await openSpeakerView(context, page);
  const pace = () => speaker.locator('.podium-speaker-pace').textContent();
  // Two minutes over three slides: the Sources slide is for readers, not spoken to.
  await expect.poll(pace).toBe('Pace: about 0:40 a slide');
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(10_000);
  await expect.poll(pace).toMatch(/^Pace: 0:(2\d|30) ahead \(about 0:40 a slide\)$/);
  await page.clock.runFor(45_000);
  await expect.poll(pace).toMatch(/^Pace: 0:(2\d|1\d) for this slide$/);
  await page.clock.runFor(30_000);
  await expect.poll(pace).toMatch(/^Pace: 0:0\d behind \(about 0:40 a slide\)$/);
  await page.keyboard.press('End');
  await expect.poll(pace).toBe('');
  await expect.poll(() => speaker.locator('.podium-speaker-spoken').textContent()).toMatch(/^Speaking 1:2\d$/);
  expect(errors).toEqual([]);
  await context.close();
});

it('lets the speaker enlarge the notes, and remembers the size', async () => {
  const { page, context } = await openDeck(browser, url);
  const speaker = await openSpeakerView(context, page);
  const size = () => speaker.locator('.podium-speaker-notes-text').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const before = await size();
  await speaker.getByRole('button', { name: 'Larger notes (+)' }).click();
  await speaker.keyboard.press('+');
  expect(await size()).toBeGreaterThan(before + 8);
  const larger = await size();
  await speaker.reload();
  await speaker.waitForSelector('html[data-podium-ready]');
  expect(await size()).toBe(larger);
  await speaker.keyboard.press('-');
  expect(await size()).toBeLessThan(larger);
  await context.close();
});

it('meets WCAG 2.1 AA', async () => {
  const { page, context } = await openDeck(browser, url);
  const speaker = await openSpeakerView(context, page);
  await expect.poll(() => place(speaker)).toBe('Slide 1 of 4');
  // Through the debugging protocol: the deck's own policy refuses an injected <script>.
  await speaker.evaluate(axeSource);
  const violations = await speaker.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // The previews are the deck itself, checked slide by slide elsewhere; here, the view around them.
    const result = await axe.run(document, { iframes: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
  await context.close();
});

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';
import { deckIdentity } from '../../src/runtime/speaker/messages.ts';
import { openDeck, policyViolations } from '../support/browser.ts';
import { testDecksInChromium } from '../support/testDecks.ts';

const { decks, chromium } = testDecksInChromium('speaker');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let url: string;

beforeAll(async () => {
  url = (await decks.built('speaker-view')).url;
});

async function openSpeakerView(context: BrowserContext, page: Page): Promise<Page> {
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speaker.waitForSelector('html[data-podium-ready]');
  return speaker;
}

const indices = (target: Page | Frame) => target.evaluate(() => window.Reveal.getIndices());
const place = (speaker: Page) => speaker.locator('.podium-speaker-place').textContent();
const notes = async (speaker: Page) => (await speaker.locator('.podium-speaker-notes-text').textContent())?.trim();

/** From now on, the page keeps each window it opens, so a test can see what a key press did. */
const keepOpenedWindows = (page: Page) =>
  page.evaluate(() => {
    const open = window.open.bind(window);
    window.podiumOpened = [];
    window.open = (...args) => {
      const opened = open(...args);
      window.podiumOpened!.push(opened);
      return opened;
    };
  });

/**
 * From now on, the page counts the marks other windows post to it. Messages from one window to
 * another arrive in order: once a mark is counted, every message posted before it was handled.
 */
const countMarks = (page: Page) =>
  page.evaluate(() => {
    window.podiumMarks = 0;
    addEventListener('message', (event) => {
      if (event.data === 'podium-test-mark') window.podiumMarks! += 1;
    });
  });
const marks = (page: Page) => page.evaluate(() => window.podiumMarks);

/** The deck inside one of the speaker view's previews, once it is up. */
async function preview(speaker: Page, which: 'now' | 'next'): Promise<Frame> {
  const frame = (await speaker.locator(`.podium-speaker-${which} iframe`).elementHandle())!.contentFrame();
  await expect.poll(async () => (await frame)?.url() ?? '').toContain('?receiver');
  const found = (await frame)!;
  await found.waitForSelector('html[data-podium-ready]');
  return found;
}

it('follows the presentation: the slide, the step, the next step and the notes; its keys and buttons move the deck', async () => {
  const { page, context, errors, dialogs, networkAttempts } = await openDeck(chromium(), url, {
    reducedMotion: 'reduce',
  });
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
  // A click leaves no focus on the button: space goes on moving the slides.
  await speaker.keyboard.press(' ');
  await expect.poll(async () => (await indices(page)).h).toBe(3);
  await speaker.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await indices(page)).h).toBe(2);

  // B blacks out the audience's screen, and the speaker view says so; B again shows the slide.
  await speaker.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => window.Reveal.isPaused())).toBe(true);
  await expect.poll(() => speaker.getByRole('status').textContent()).toMatch(/black screen/);
  await speaker.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => window.Reveal.isPaused())).toBe(false);
  await expect.poll(() => speaker.getByRole('status').isVisible()).toBe(false);

  // S again brings the same window forward rather than opening or reloading one.
  await speaker.evaluate(() => Object.assign(window, { podiumStillHere: true }));
  await keepOpenedWindows(page);
  await page.keyboard.press('s');
  // The key was handled before the page answers this: it asked for no window (a named one would load again).
  expect(await page.evaluate(() => window.podiumOpened!.length)).toBe(0);
  expect(context.pages()).toHaveLength(2);
  expect(await speaker.evaluate(() => window.podiumStillHere)).toBe(true);
  expect(await policyViolations(speaker)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(networkAttempts).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('finds the presentation again after either window is reloaded', async () => {
  const { page, context, errors } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
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
  const { page, context, errors } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  await keepOpenedWindows(page);
  const first = await openSpeakerView(context, page);
  await page.keyboard.press('End');
  await expect.poll(() => place(first)).toBe('Slide 4 of 4');
  await first.close();
  // The presentation learns that a window closed a moment later, as a presenter's next key press would be.
  await expect.poll(() => page.evaluate(() => window.podiumOpened!.every((opened) => opened?.closed))).toBe(true);
  await page.keyboard.press('Home');
  const second = await openSpeakerView(context, page);
  await expect.poll(() => place(second)).toBe('Slide 1 of 4');
  expect(await notes(second)).toBe('Thank the board for the time.');
  expect(errors).toEqual([]);
  await context.close();
});

it('tells the presenter when the browser refuses to open the speaker window', async () => {
  const { page, context, errors } = await openDeck(chromium(), url);
  // A browser that blocks pop-ups gives window.open nothing back.
  await page.evaluate(() => Object.assign(window, { open: () => null }));
  await page.keyboard.press('s');
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toBe('The browser blocked the speaker view window. Allow pop-ups for this page, then press S again.');
  expect(context.pages()).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('says what it is when opened without the presentation', async () => {
  const { page, context, errors } = await openDeck(chromium(), `${url}?speaker`);
  await expect
    .poll(() => page.getByRole('status').textContent())
    .toBe('This is the speaker view. Open the deck and press S there to present with it.');
  expect(await notes(page)).toBe('Thank the board for the time.');
  expect(await page.locator('.reveal').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the pace against the time limit, shared by the slides spoken to', async () => {
  const { page, context, errors } = await openDeck(chromium(), url);
  await page.clock.install();
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  const speaker = await openSpeakerView(context, page);
  const pace = () => speaker.locator('.podium-speaker-pace').textContent();
  // Two minutes over three slides: the Sources slide is for readers, not spoken to.
  await expect.poll(pace).toBe('Pace: about 0:40 a slide');
  // The clock starts as the speaker leaves the title: the two minutes are shared by the two slides from there.
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(10_000);
  await expect.poll(pace).toMatch(/^Pace: 0:(4[7-9]|50) for this slide$/);
  await page.clock.runFor(60_000);
  await expect.poll(pace).toMatch(/^Pace: 0:1[0-3] behind \(about 1:00 a slide\)$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(pace).toMatch(/^Pace: 0:(4[7-9]|50) for this slide$/);
  await page.keyboard.press('End');
  await expect.poll(pace).toBe('');
  await expect.poll(() => speaker.locator('.podium-speaker-spoken').textContent()).toMatch(/^Speaking 1:1\d$/);
  // R on the title starts the clock there: three slides, and the next one reached early is ahead.
  await page.keyboard.press('Home');
  await page.keyboard.press('r');
  await page.keyboard.press('ArrowRight');
  await page.clock.runFor(10_000);
  // The fake clock also runs with real time, and the restart lands when the presentation handles R: a second either way.
  await expect.poll(pace).toMatch(/^Pace: 0:(2[7-9]|3[01]) ahead \(about 0:40 a slide\)$/);
  expect(errors).toEqual([]);
  await context.close();
});

it('lets the speaker enlarge the notes, and remembers the size', async () => {
  const { page, context } = await openDeck(chromium(), url);
  const speaker = await openSpeakerView(context, page);
  const size = () =>
    speaker.locator('.podium-speaker-notes-text').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
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
  const { page, context } = await openDeck(chromium(), url);
  const speaker = await openSpeakerView(context, page);
  await expect.poll(() => place(speaker)).toBe('Slide 1 of 4');
  // A small window, large notes, and the black screen's notice.
  await speaker.setViewportSize({ width: 800, height: 600 });
  for (let step = 0; step < 5; step++) await speaker.keyboard.press('+');
  await speaker.keyboard.press('b');
  await expect.poll(() => speaker.getByRole('status').textContent()).toMatch(/black screen/);
  // Nothing overlaps the buttons, and nothing is cut off: the page scrolls if it must.
  const previewBottom = (await speaker.locator('.podium-speaker-now .podium-speaker-preview').boundingBox())!;
  const buttons = (await speaker.locator('.podium-speaker-controls').boundingBox())!;
  expect(previewBottom.y + previewBottom.height).toBeLessThanOrEqual(buttons.y);
  // Through the debugging protocol: the deck's own policy refuses an injected <script>.
  await speaker.evaluate(axeSource);
  const violations = await speaker.evaluate(async () => {
    const axe = window.axe;
    // The previews are the deck itself, checked slide by slide elsewhere; here, the view around them.
    const result = await axe.run(document, {
      iframes: false,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations).toEqual([]);
  await context.close();
});

it('obeys only its own speaker view: not a page loaded in its place, not a page that opened the deck', async () => {
  const { page, context, errors } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  // The stamp of the deck's slides, which a speaker view of it would give.
  const identity = await page.evaluate(deckIdentity, undefined);
  expect(identity).toMatch(/^[\w-]{16}$/);
  const speaker = await openSpeakerView(context, page);
  await expect.poll(() => place(speaker)).toBe('Slide 1 of 4');
  // Another page in the speaker window knows the messages, not this deck's slides; reveal's own message API is off.
  await speaker.goto('data:text/html,<p>elsewhere</p>');
  await countMarks(page);
  await speaker.evaluate(() => {
    opener!.postMessage({ podiumSpeaker: 'move', move: 'last', deck: 'guess' }, '*');
    opener!.postMessage(JSON.stringify({ method: 'slide', args: [2] }), '*');
    opener!.postMessage('podium-test-mark', '*');
  });
  // A page that opens the deck is not a window the deck opened, even knowing its slides.
  const hostileFile = join(dirname(fileURLToPath(url)), 'opener.html');
  writeFileSync(hostileFile, '<!doctype html><title>opener</title>');
  const hostile = await context.newPage();
  await hostile.goto(pathToFileURL(hostileFile).href);
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    hostile.evaluate((address) => Object.assign(window, { openedDeck: window.open(address) }), url),
  ]);
  await opened.waitForSelector('html[data-podium-ready]');
  await countMarks(opened);
  await hostile.evaluate((deck) => {
    const target = window.openedDeck!;
    target.postMessage({ podiumSpeaker: 'move', move: 'last', deck }, '*');
    target.postMessage(JSON.stringify({ method: 'slide', args: [2] }), '*');
    target.postMessage('podium-test-mark', '*');
  }, identity);
  await expect.poll(() => marks(page)).toBe(1);
  await expect.poll(() => marks(opened)).toBe(1);
  expect((await indices(page)).h).toBe(0);
  expect((await indices(opened)).h).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

it('catches up with a rebuilt deck, and steps aside for another one', async () => {
  const { page, context, errors } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  const speaker = await openSpeakerView(context, page);
  await expect.poll(() => notes(speaker)).toBe('Thank the board for the time.');
  // The organizer rebuilds the deck with new notes and reloads the presentation: the speaker view loads the new build.
  const file = fileURLToPath(url);
  const edited = join(dirname(file), 'speaker-view-edited.mdx');
  writeFileSync(
    edited,
    readFileSync(new URL('decks/speaker-view.mdx', import.meta.url), 'utf8').replace(
      'Thank the board for the time.',
      'Thank the board and the clerk.',
    ),
  );
  writeFileSync(file, (await buildDeck(edited, resolveConfig({ root: dirname(file) }))).html);
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  await expect.poll(() => notes(speaker), { timeout: 10_000 }).toBe('Thank the board and the clerk.');
  await expect.poll(() => speaker.getByRole('status').isVisible()).toBe(false);
  // The same tab opens another deck: the speaker view says so and is not obeyed; S there opens that deck's own.
  await page.goto((await decks.built('timer-speaker')).url);
  await page.waitForSelector('html[data-podium-ready]');
  await expect
    .poll(() => speaker.getByRole('status').textContent(), { timeout: 10_000 })
    .toBe('The presentation window shows another deck now. Close this window and press S there.');
  await countMarks(page);
  await speaker.keyboard.press('End');
  await speaker.evaluate(() => opener!.postMessage('podium-test-mark', '*'));
  await expect.poll(() => marks(page)).toBe(1);
  expect((await indices(page)).h).toBe(0);
  const second = await openSpeakerView(context, page);
  await expect.poll(() => second.title()).toBe('Speaker view: Ninety seconds, speaker view only');
  expect(errors).toEqual([]);
  await context.close();
});

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { DevServer } from '../../src/dev/devServer.ts';
import { devServerFor } from '../support/devServer.ts';
import { launchChromium, openDeck } from '../support/browser.ts';

const deck = (third: string) => `---
title: Live deck
---
import figures from './data/figures.json'

# One

---

## Two: {figures.count} counselors

---

## ${third}

<p className="fragment">First step</p>

<p className="fragment">Second step</p>
`;

let browser: Browser;
let project: string;
let server: DevServer;
const logs: string[] = [];

const indices = (page: import('playwright-core').Page) => page.evaluate(() => window.Reveal.getIndices());

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  project = mkdtempSync(join(tmpdir(), 'podium-dev-'));
  mkdirSync(join(project, 'decks', 'data'), { recursive: true });
  writeFileSync(join(project, 'decks', 'live.mdx'), deck('Three'));
  writeFileSync(join(project, 'decks', 'data', 'figures.json'), '{ "count": 328 }');
  writeFileSync(join(project, 'notes.txt'), 'not part of any deck');
  logs.length = 0;
  server = await devServerFor(project, { log: (line) => logs.push(line) });
});

afterEach(async () => {
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

it('shows a saved change on the slide and fragment the presenter is on', async () => {
  const { page, context, errors } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  await page.evaluate(() => window.Reveal.slide(2, 0, 1));
  expect(await indices(page)).toMatchObject({ h: 2, f: 1 });
  writeFileSync(join(project, 'decks', 'live.mdx'), deck('Three, edited'));
  await expect
    .poll(() => page.locator('.reveal .slides > section.present h2').textContent(), { timeout: 10_000 })
    .toBe('Three, edited');
  await page.waitForSelector('html[data-podium-ready]');
  expect(await indices(page)).toMatchObject({ h: 2, f: 1 });
  // A data file the deck imports updates it too.
  writeFileSync(join(project, 'decks', 'data', 'figures.json'), '{ "count": 330 }');
  await expect
    .poll(() => page.locator('.reveal .slides > section:nth-child(2) h2').textContent(), { timeout: 10_000 })
    .toBe('Two: 330 counselors');
  expect(errors).toEqual([]);
  await context.close();
});

const talk = (second: { heading: string; notes: string }) => `---
title: Talk with notes
---

# One

<Notes>Welcome everyone.</Notes>

---

## ${second.heading}

<Notes>${second.notes}</Notes>

---

## Three
`;

it('reloads the speaker view with the edited notes, and it still moves the presentation updated in place', async () => {
  const { page, context, errors } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  // A new deck reloads the index; once it has, the server has seen the file, and will not reload the deck's page for it later.
  await page.goto(server.url);
  await page.evaluate(() => Object.assign(window, { beforeNewDeck: true }));
  writeFileSync(join(project, 'decks', 'talk.mdx'), talk({ heading: 'Two', notes: 'Mention the 328 counselors.' }));
  await expect
    .poll(() => page.evaluate(() => !('beforeNewDeck' in window) && document.readyState === 'complete'), {
      timeout: 10_000,
    })
    .toBe(true);
  await page.goto(`${server.url}talk.html`);
  await page.waitForSelector('html[data-podium-ready]');
  await page.keyboard.press('ArrowRight');
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  expect(speaker.url()).toBe(`${server.url}talk.html?speaker`);
  await speaker.waitForSelector('html[data-podium-ready]');
  const notes = () => speaker.locator('.podium-speaker-notes-text').textContent();
  const shown = (preview: string) => () =>
    speaker.frameLocator(`.podium-speaker-${preview} iframe`).locator('.slides > section.present h2').textContent();
  const nowShown = shown('now');
  const nextShown = shown('next');
  await expect.poll(notes).toBe('Mention the 328 counselors.');
  await expect.poll(nowShown).toBe('Two');
  await expect.poll(nextShown).toBe('Three');
  // Marks that a reload clears, so the test knows which windows loaded the edited deck.
  await page.evaluate(() => Object.assign(window, { beforeEdit: true }));
  await speaker.evaluate(() => Object.assign(window, { beforeEdit: true }));
  const reloaded = (opened: import('playwright-core').Page) =>
    opened.evaluate(() => !('beforeEdit' in window) && document.documentElement.hasAttribute('data-podium-ready'));

  writeFileSync(
    join(project, 'decks', 'talk.mdx'),
    talk({ heading: 'Two, edited', notes: 'Mention the 330 counselors, up from 328.' }),
  );
  await expect.poll(() => reloaded(speaker), { timeout: 10_000 }).toBe(true);
  // Only slides changed: the presentation shows them in place, on the same slide.
  await expect.poll(() => page.locator('.reveal .slides > section.present h2').textContent()).toBe('Two, edited');
  expect(await page.evaluate(() => 'beforeEdit' in window)).toBe(true);
  expect((await indices(page)).h).toBe(1);
  await expect.poll(notes).toBe('Mention the 330 counselors, up from 328.');
  await expect.poll(nowShown).toBe('Two, edited');
  await expect.poll(nextShown).toBe('Three');
  // The previews stay at the presentation's place once loaded, rather than at one they kept from before.
  expect([await nowShown(), await nextShown()]).toEqual(['Two, edited', 'Three']);

  await speaker.keyboard.press('ArrowRight');
  await expect.poll(async () => (await indices(page)).h).toBe(2);
  await expect.poll(() => speaker.locator('.podium-speaker-place').textContent()).toBe('Slide 3 of 3');
  expect(errors).toEqual([]);
  await context.close();
});

it('shows a change saved while the page was still loading', async () => {
  const { context, errors } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  const page = await context.newPage();
  // The page's connection to the server is held back while the deck is saved: the news of the
  // save goes out before the page can hear it.
  let released: () => void = () => {};
  const held = new Promise<void>((release) => (released = release));
  await page.route('**/@vite/client', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}live.html`, { waitUntil: 'commit' });
  await page.waitForSelector('.reveal .slides');
  writeFileSync(join(project, 'decks', 'live.mdx'), deck('Three, saved while loading'));
  await expect
    .poll(() => logs.filter((line) => line.includes('built decks/live.mdx')).length, { timeout: 10_000 })
    .toBe(2);
  released();
  await expect
    .poll(() => page.locator('.reveal .slides > section:nth-child(3) h2').textContent(), { timeout: 10_000 })
    .toBe('Three, saved while loading');
  expect(errors).toEqual([]);
  await context.close();
});

it('leaves the page alone when a file no deck uses changes', async () => {
  const { context } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  const page = await context.newPage();
  // What the server tells the page, from the moment it connects.
  const heard: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => heard.push(String(payload))));
  const navigations: string[] = [];
  await page.goto(`${server.url}live.html`);
  await page.waitForSelector('html[data-podium-ready]');
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await expect.poll(() => heard.some((frame) => frame.includes('"connected"'))).toBe(true);
  const connected = heard.length;
  writeFileSync(join(project, 'notes.txt'), 'changed');
  writeFileSync(join(project, 'decks', 'data', 'unused.json'), '{}');
  // A new deck is news for the index page only, sent after the server has seen the two changes above.
  writeFileSync(join(project, 'decks', 'later.mdx'), '---\ntitle: Later\n---\n\n# Later\n');
  const forIndex = (frame: string) => (JSON.parse(frame) as { data?: { page?: string } }).data?.page === '/';
  await expect.poll(() => heard.slice(connected).some(forIndex), { timeout: 10_000 }).toBe(true);
  expect(heard.slice(connected).filter((frame) => !forIndex(frame))).toEqual([]);
  expect(navigations).toEqual([]);
  await context.close();
});

it('shows an error in the page and the terminal, and recovers when the file is fixed', async () => {
  const { page, context } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  writeFileSync(
    join(project, 'decks', 'live.mdx'),
    deck('Three').replace(
      '<p className="fragment">First step</p>',
      '<BarChart title="x" labels={["a", "b"]} values={[1]} />',
    ),
  );
  const overlay = page.locator('vite-error-overlay');
  await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
  const text = await overlay.locator('.message, .file, .frame').allTextContents();
  expect(text.join('\n')).toMatch(/decks\/live\.mdx:16:1/);
  expect(text.join('\n')).toMatch(/has 1 values but 2 labels/);
  expect(text.join('\n')).toMatch(/<BarChart title="x"/);
  expect(logs.join('\n')).toMatch(/decks\/live\.mdx:16:1: Prop "values" on <BarChart>/);
  // A fresh load of the broken deck shows the same overlay.
  await page.reload();
  await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 10_000 }).toBe(1);
  writeFileSync(join(project, 'decks', 'live.mdx'), deck('Three, fixed'));
  await page.waitForSelector('html[data-podium-ready]', { timeout: 10_000 });
  expect(await page.locator('vite-error-overlay').count()).toBe(0);
  expect(await page.locator('.reveal .slides > section:nth-child(3) h2').textContent()).toBe('Three, fixed');
  await context.close();
});

it('lists decks by title, picking up new and deleted decks without a restart', async () => {
  const { context } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  const page = await context.newPage();
  // Each load of the index connects to the server anew; a change made before that is not heard.
  let connections = 0;
  page.on('console', (message) => {
    if (message.text().includes('[vite] connected')) connections += 1;
  });
  await page.goto(server.url);
  expect(await page.locator('main li a').allTextContents()).toEqual(['Live deck']);
  await expect.poll(() => connections).toBe(1);
  writeFileSync(join(project, 'decks', 'budget.mdx'), '---\ntitle: City budget\n---\n\n# Budget\n');
  await expect
    .poll(() => page.locator('main li a').allTextContents(), { timeout: 10_000 })
    .toEqual(['City budget', 'Live deck']);
  await expect.poll(() => connections).toBe(2);
  unlinkSync(join(project, 'decks', 'budget.mdx'));
  await expect.poll(() => page.locator('main li a').allTextContents(), { timeout: 10_000 }).toEqual(['Live deck']);
  await context.close();
});

it('takes the next free port when the one asked for is in use', async () => {
  const taken = Number(new URL(server.url).port);
  const second = await devServerFor(project, { port: taken });
  try {
    expect(Number(new URL(second.url).port)).not.toBe(taken);
    expect((await fetch(second.url)).status).toBe(200);
  } finally {
    await second.close();
  }
});

it('stops cleanly on Ctrl-C', { timeout: 150_000 }, async () => {
  const bin = fileURLToPath(new URL('../../bin/podium.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  /** Waits for `what`, failing with all the server printed once `seconds` have passed or the server has stopped. */
  const within = <T>(what: string, seconds: number, settled: Promise<T>): Promise<T> =>
    Promise.race([
      settled,
      new Promise<never>((_, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`podium dev: ${what} took over ${seconds} s. It printed:\n${output}`)),
          seconds * 1000,
        );
        void settled.finally(() => clearTimeout(timer)).catch(() => {});
      }),
    ]);
  try {
    // A cold start (Vite, the first build) on a busy machine takes many seconds.
    const url = await within(
      'starting',
      90,
      new Promise<string>((found, fail) => {
        child.stdout.on('data', () => {
          const address = /http:\/\/localhost:\d+\//.exec(output)?.[0];
          if (address) found(address);
        });
        void exited.then((code) =>
          fail(new Error(`podium dev stopped (exit ${code}) before serving. It printed:\n${output}`)),
        );
      }),
    );
    expect((await fetch(url)).status, output).toBe(200);
    child.kill('SIGINT');
    expect(await within('stopping on Ctrl-C', 20, exited), output).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  } finally {
    child.kill('SIGKILL');
  }
});

it('rebuilds a deck in error when a missing data file appears, and serves only decks in decks/', async () => {
  writeFileSync(
    join(project, 'decks', 'live.mdx'),
    deck('Three').replace("import figures from './data/figures.json'", "import figures from './data/later.json'"),
  );
  expect((await fetch(`${server.url}live.html`)).status).toBe(500);
  writeFileSync(join(project, 'decks', 'data', 'later.json'), '{ "count": 400 }');
  await expect.poll(async () => (await fetch(`${server.url}live.html`)).status, { timeout: 10_000 }).toBe(200);
  // A name that decodes to a path outside decks/ is not a deck.
  mkdirSync(join(project, 'secret'));
  writeFileSync(join(project, 'secret', 'notes.mdx'), '---\ntitle: Secret\n---\n\n# Secret\n');
  expect((await fetch(`${server.url}%252e%252e%252fsecret%252fnotes.html`)).status).toBe(404);
  expect((await fetch(`${server.url}..%2Fsecret%2Fnotes.html`)).status).toBe(404);
});

it('says which slide is too tall for the screen, in the page and the terminal', async () => {
  const bullets = Array.from({ length: 20 }, (_, i) => `- Point ${i + 1}`).join('\n');
  writeFileSync(join(project, 'decks', 'live.mdx'), `${deck('Three')}\n---\n\n## Too much\n\n${bullets}\n`);
  const { page, context } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  await expect
    .poll(() => page.locator('.podium-dev-fit').textContent())
    .toMatch(/^Slide 4 is \d+ px taller than the slide: its bottom shows only when scrolled\.$/);
  await expect
    .poll(() => logs.join('\n'))
    .toMatch(
      /decks\/live\.mdx:\d+:1: warning: Slide 4, "Too much", is \d+ px taller than the slide area\b.*\n[\s\S]*> +\d+ \| ## Too much/,
    );
  await context.close();
});

it("shows the deck's warnings in the bar at the foot of the page and in the terminal", async () => {
  const sides = `<Positions>\n<Position org="For" stance="Build it." quote="We need the room." />\n<Position org="Against" stance="Repair it." />\n</Positions>`;
  writeFileSync(join(project, 'decks', 'live.mdx'), `${deck('Three')}\n---\n\n## Two sides\n\n${sides}\n`);
  const { page, context } = await openDeck(browser, `${server.url}live.html`, { allowOrigin: server.url });
  await expect
    .poll(() => page.locator('.podium-dev-fit').textContent())
    .toMatch(/^live\.mdx:\d+:1: warning: "Against" has no quote, but 1 of the 2 positions in <Positions> has one$/);
  expect(logs.join('\n')).toMatch(
    /decks\/live\.mdx:\d+:1: warning: "Against" has no quote[\s\S]*> +\d+ \| <Position org="Against"/,
  );
  await context.close();
});

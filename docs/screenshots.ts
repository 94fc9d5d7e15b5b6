// `npm run docs:screenshots`: builds docs/components.mdx with Podium itself and saves a picture of
// each slide as docs/images/<component>.png, for docs/components.md, and one slide in each
// built-in theme as docs/images/theme-<name>.png, for docs/themes.md.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RevealApi } from 'reveal.js';

declare global {
  interface Window {
    /** A deck's page: Podium's runtime exposes its reveal.js instance as `window.Reveal`. */
    Reveal: RevealApi;
  }
}

/**
 * A module of the built tool (lib/), as `podium` itself runs it; its type comes from src/.
 * Node 20 cannot run src/*.ts, so this script pictures what users run, as bench/ times it.
 */
function builtModule<Module>(path: string): Promise<Module> {
  return import(pathToFileURL(join(process.cwd(), 'lib', path)).href) as Promise<Module>;
}

/** What to do on a slide before its picture is taken. */
type Show =
  /** every step of `<Steps>` and `<Fragment>`, as after the last click */
  | 'all-steps'
  /** the chart's data table, as the "Show data" button or the T key shows it */
  | 'data'
  /** the speaker view (S), where `<Notes>` show */
  | 'speaker-view';

interface Picture {
  /** The file name in docs/images/, without .png. */
  image: string;
  show?: Show;
}

interface Slide {
  /** What the slide must hold, so a slide added or moved in the deck fails here instead of being pictured under the wrong name. */
  holds: string;
  pictures: Picture[];
}

/** The slides of docs/components.mdx, in order. */
const slides: Slide[] = [
  { holds: 'aside.notes', pictures: [{ image: 'notes', show: 'speaker-view' }] },
  { holds: 'figure.podium-chart[data-chart-type="bar"]', pictures: [{ image: 'ratio-chart' }] },
  {
    holds: 'figure.podium-chart[data-chart-type="bar"]',
    pictures: [{ image: 'bar-chart' }, { image: 'bar-chart-data', show: 'data' }],
  },
  { holds: 'figure.podium-chart[data-chart-type="line"]', pictures: [{ image: 'line-chart' }] },
  { holds: 'figure.podium-chart[data-chart-type="doughnut"]', pictures: [{ image: 'doughnut-chart' }] },
  { holds: 'figure.podium-chart[data-chart-type="pie"]', pictures: [{ image: 'pie-chart' }] },
  { holds: 'figure.podium-chart[data-chart-type="radar"]', pictures: [{ image: 'chart' }] },
  { holds: '.podium-section-slide', pictures: [{ image: 'section' }] },
  { holds: '.podium-split', pictures: [{ image: 'split' }] },
  { holds: '.podium-stat', pictures: [{ image: 'stat' }] },
  { holds: '.podium-positions', pictures: [{ image: 'positions' }] },
  { holds: '.podium-quote', pictures: [{ image: 'quote' }] },
  { holds: '.podium-columns', pictures: [{ image: 'columns' }] },
  { holds: '.podium-steps', pictures: [{ image: 'steps', show: 'all-steps' }] },
  { holds: '.fragment', pictures: [{ image: 'fragment', show: 'all-steps' }] },
  { holds: 'a.podium-cite', pictures: [{ image: 'cite' }] },
  { holds: 'figure.podium-share', pictures: [{ image: 'share-qr' }] },
  { holds: 'ol.podium-sources', pictures: [{ image: 'sources' }] },
];

/**
 * reveal.js lays a slide out at 1280×720 (16:9) and scales it to the window: this window keeps that
 * shape at 0.8, so text-heavy slides stay under `maxBytes` and every picture has the same scale.
 */
const viewport = { width: 1024, height: 576 };
/** The speaker view is pictured at the size its window opens at (S), so its notes have their room. */
const speakerViewport = { width: 1280, height: 760 };
/** Pictures larger than this make the docs slow to open; the script says which. The speaker view is a whole window, so it has more. */
const maxBytes = 120_000;
const maxSpeakerViewBytes = 140_000;

const root = process.cwd();
const deckFile = join(root, 'docs', 'components.mdx');
const imagesDir = join(root, 'docs', 'images');
const htmlFile = join(root, 'build', 'docs', 'components.html');

const { buildDeck } = await builtModule<typeof import('../src/buildDeck.ts')>('buildDeck.js');
const { resolveConfig } = await builtModule<typeof import('../src/config.ts')>('config.js');
const { DeckError } = await builtModule<typeof import('../src/compile/deckError.ts')>('compile/deckError.js');
const { chromiumArgs, chromiumInstallCommand, findChromium } =
  await builtModule<typeof import('../src/chromium.ts')>('chromium.js');

const executablePath = findChromium();
if (!executablePath)
  fail(
    `No Chromium found to take the pictures. Install it: ${chromiumInstallCommand}\nor set CHROME_PATH to a Chromium or Chrome binary.`,
  );

let html: string;
try {
  ({ html } = await buildDeck(deckFile, resolveConfig({ root })));
} catch (error) {
  fail(error instanceof DeckError ? error.format(root) : String((error as Error).stack ?? error));
}
mkdirSync(join(root, 'build', 'docs'), { recursive: true });
writeFileSync(htmlFile, html);
mkdirSync(imagesDir, { recursive: true });

const browser = await chromium.launch({ executablePath, args: chromiumArgs });
// Reduced motion: charts draw at once and slides change without a transition.
const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
// A fixed time, so the speaker view's clock reads the same in every run and the pictures only change when the deck does.
await context.clock.setFixedTime(new Date('2026-12-08T19:00:00'));
const problems = await watch(context);
const page = await context.newPage();
await page.goto(pathToFileURL(htmlFile).href);
await page.waitForSelector('html[data-podium-ready]');
// The pictures show the slide alone, without reveal's arrows, progress bar and slide number.
await page.evaluate(() => window.Reveal.configure({ controls: false, progress: false, slideNumber: false }));

const count = await page.evaluate(() => window.Reveal.getTotalSlides());
if (count !== slides.length) {
  fail(
    `docs/components.mdx has ${count} slides, but docs/screenshots.ts pictures ${slides.length}: update the list of slides in the script.`,
  );
}

const written: { file: string; maxBytes: number }[] = [];
for (const [index, slide] of slides.entries()) {
  for (const picture of slide.pictures) {
    await showSlide(page, index, slide.holds, picture);
    const file = join(imagesDir, `${picture.image}.png`);
    if (picture.show === 'speaker-view') await pictureSpeakerView(page, context, file);
    else await page.screenshot({ path: file, type: 'png', clip: await slideContent(page) });
    written.push({ file, maxBytes: picture.show === 'speaker-view' ? maxSpeakerViewBytes : maxBytes });
  }
}

// Each built-in theme, on the same slide: docs/images/theme-<name>.png, for docs/themes.md.
const themePictures = { theme: ['civic', 'night', 'contrast'], slide: 1 };
for (const theme of themePictures.theme) {
  // Beside components.mdx, so its data and images are found; removed again at once.
  const themedDeck = join(root, 'docs', `.theme-${theme}.mdx`);
  const source = readFileSync(deckFile, 'utf8').replace(/^title: .*$/m, (line) => `${line}\ntheme: ${theme}`);
  writeFileSync(themedDeck, source);
  try {
    writeFileSync(htmlFile, (await buildDeck(themedDeck, resolveConfig({ root }))).html);
  } finally {
    rmSync(themedDeck, { force: true });
  }
  await page.goto(pathToFileURL(htmlFile).href);
  await page.waitForSelector('html[data-podium-ready]');
  await page.evaluate(() => window.Reveal.configure({ controls: false, progress: false, slideNumber: false }));
  const { holds } = slides[themePictures.slide];
  await showSlide(page, themePictures.slide, holds, { image: `theme-${theme}` });
  const file = join(imagesDir, `theme-${theme}.png`);
  await page.screenshot({ path: file, type: 'png' });
  written.push({ file, maxBytes });
}
await browser.close();

if (problems.length > 0) fail(`The deck reported problems in the browser:\n  ${problems.join('\n  ')}`);
for (const { file, maxBytes } of written) {
  const bytes = statSync(file).size;
  console.log(
    `${file.slice(root.length + 1).padEnd(36)} ${(bytes / 1000).toFixed(1).padStart(6)} kB${bytes > maxBytes ? '  (large: trim the slide)' : ''}`,
  );
}

/** Goes to slide `index` (fragments hidden), checks it is the slide meant, and gets it ready for its picture. */
async function showSlide(page: Page, index: number, holds: string, picture: Picture): Promise<void> {
  const found = await page.evaluate(
    ({ index, holds }) => {
      const deck = window.Reveal;
      deck.slide(index, 0, -1);
      return deck.getCurrentSlide()?.querySelector(holds) !== null;
    },
    { index, holds },
  );
  if (!found)
    fail(
      `Slide ${index + 1} of docs/components.mdx holds no ${holds}, for docs/images/${picture.image}.png: update the list of slides in the script.`,
    );
  if (picture.show === 'all-steps')
    await page.evaluate(() => {
      const deck = window.Reveal;
      while (deck.nextFragment()) {
        // Each call shows one more step; false once all are shown.
      }
    });
  if (picture.show === 'data') await page.keyboard.press('t');
  await chartsDrawn(page);
}

/** Waits until every chart on the current slide has drawn, and the page has painted it. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const slide = window.Reveal.getCurrentSlide();
    return [...(slide?.querySelectorAll<HTMLCanvasElement>('figure.podium-chart canvas') ?? [])].every((canvas) => {
      if (canvas.width === 0 || canvas.height === 0) return false;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] > 0) return true;
      return false;
    });
  });
  // Chart.js redraws once more when it sees its container's size; two frames see that painted.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * The band of the page the current slide's content takes, full width, with a margin: reveal
 * centres a slide's content, and the empty ground above and below it only makes pictures larger.
 */
async function slideContent(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const margin = 24;
  const { top, bottom } = await page.evaluate(() => {
    const slide = window.Reveal.getCurrentSlide();
    const boxes = [...(slide?.children ?? [])]
      .map((child) => child.getBoundingClientRect())
      .filter((box) => box.height > 0);
    return { top: Math.min(...boxes.map((box) => box.top)), bottom: Math.max(...boxes.map((box) => box.bottom)) };
  });
  const y = Math.max(0, Math.floor(top - margin));
  return { x: 0, y, width: viewport.width, height: Math.min(viewport.height, Math.ceil(bottom + margin)) - y };
}

/** Opens the speaker view (S) on the current slide and pictures it, notes included. */
async function pictureSpeakerView(page: Page, context: BrowserContext, file: string): Promise<void> {
  const [speakerView] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speakerView.setViewportSize(speakerViewport);
  await speakerView.waitForSelector('html[data-podium-ready]');
  await speakerView.waitForFunction(
    () => (document.querySelector('.podium-speaker-notes-text')?.textContent ?? '').trim() !== '',
  );
  // The presentation has said where the talk stands: the slide number is complete and no notice shows.
  await speakerView.waitForFunction(
    () =>
      document.querySelector('.podium-speaker-place')?.textContent?.includes(' of ') === true &&
      document.querySelector<HTMLElement>('.podium-speaker-status')?.hidden === true,
  );
  // The current and the next slide are the deck itself, each in a frame: wait until both have started
  // and shown their place, the "Now" frame the presentation's slide and the "Next" frame a step on.
  const shown = await page.evaluate(() => JSON.stringify(window.Reveal.getIndices()));
  for (const [selector, same] of [
    ['.podium-speaker-now iframe', true],
    ['.podium-speaker-next iframe', false],
  ] as const) {
    const frame = await (await speakerView.waitForSelector(selector)).contentFrame();
    if (!frame) fail(`The speaker view's ${selector} holds no document.`);
    await frame.waitForSelector('html[data-podium-ready]');
    await frame.waitForFunction(({ shown, same }) => (JSON.stringify(window.Reveal.getIndices()) === shown) === same, {
      shown,
      same,
    });
  }
  await speakerView.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await speakerView.screenshot({ path: file, type: 'png' });
  await speakerView.close();
}

/** Records what a deck must never do while it is pictured: reach the network, or log an error. */
async function watch(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('about:') || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    problems.push(`requested ${url}`);
    return route.abort();
  });
  context.on('page', (opened) => {
    opened.on('pageerror', (error) => problems.push(error.message));
    opened.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
  });
  return problems;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { forEachSlide, launchChromium, openDeck, type OpenedDeck } from '../support/browser.ts';
import { chartsDrawn, recordDrawing } from '../support/drawing.ts';
import type { Drawing } from '../support/window.ts';
import { SampleDecks } from '../support/sampleDecks.ts';
import { TestDecks } from '../support/testDecks.ts';

// Windows high contrast, as Chromium emulates it: the reader's colours, white on black.
const forced = { forcedColors: 'active', colorScheme: 'dark' } as const;

const samples = new SampleDecks('forced');
const sampleDecks = ['city-budget', 'school-support-staff'];
const decks = new TestDecks('forced');
let browser: Browser;
let blackSliceUrl: string;
let timerUrl: string;

type Rgb = [number, number, number];
type DrawnText = Drawing['texts'][number];

const sampleUrl = (name: string) => samples.url(name);

beforeAll(async () => {
  await samples.build();
  blackSliceUrl = (await decks.built('black-slice')).url;
  timerUrl = (await decks.built('timer-visible')).url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  decks.remove();
  samples.remove();
});

/** A deck opened in forced colours (or not), its canvases recording what they draw. */
async function openForced(
  address: string,
  { colours = forced as Parameters<Page['emulateMedia']>[0], record = false } = {},
): Promise<OpenedDeck> {
  const opened = await openDeck(browser, address, { reducedMotion: 'reduce' });
  if (record) await opened.context.addInitScript(recordDrawing);
  await opened.page.emulateMedia(colours);
  await opened.page.reload();
  await opened.page.waitForSelector('html[data-podium-ready]');
  return opened;
}

/** The reader's CanvasText and Canvas, as the page resolves them. */
function systemColours(page: Page): Promise<{ text: Rgb; background: Rgb }> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'CanvasText';
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const style = getComputedStyle(probe);
    const rgb = (colour: string) => colour.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];
    const colours = { text: rgb(style.color), background: rgb(style.backgroundColor) };
    probe.remove();
    return colours;
  });
}

const hex = (rgb: Rgb) => `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Pixels of a screenshot that stand out from the ground: at least 3:1 against it. */
function pixelsStandingOut(png: Buffer, ground: Rgb): number {
  const { data } = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (contrast([data[i], data[i + 1], data[i + 2]], ground) >= 3) count += 1;
  return count;
}

/**
 * Each text the charts on the current slide wrote, with the colours it shows in: its ink, the
 * commonest opaque colour inside the text's box unlike the ground, and its ground, the commonest
 * colour around the box (an empty pixel shows the page's Canvas).
 */
async function drawnTexts(page: Page): Promise<Array<DrawnText & { ink: Rgb | null; ground: Rgb }>> {
  const selector = '.reveal .slides > section.present figure.podium-chart canvas';
  await chartsDrawn(page, selector);
  const { background } = await systemColours(page);
  return page.$$eval(
    selector,
    (canvases, canvasColour) =>
      (canvases as HTMLCanvasElement[]).flatMap((canvas) => {
        const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        // A pixel as it shows on the page: blended over the page's Canvas.
        const shown = (x: number, y: number) => {
          const i = (y * width + x) * 4;
          const alpha = data[i + 3] / 255;
          return [0, 1, 2].map((c) => Math.round(data[i + c] * alpha + canvasColour[c] * (1 - alpha))).join();
        };
        const commonest = (pixels: string[]) => {
          const counts = new Map<string, number>();
          for (const pixel of pixels) counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
          return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
        };
        const rgb = (pixel: string) => pixel.split(',').map(Number) as [number, number, number];
        return window.podiumDrawing(canvas).texts.map((text) => {
          const [left, top] = [Math.max(0, Math.floor(text.left)), Math.max(0, Math.floor(text.top))];
          const [right, bottom] = [
            Math.min(width - 1, Math.ceil(text.right)),
            Math.min(height - 1, Math.ceil(text.bottom)),
          ];
          const around: string[] = [];
          const inside: string[] = [];
          for (let y = top; y <= bottom; y++) {
            for (let x = left; x <= right; x++) {
              if (y === top || y === bottom || x === left || x === right) around.push(shown(x, y));
              else if (data[(y * width + x) * 4 + 3] === 255) inside.push(shown(x, y));
            }
          }
          const ground = commonest(around) ?? canvasColour.join();
          const ink = commonest(inside.filter((pixel) => pixel !== ground));
          return { ...text, ink: ink ? rgb(ink) : null, ground: rgb(ground) };
        });
      }),
    background,
  );
}

/** The slides of the deck open in `page` that hold a chart. */
function chartSlides(page: Page): Promise<number[]> {
  return page.$$eval('.reveal .slides > section', (slides) =>
    slides.flatMap((slide, index) => (slide.querySelector('figure.podium-chart') ? [index] : [])),
  );
}

it("keeps reveal's arrows and progress bar, the countdown and the Show data button visible in forced colours", async () => {
  const { page, context } = await openForced(sampleUrl('city-budget'));
  const { background } = await systemColours(page);
  // The second slide: both arrows work and the progress bar has begun.
  await page.evaluate(() => window.Reveal.slide(1));
  for (const arrow of ['navigate-left', 'navigate-right']) {
    const shot = await page.locator(`.reveal .controls .${arrow}`).screenshot();
    expect(pixelsStandingOut(shot, background), arrow).toBeGreaterThan(100);
  }
  const progress = page.locator('.reveal .progress');
  const box = (await progress.boundingBox())!;
  // The part filled so far, and the track beyond it: both show.
  const filled = await page.screenshot({ clip: { x: 0, y: box.y, width: 100, height: box.height } });
  expect(pixelsStandingOut(filled, background)).toBeGreaterThan(100 * Math.floor(box.height) * 0.8);
  const track = await page.screenshot({ clip: { x: box.width - 100, y: box.y, width: 100, height: box.height } });
  expect(pixelsStandingOut(track, background)).toBeGreaterThanOrEqual(100);

  const slide = await chartSlides(page);
  await page.evaluate((index) => window.Reveal.slide(index), slide[0]);
  const button = page.locator('.reveal .slides > section.present button.podium-data-toggle').first();
  expect(pixelsStandingOut(await button.screenshot(), background)).toBeGreaterThan(200);
  await context.close();

  const timed = await openForced(timerUrl);
  const bar = await timed.page.locator('.podium-timer-track').screenshot();
  // The track is 1280 × 10 px: the time left fills it, outlined.
  expect(pixelsStandingOut(bar, background)).toBeGreaterThan(1280 * 10 * 0.9);
  await timed.context.close();
});

it('draws every chart label of the sample decks in CanvasText, at least 4.5:1 on the ground, in forced colours', async () => {
  for (const name of sampleDecks) {
    const { page, context, errors } = await openForced(sampleUrl(name), { record: true });
    const { text } = await systemColours(page);
    for (const slide of await chartSlides(page)) {
      await page.evaluate((index) => window.Reveal.slide(index), slide);
      const texts = await drawnTexts(page);
      expect(texts.length, `${name}, slide ${slide + 1}`).toBeGreaterThan(0);
      for (const drawn of texts) {
        const where = `${name}, slide ${slide + 1}: "${drawn.text}"`;
        expect(drawn.fillStyle, where).toBe(hex(text));
        expect(drawn.ink, where).not.toBeNull();
        expect(contrast(drawn.ink!, drawn.ground), where).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  }
});

it("outlines a deck's black slice in CanvasText and writes its labels in CanvasText, in forced colours", async () => {
  const { page, context, errors } = await openForced(blackSliceUrl, { record: true });
  const { text } = await systemColours(page);
  const texts = await drawnTexts(page);
  // The legend's names and the value on each slice.
  expect(texts.map((drawn) => drawn.text)).toEqual(expect.arrayContaining(['North', 'South', 'East', '12', '7', '3']));
  for (const drawn of texts) expect(drawn.fillStyle, drawn.text).toBe(hex(text));
  const ray = await page.$eval('figure.podium-chart canvas', (canvas: HTMLCanvasElement) => {
    const { arc } = window.podiumDrawing(canvas);
    const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    // North, 12 of 22 speakers, is the first slice from the top, clockwise: along its middle, from the centre out.
    const angle = -Math.PI / 2 + (12 / 22) * Math.PI;
    return Array.from({ length: Math.ceil(arc.radius) + 6 }, (_, distance) => {
      const x = Math.round(arc.x + distance * Math.cos(angle));
      const y = Math.round(arc.y + distance * Math.sin(angle));
      const i = (y * width + x) * 4;
      return { distance: distance / arc.radius, rgba: [data[i], data[i + 1], data[i + 2], data[i + 3]] };
    });
  });
  const isText = ([r, g, b, a]: number[]) => a === 255 && hex([r, g, b]) === hex(text);
  // The slice keeps its fill (the deck's black) inside...
  const inside = ray.filter((point) => point.distance > 0.15 && point.distance < 0.3);
  expect(inside.every((point) => point.rgba.join() === '0,0,0,255')).toBe(true);
  // ...and its edge is drawn in CanvasText, so it shows on a black ground.
  const edge = ray.filter((point) => point.distance > 0.9);
  expect(edge.filter((point) => isText(point.rgba)).length).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('draws the charts again in the colours in force when the reader turns forced colours on or off', async () => {
  const { page, context, errors } = await openForced(sampleUrl('city-budget'), {
    colours: { forcedColors: 'none', colorScheme: 'light' },
    record: true,
  });
  await page.evaluate((index) => window.Reveal.slide(index), (await chartSlides(page))[0]);
  const colours = async () => [...new Set((await drawnTexts(page)).map((drawn) => drawn.fillStyle))];
  const themed = await colours();
  await page.emulateMedia(forced);
  const canvasText = hex((await systemColours(page)).text);
  expect(themed).not.toContain(canvasText);
  await expect.poll(colours).toEqual([canvasText]);
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  await expect.poll(colours).toEqual(themed);
  expect(errors).toEqual([]);
  await context.close();
});

describe.each(sampleDecks)('%s in forced colours', (name) => {
  it('has no WCAG 2.1 A or AA violations on any slide (axe-core), and its text shows 4.5:1 on its ground', async () => {
    const { page, context } = await openForced(sampleUrl(name));
    const faint: Array<{ slide: number; text: string; colour: string; ground: string }> = [];
    const violations = await forEachSlide(page, async (slide) => {
      faint.push(...(await textOnItsGround(page)).map((text) => ({ slide: slide + 1, ...text })));
      // axe reads text colour from -webkit-text-fill-color, which Chromium leaves unforced while it
      // paints the forced colour (dequelabs/axe-core#3978); contrast is measured here instead.
      return axeViolations(page, ['color-contrast']);
    });
    expect(violations).toEqual([]);
    expect(faint.filter(({ colour, ground }) => contrast(parseRgb(colour), parseRgb(ground)) < 4.5)).toEqual([]);
    await context.close();
  });
});

const parseRgb = (colour: string) =>
  colour
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number) as Rgb;

/** Each element showing text on the current slide or around it, its computed (forced) colour and the first opaque ground behind it. */
function textOnItsGround(page: Page): Promise<Array<{ text: string; colour: string; ground: string }>> {
  return page.evaluate(() => {
    const showing = [
      ...document.querySelectorAll('.reveal .slides > section.present *, .reveal .slide-number, .reveal .controls *'),
    ].filter((element) => {
      const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim() !== '');
      const box = element.getBoundingClientRect();
      return hasText && box.width > 1 && box.height > 1 && element.checkVisibility({ visibilityProperty: true });
    });
    return showing.map((element) => {
      let ground: Element | null = element;
      while (ground && /rgba\(.*, 0\)$|transparent/.test(getComputedStyle(ground).backgroundColor))
        ground = ground.parentElement;
      return {
        text: element.textContent!.trim().slice(0, 40),
        colour: getComputedStyle(element).color,
        ground: getComputedStyle(ground ?? document.documentElement).backgroundColor,
      };
    });
  });
}

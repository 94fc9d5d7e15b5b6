import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { drawnPixels, launchChromium, openDeck } from '../support/browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'podium-decks-'));

/** What each sample deck must show: a new deck needs a line here. */
const expected: Record<string, { slides: number; charts: number; notes: number }> = {
  'school-support-staff': { slides: 10, charts: 2, notes: 9 },
  'city-budget': { slides: 9, charts: 5, notes: 8 },
};

const decks = readdirSync(join(root, 'decks'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));

let browser: Browser;
let server: Server;
let served: string;

beforeAll(async () => {
  // A plain static server on loopback, as a district's web host would serve the file.
  server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    try {
      const body = readFileSync(join(out, name.replace(/[/\\]/g, '')));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  served = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const lines: string[] = [];
  const code = await run(['build', '--out', out], {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    cwd: root,
  });
  expect(lines.join('\n'), 'podium build of the sample decks').toMatch(/\.html/);
  expect(code).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  rmSync(out, { recursive: true, force: true });
});

it('every sample deck has expectations', () => {
  expect(decks.length).toBeGreaterThan(0);
  expect(decks.filter((deck) => !expected[deck])).toEqual([]);
});

describe.each(decks)('%s', (name) => {
  const url = () => pathToFileURL(join(out, `${name}.html`)).href;

  it('opens from file:// with reveal ready, every slide, no network and no errors', async () => {
    const { page, context, networkAttempts, errors } = await openDeck(browser, url());
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(expected[name].slides);
    expect(await page.locator('.reveal .slide-number').textContent()).toMatch(/1\s*\/\s*\d+/);
    expect(await page.locator('.reveal .progress').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => window.Reveal.getIndices().h)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBeTruthy();
    expect(await page.title()).not.toBe('');
    expect(await page.getAttribute('meta[name=description]', 'content')).toBeTruthy();
    expect(networkAttempts).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from a static web server the same way, asking it for nothing else', async () => {
    const { page, context, networkAttempts, errors } = await openDeck(browser, `${served}${name}.html`, {
      allowOrigin: served,
    });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.reload();
    await page.waitForSelector('html[data-podium-ready]');
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(expected[name].slides);
    expect(requested.filter((address) => !address.startsWith('data:'))).toEqual([`${served}${name}.html`]);
    expect(networkAttempts).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws each chart when its slide is shown, sharp at the presentation scale', async () => {
    const { page, context, errors } = await openDeck(browser, url(), { viewport: { width: 1920, height: 1080 } });
    const slidesWithCharts = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.flatMap((section, index) => (section.querySelector('figure.podium-chart canvas') ? [index] : [])),
    );
    expect(slidesWithCharts.length).toBeGreaterThan(0);
    let charts = 0;
    for (const index of slidesWithCharts) {
      await page.evaluate((h) => window.Reveal.slide(h), index);
      const selector = `.reveal .slides > section:nth-child(${index + 1}) figure.podium-chart canvas`;
      await expect
        .poll(async () => Math.min(...(await drawnPixels(page, selector))), { timeout: 5000 })
        .toBeGreaterThan(1000);
      const density = await page.$eval(
        selector,
        (canvas) => (canvas as HTMLCanvasElement).width / (canvas as HTMLCanvasElement).clientWidth,
      );
      const scale = await page.evaluate(() => window.Reveal.getScale());
      expect(scale).toBeGreaterThan(1.2);
      expect(density).toBeGreaterThanOrEqual(scale * 0.95);
      charts += (await drawnPixels(page, selector)).length;
    }
    expect(charts).toBe(expected[name].charts);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws every chart on the printed pages (?print-pdf)', async () => {
    const { page, context, errors, networkAttempts } = await openDeck(browser, `${url()}?print-pdf`);
    await page.waitForSelector('html[data-podium-print-ready]');
    const pages = await page.locator('.pdf-page').count();
    expect(pages).toBeGreaterThanOrEqual(expected[name].slides);
    const pixels = await drawnPixels(page, '.pdf-page figure.podium-chart canvas');
    expect(pixels.length).toBeGreaterThanOrEqual(expected[name].charts);
    for (const drawn of pixels) expect(drawn).toBeGreaterThan(1000);
    expect(networkAttempts).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws charts in the reading view on a phone', async () => {
    const { page, context, errors } = await openDeck(browser, url(), { viewport: { width: 390, height: 844 } });
    expect(await page.evaluate(() => document.documentElement.classList.contains('podium-read'))).toBe(true);
    const canvases = page.locator('figure.podium-chart canvas');
    expect(await canvases.count()).toBe(expected[name].charts);
    for (let i = 0; i < expected[name].charts; i++) {
      await canvases.nth(i).scrollIntoViewIfNeeded();
      await expect
        .poll(async () => (await drawnPixels(page, 'figure.podium-chart canvas'))[i], { timeout: 5000 })
        .toBeGreaterThan(500);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits every slide in the slide area, so no slide needs scrolling when presenting', async () => {
    const { page, context } = await openDeck(browser, url(), { reducedMotion: 'reduce' });
    const tooTall = await page.evaluate(() => {
      const reveal = window.Reveal;
      return reveal.getSlides().flatMap((slide, index) => {
        const shown = slide.style.display;
        slide.style.display = 'block';
        const over = slide.scrollHeight - Number(reveal.getConfig().height);
        slide.style.display = shown;
        return over > 2 ? [`slide ${index + 1}: ${over} px`] : [];
      });
    });
    expect(tooTall).toEqual([]);
    await context.close();
  });

  it('links each citation number to its entry on the Sources slide', async () => {
    const { page, context } = await openDeck(browser, url());
    const cites = page.locator('.reveal .slides a.podium-cite');
    expect(await cites.count()).toBeGreaterThan(0);
    const entries = await page.locator('#sources ol.podium-sources > li').count();
    const numbers = (await cites.allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
    expect(Math.max(...numbers)).toBe(entries);
    const slideOf = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.findIndex((s) => s.querySelector('a.podium-cite')),
    );
    await page.evaluate((h) => window.Reveal.slide(h), slideOf);
    await page.locator('.reveal .slides > section.present a.podium-cite').first().click();
    await expect.poll(() => page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe('sources');
    await context.close();
  });

  it('has speaker notes that the speaker view (S) shows from file://', async () => {
    const { page, context, errors, networkAttempts } = await openDeck(browser, url());
    expect(await page.locator('.reveal .slides aside.notes').count()).toBe(expected[name].notes);
    const firstNoted = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.findIndex((s) => s.querySelector('aside.notes')),
    );
    const noteText = (await page.locator('.reveal .slides > section aside.notes').first().textContent())!.trim();
    await page.evaluate((h) => window.Reveal.slide(h), firstNoted);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const notes = speaker.locator('.podium-speaker-notes-text');
    await expect
      .poll(async () => (await notes.textContent())?.trim().slice(0, 40), { timeout: 10_000 })
      .toBe(noteText.slice(0, 40));
    expect(networkAttempts).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

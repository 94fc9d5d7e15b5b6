import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { openDeck } from '../support/browser.ts';
import { testDecksInChromium } from '../support/testDecks.ts';
import '../support/window.ts';

// The frontmatter's logo, footer and 16:9 slide box, in the built deck and in its PDF.
const exec = (file: string, args: string[]) => promisify(execFile)(file, args, { timeout: 60_000 });
const { decks, chromium } = testDecksInChromium('brand');
const footer = 'Riverbend Families for Counselors';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** On the slide shown: the boxes of the brand, reveal's slide number and arrows, and the slide's own content. */
async function layoutOf(page: Page, index: number) {
  await page.evaluate((slide) => window.Reveal.slide(slide), index);
  await page.waitForFunction((slide) => window.Reveal.getIndices().h === slide, index);
  return page.evaluate(() => {
    const box = (element: Element | null) => {
      if (!element) return undefined;
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    const visible = (element: Element | null) =>
      element !== null && getComputedStyle(element).visibility === 'visible' && element.getClientRects().length > 0;
    const logo = document.querySelector('.slides > .podium-brand .podium-brand-logo');
    const footerLine = document.querySelector('.slides > .podium-brand .podium-brand-footer');
    const present = document.querySelector('.slides > section.present');
    // Every element of the slide that draws something: text, the chart's canvas, images.
    const content = [...(present?.querySelectorAll('h1, h2, p, li, canvas, img, figcaption, button') ?? [])]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({ tag: element.tagName, box: box(element)! }));
    return {
      slides: box(document.querySelector('.reveal .slides'))!,
      logo: visible(logo) ? box(logo) : undefined,
      logoAlt: logo?.getAttribute('alt'),
      footer: visible(footerLine) ? box(footerLine) : undefined,
      footerText: footerLine?.textContent,
      slideNumber: box(document.querySelector('.reveal > .slide-number'))!,
      arrows: [...document.querySelectorAll('.reveal > .controls button.enabled')].map((button) => box(button)!),
      content,
    };
  });
}

describe('a deck with a logo and a footer, in 16:9', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    // The smallest window that still shows slides (a smaller one gets the reading view).
    { width: 864, height: 486 },
    { width: 1024, height: 768 },
  ]) {
    it(`at ${viewport.width} × ${viewport.height}: the footer on every slide, clear of the slide number, arrows and content; the logo in the corner except on the title slide`, async () => {
      const { url } = await decks.built('brand');
      const { page, context, errors } = await openDeck(chromium(), url, { viewport, reducedMotion: 'reduce' });
      try {
        const count = await page.evaluate(() => window.Reveal.getTotalSlides());
        expect(count).toBe(4);
        for (let index = 0; index < count; index++) {
          const layout = await layoutOf(page, index);
          const where = `slide ${index + 1}`;
          expect(layout.footer, where).toBeDefined();
          expect(layout.footerText, where).toBe(footer);
          const footerBox = layout.footer!;
          expect(overlaps(footerBox, layout.slideNumber), `${where}: footer and slide number`).toBe(false);
          for (const arrow of layout.arrows)
            expect(overlaps(footerBox, arrow), `${where}: footer and arrow`).toBe(false);
          // Inside the slide box, along its bottom.
          expect(footerBox.bottom, where).toBeLessThanOrEqual(layout.slides.bottom + 1);
          expect(footerBox.top, where).toBeGreaterThan(
            layout.slides.top + (layout.slides.bottom - layout.slides.top) * 0.85,
          );
          for (const { tag, box } of layout.content) {
            expect(overlaps(footerBox, box), `${where}: footer and <${tag}>`).toBe(false);
            if (layout.logo) expect(overlaps(layout.logo, box), `${where}: logo and <${tag}>`).toBe(false);
          }
          if (index === 0) {
            expect(layout.logo, 'the title slide shows the logo large, not in the corner').toBeUndefined();
            continue;
          }
          expect(layout.logo, where).toBeDefined();
          expect(layout.logoAlt).toBe(footer);
          const logo = layout.logo!;
          // The top-right corner of the slide box, and small.
          expect(logo.right, where).toBeGreaterThan(
            layout.slides.right - (layout.slides.right - layout.slides.left) * 0.05,
          );
          expect(logo.top, where).toBeLessThan(layout.slides.top + (layout.slides.bottom - layout.slides.top) * 0.05);
          expect(logo.bottom - logo.top, where).toBeLessThan((layout.slides.bottom - layout.slides.top) * 0.08);
          expect(overlaps(logo, layout.slideNumber)).toBe(false);
          for (const arrow of layout.arrows) expect(overlaps(logo, arrow)).toBe(false);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('lays slides out at 1280 × 720 and scales them as a 16:9 box', async () => {
    const { url } = await decks.built('brand');
    const { page, context } = await openDeck(chromium(), url, { viewport: { width: 1024, height: 768 } });
    try {
      const { width, height } = await page.evaluate(() => window.Reveal.getConfig());
      expect({ width, height }).toEqual({ width: 1280, height: 720 });
      const scaled = await page.evaluate(() => {
        const { width, height } = document.querySelector('.reveal .slides')!.getBoundingClientRect();
        return width / height;
      });
      expect(scaled).toBeCloseTo(16 / 9, 2);
    } finally {
      await context.close();
    }
  });

  it('shows title, subtitle, meeting, the date in words, author and logo on the title slide', async () => {
    const { url } = await decks.built('brand');
    const { page, context } = await openDeck(chromium(), url);
    try {
      const title = page.locator('.slides > section').first().locator('.podium-title-slide');
      await expect.poll(() => title.locator('h1').textContent()).toBe('Counselors for every school');
      const text = (await title.textContent()) ?? '';
      for (const line of [
        "What Riverbend's families ask of the board",
        'Board of Education, regular meeting',
        'December 8, 2026',
        footer,
      ]) {
        expect(text).toContain(line);
      }
      const logo = title.locator('img.podium-title-logo');
      expect(await logo.getAttribute('alt')).toBe(footer);
      expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
      expect(await logo.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('logoPlacement: title-only, aspect: 4:3', () => {
  it('keeps the logo to the title slide and the slide box at 960 × 700', async () => {
    const { url } = await decks.built('brand-title-only');
    const { page, context } = await openDeck(chromium(), url);
    try {
      const { width, height } = await page.evaluate(() => window.Reveal.getConfig());
      expect({ width, height }).toEqual({ width: 960, height: 700 });
      expect(await page.locator('.podium-title-slide img.podium-title-logo').isVisible()).toBe(true);
      await page.evaluate(() => window.Reveal.slide(1));
      expect(await page.locator('.podium-brand-logo').count()).toBe(0);
      expect(await page.locator('.slides > section.present img').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the PDF of a deck with a logo and a footer', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'podium-brand-pdf-'));
    mkdirSync(join(project, 'decks'));
    const source = fileURLToPath(new URL('decks/', import.meta.url));
    cpSync(join(source, 'brand.mdx'), join(project, 'decks', 'brand.mdx'));
    cpSync(join(source, 'images'), join(project, 'decks', 'images'), { recursive: true });
  });

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('has 16:9 pages, the footer on each page and the title slide in words', async () => {
    const lines: string[] = [];
    const code = await run(['pdf', 'decks/brand.mdx', '--out', 'brand.pdf'], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      cwd: project,
    });
    expect(code, lines.join('\n')).toBe(0);
    const file = join(project, 'brand.pdf');
    const { stdout: info } = await exec('pdfinfo', [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(size, info).not.toBeNull();
    expect(Number(size![1]) / Number(size![2])).toBeCloseTo(16 / 9, 2);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(4);
    const { stdout: text } = await exec('pdftotext', ['-layout', file, '-']);
    expect(text.split('\f').filter((page) => page.includes(footer))).toHaveLength(pages);
    const first = text.split('\f')[0];
    expect(first).toContain('Counselors for every school');
    expect(first).toContain('December 8, 2026');
    expect(first).toContain('Board of Education, regular meeting');
  });
});

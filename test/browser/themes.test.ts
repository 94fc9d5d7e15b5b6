import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { forEachSlide, openDeck } from '../support/browser.ts';
import { builtProjectInChromium } from '../support/projects.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** An organizer's theme, as the README tells them to write one: a few variables, nothing else. */
const navyAndGold = `:root {
  --podium-background: #0b1f3a;
  --podium-text: #f4f1e8;
  --podium-heading: #f2c14e;
  --podium-link: #f2c14e;
  --podium-accent: #f2c14e;
  --podium-muted: #c9d1de;
  --podium-surface: #14305a;
  --podium-surface-strong: #1d3d6e;
  --podium-font: Georgia, "DejaVu Serif", serif;
}
`;

/** The built-in themes and the text contrast each promises; "navy" is the organizer's own. */
const themes = { civic: 4.5, night: 4.5, contrast: 7, navy: 4.5 } as const;
type ThemeName = keyof typeof themes;

const url = (theme: ThemeName, query = '') => `${pathToFileURL(join(project, 'dist', `${theme}.html`)).href}${query}`;

const { project, chromium } = builtProjectInChromium('themes', (project) => {
  // The school deck once per theme, in a project of its own with the navy theme in themes/.
  mkdirSync(join(project, 'themes'));
  writeFileSync(join(project, 'themes', 'navy.css'), navyAndGold);
  cpSync(join(root, 'decks', 'data'), join(project, 'decks', 'data'), { recursive: true });
  const deck = readFileSync(join(root, 'decks', 'school-support-staff.mdx'), 'utf8');
  for (const theme of Object.keys(themes))
    writeFileSync(join(project, 'decks', `${theme}.mdx`), deck.replace(/^lang: en$/m, `lang: en\ntheme: ${theme}`));
});

/**
 * The lowest contrast of any visible text on the page against the colour behind it, both as
 * computed (colours mixed from the theme's variables included), with the element it was found at.
 */
function lowestTextContrast(page: Page): Promise<{ ratio: number; where: string }> {
  return page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    /** Any CSS colour as sRGB 0–255 and alpha, by letting a canvas parse and paint it. */
    const rgba = (colour: string): [number, number, number, number] => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = colour;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const luminance = ([r, g, b]: number[]) =>
      [r, g, b]
        .map((c) => c / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const behind = (element: Element): number[] => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const [r, g, b, a] = rgba(getComputedStyle(at).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return rgba(getComputedStyle(document.body).backgroundColor);
    };
    let lowest = { ratio: 21, where: '' };
    for (const element of document.querySelectorAll('body *')) {
      const text = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
      const style = getComputedStyle(element);
      if (!text || element.getClientRects().length === 0 || style.visibility !== 'visible') continue;
      if (element.closest('[aria-hidden=true], .sr-only, .aria-status, .notes, script')) continue;
      if (Number(style.opacity) < 1) continue;
      const [light, dark] = [luminance(rgba(style.color)), luminance(behind(element))].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < lowest.ratio)
        lowest = { ratio, where: `${element.tagName} "${element.textContent?.trim().slice(0, 30)}"` };
    }
    return lowest;
  });
}

describe.each(Object.keys(themes) as ThemeName[])('the %s theme', (theme) => {
  it('passes axe and its text contrast on every slide, in the overview and in the speaker view', async () => {
    const { page, context } = await openDeck(chromium(), url(theme), { reducedMotion: 'reduce' });
    const problems = await forEachSlide(page, async () => {
      const { ratio, where } = await lowestTextContrast(page);
      const faint = ratio < themes[theme] ? [`${where} at ${ratio.toFixed(2)}:1`] : [];
      return [...(await axeViolations(page)), ...faint];
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.Reveal.isOverview())).toBe(true);
    problems.push(...(await axeViolations(page)).map((violation) => `overview: ${violation}`));
    await page.keyboard.press('Escape');
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForSelector('html[data-podium-ready]');
    problems.push(...(await axeViolations(speaker)).map((violation) => `speaker view: ${violation}`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe and its text contrast as one page to read, on a phone and printed', async () => {
    const problems: string[] = [];
    for (const [query, viewport] of [
      ['?read', { width: 1280, height: 720 }],
      ['', { width: 390, height: 844 }],
      ['?print-pdf', { width: 1280, height: 720 }],
    ] as const) {
      const { page, context } = await openDeck(chromium(), url(theme, query), { reducedMotion: 'reduce', viewport });
      if (query === '?print-pdf') await page.waitForSelector('html[data-podium-print-ready]', { state: 'attached' });
      const at = `${query || 'phone'}`;
      problems.push(...(await axeViolations(page)).map((violation) => `${at}: ${violation}`));
      const { ratio, where } = await lowestTextContrast(page);
      if (ratio < themes[theme]) problems.push(`${at}: ${where} at ${ratio.toFixed(2)}:1`);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});

describe("an organizer's theme of variables only", () => {
  /** Where each slide's headings, charts and cards sit, in the slide's own pixels. */
  const layout = (page: Page) =>
    page.evaluate(async () => {
      const places: string[] = [];
      for (let index = 0; index < window.Reveal.getTotalSlides(); index++) {
        window.Reveal.slide(index);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const slide = window.Reveal.getCurrentSlide() as HTMLElement;
        const origin = slide.getBoundingClientRect();
        const scale = window.Reveal.getScale();
        for (const part of slide.querySelectorAll('h1, h2, h3, canvas, .podium-position, .podium-stat, table')) {
          const box = part.getBoundingClientRect();
          const at = [box.left - origin.left, box.top - origin.top, box.width, box.height].map((n) => n / scale);
          places.push(`${index + 1} ${part.tagName.toLowerCase()} ${at.map((n) => Math.round(n / 4) * 4).join(',')}`);
        }
      }
      return places;
    });

  it('lays out every slide as civic does, in its own colours and font', async () => {
    const civic = await openDeck(chromium(), url('civic'), { reducedMotion: 'reduce' });
    const navy = await openDeck(chromium(), url('navy'), { reducedMotion: 'reduce' });
    // A serif font is wider than civic's sans: compare where things start, not how far text runs.
    const starts = (places: string[]) => places.map((place) => place.split(',').slice(0, 2).join(','));
    const [civicPlaces, navyPlaces] = [await layout(civic.page), await layout(navy.page)];
    expect(navyPlaces.length).toBeGreaterThan(20);
    expect(starts(navyPlaces)).toEqual(starts(civicPlaces));
    const colours = await navy.page.evaluate(() => ({
      ground: getComputedStyle(document.body).backgroundColor,
      heading: getComputedStyle(document.querySelector('.reveal h2')!).color,
      font: getComputedStyle(document.querySelector('.reveal p')!).fontFamily,
      // The screen-reader tables stay hidden; the cards stay side by side.
      tableShown: document.querySelector('.podium-data-table')!.getClientRects().length > 0,
    }));
    expect(colours).toEqual({
      ground: 'rgb(11, 31, 58)',
      heading: 'rgb(242, 193, 78)',
      font: 'Georgia, "DejaVu Serif", serif',
      tableShown: false,
    });
    await civic.context.close();
    await navy.context.close();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element } from 'hast';
import type { Browser, BrowserContext } from 'playwright-core';
import { allowOnlyTheDeck } from './chromium.ts';
import { textOf } from './compile/components/childContent.ts';
import { DeckWarning } from './compile/deckError.ts';
import type { Deck } from './compile/index.ts';

/** A slide whose content is taller than the slide area: its number (from 1) and by how many pixels. */
export interface TallSlide {
  slide: number;
  over: number;
}

interface RevealLayout {
  getSlides(): HTMLElement[];
  getConfig(): { height: number };
}

/**
 * Runs in a deck's page once reveal is ready: the slides taller than the slide area, which
 * presenting cuts off at the bottom. It uses nothing outside itself, so it can be sent to a page.
 */
export function measureTallSlides(): TallSlide[] {
  const reveal = (window as typeof window & { Reveal: RevealLayout }).Reveal;
  const { height } = reveal.getConfig();
  return reveal.getSlides().flatMap((slide, index) => {
    // A slide not on screen is hidden; shown for a moment, it has its full height.
    const shown = slide.style.display;
    slide.style.display = 'block';
    const over = slide.scrollHeight - height;
    slide.style.display = shown;
    return over > 2 ? [{ slide: index + 1, over }] : [];
  });
}

/** Opens a built deck (already written to `file`) in the context and measures its slides. */
export async function tallSlidesOnPage(context: BrowserContext, file: string): Promise<TallSlide[]> {
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-podium-ready]', { state: 'attached' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.evaluate(measureTallSlides);
  } finally {
    await page.close();
  }
}

/** A built deck's slides measured in Chromium, opened from a file of its own with the network cut off. */
export async function tallSlidesIn(browser: Browser, html: string): Promise<TallSlide[]> {
  const folder = await mkdtemp(join(tmpdir(), 'podium-fit-'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  try {
    const file = join(folder, 'deck.html');
    await writeFile(file, html);
    await allowOnlyTheDeck(context, file);
    return await tallSlidesOnPage(context, file);
  } finally {
    await context.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Each tall slide as a warning at the slide's first line, named by its heading. */
export function tallSlideWarnings(deck: Deck, tall: readonly TallSlide[]): DeckWarning[] {
  return tall.map(({ slide, over }) => {
    const section = deck.slides[slide - 1];
    const start = section?.position?.start;
    const heading = section && headingOf(section);
    return new DeckWarning(
      `Slide ${slide}${heading ? `, "${heading}",` : ''} is ${over} px taller than the slide area; its bottom is cut off when presenting`,
      {
        place: { file: deck.file, line: start?.line ?? 1, column: start?.column ?? 1 },
        hint: 'Move some of it to a slide of its own (a line with --- starts one), or shorten it.',
        source: deck.source,
        ruleId: 'slide-too-tall',
      },
    );
  });
}

function headingOf(section: Element): string | undefined {
  const heading = section.children.find((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName));
  return heading && textOf(heading).trim();
}

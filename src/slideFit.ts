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
import { measureTallSlides, type TallSlide } from './contract/tallSlides.ts';

export type { TallSlide };

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
      `Slide ${slide}${heading ? `, "${heading}",` : ''} is ${over} px taller than the slide area; when presenting, its bottom shows only when the slide is scrolled`,
      {
        place: { file: deck.file, line: start?.line ?? 1, column: start?.column ?? 1 },
        hint: 'Move some of it to a slide of its own (a line with --- starts one), or shorten it.',
        text: deck.source,
        ruleId: 'slide-too-tall',
      },
    );
  });
}

function headingOf(section: Element): string | undefined {
  const heading = section.children.find((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName));
  return heading && textOf(heading).trim();
}

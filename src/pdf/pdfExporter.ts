import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allowOnlyTheDeck } from '../chromium.ts';
import { readyMarks } from '../contract/markup.ts';
import { tallSlidesOnPage, type TallSlide } from '../slideFit.ts';
import { handoutStyle, type SlidePageSize } from './handoutStyle.ts';
import { pdfPageCount } from './pdfPageCount.ts';
import { printQuery, type PdfOptions } from './printQuery.ts';

export interface ExportedPdf {
  pdf: Buffer;
  pages: number;
  /** Addresses the deck tried to load; all were blocked, so the PDF holds nothing from them. */
  blockedRequests: string[];
  /** Slides taller than the slide area when presenting, when asked to measure (a PDF page shows them whole). */
  tallSlides: TallSlide[];
}

export interface ExportOptions extends PdfOptions {
  /** Also open the deck as presented and measure its slides for any too tall (a Podium deck only). */
  measureSlides?: boolean;
}

/** How long a deck may take to lay out its printed pages before the export gives up. */
const readyTimeout = 30_000;

/**
 * Prints built decks to PDF with one Chromium, started once for every deck of a run. Each
 * deck opens from a file of its own with the network cut off, as it would from a USB stick.
 */
export class PdfExporter {
  readonly #browser: Browser;

  /** Prints with this browser, which close() closes. */
  constructor(browser: Browser) {
    this.#browser = browser;
  }

  /** A built deck's HTML → PDF, once the page says its printed pages are complete. */
  async export(html: string, options: ExportOptions = {}): Promise<ExportedPdf> {
    const folder = await mkdtemp(join(tmpdir(), 'podium-pdf-'));
    let context: BrowserContext | undefined;
    try {
      const file = join(folder, 'deck.html');
      await writeFile(file, html);
      context = await this.#browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const blockedRequests: string[] = [];
      await allowOnlyTheDeck(context, file, (requested) => blockedRequests.push(requested));
      // Measured as presented, in a page of its own, while the print view lays out beside it.
      const measuring = options.measureSlides ? tallSlidesOnPage(context, file) : Promise.resolve([]);
      // If printing fails first, the measurement's own failure is not left unhandled.
      measuring.catch(() => {});
      const page = await context.newPage();
      await openPrintView(page, `${pathToFileURL(file).href}?${printQuery(options)}`);
      if (options.handout) await applyHandoutStyle(page);
      const pdf = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true });
      return { pdf, pages: pdfPageCount(pdf), blockedRequests, tallSlides: await measuring };
    } finally {
      await context?.close();
      await rm(folder, { recursive: true, force: true });
    }
  }

  close(): Promise<void> {
    return this.#browser.close();
  }
}

/**
 * Opens the print view and waits for what the page says: the runtime sets
 * `data-podium-print-ready` after reveal's `pdf-ready`, once every printed chart is drawn.
 */
async function openPrintView(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  try {
    await page.waitForSelector(`html[${readyMarks.printReady}]`, { state: 'attached', timeout: readyTimeout });
  } catch (error) {
    const why = errors.length > 0 ? `; the page reported: ${errors.join('; ')}` : '';
    throw new Error(`The deck did not finish laying out its printed pages within ${readyTimeout / 1000} s${why}`, {
      cause: error,
    });
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Lays the printed pages out as handout sheets, scaled from the size reveal gave them. */
async function applyHandoutStyle(page: Page): Promise<void> {
  const slidePage = await slidePageSize(page);
  if (slidePage) await page.addStyleTag({ content: handoutStyle(slidePage) });
}

/** Every printed page has the size of the first: reveal sizes them all from the deck's config. */
function slidePageSize(page: Page): Promise<SlidePageSize | undefined> {
  return page.evaluate(() => {
    const first = document.querySelector<HTMLElement>('.reveal .slides > .pdf-page');
    return first ? { width: first.offsetWidth, height: first.offsetHeight } : undefined;
  });
}

import type { Browser } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { allowOnlyTheDeck } from '../chromium.ts';
import { readyMarks } from '../contract/markup.ts';
import { measureTallSlides, type TallSlide } from '../contract/tallSlides.ts';

/** Link previews are drawn at 1200×630, the size Open Graph readers expect. */
const previewSize = { width: 1200, height: 630 };

/**
 * A PNG of a built deck's title slide, opened from disk with every other request refused, and
 * the slides too tall for the slide area, measured in the same page (a build makes both at once).
 */
export async function titleSlidePicture(
  browser: Browser,
  htmlFile: string,
): Promise<{ picture: Buffer; tall: TallSlide[] }> {
  const context = await browser.newContext({ viewport: previewSize, reducedMotion: 'reduce' });
  try {
    await allowOnlyTheDeck(context, htmlFile);
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.waitForSelector(`html[${readyMarks.ready}]`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const tall = await page.evaluate(measureTallSlides);
    // Controls and the slide number are for presenting, not for a preview card.
    await page.addStyleTag({
      content: '.reveal .controls, .reveal .progress, .reveal .slide-number { display: none !important; }',
    });
    return { picture: await page.screenshot({ type: 'png' }), tall };
  } finally {
    await context.close();
  }
}

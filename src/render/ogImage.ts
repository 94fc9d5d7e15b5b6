import type { Browser } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { allowOnlyTheDeck } from '../chromium.ts';
import { pictureQuery, readyMarks } from '../contract/markup.ts';
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
    // The deck draws itself as a picture: the slide alone, without what presenting puts over it.
    const address = pathToFileURL(htmlFile);
    address.search = pictureQuery;
    await page.goto(address.href);
    await page.waitForSelector(`html[${readyMarks.ready}]`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const tall = await page.evaluate(measureTallSlides);
    return { picture: await page.screenshot({ type: 'png' }), tall };
  } finally {
    await context.close();
  }
}

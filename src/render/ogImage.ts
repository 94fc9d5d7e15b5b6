import type { Browser } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { allowOnlyTheDeck, chromiumArgs, chromiumInstallCommand, findChromium } from '../chromium.ts';
import { CliError, ExitCode } from '../cli/cliError.ts';

/** Link previews are drawn at 1200×630, the size Open Graph readers expect. */
const previewSize = { width: 1200, height: 630 };

/** A headless Chromium for pictures of slides; launched once for a whole build. */
export async function launchForPictures(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new CliError(`--og-image needs Chromium, and none was found. Install it with: ${chromiumInstallCommand} (or set CHROME_PATH)`, ExitCode.deckFailed);
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: chromiumArgs });
  } catch (error) {
    // Playwright's first line says what failed; the rest is its launch log.
    throw new CliError(`Chromium at ${executablePath} did not start (${String((error as Error).message).split('\n')[0]}). Reinstall it with: ${chromiumInstallCommand}`, ExitCode.deckFailed);
  }
}

/** A PNG of a built deck's title slide, opened from disk with every other request refused. */
export async function titleSlidePicture(browser: Browser, htmlFile: string): Promise<Buffer> {
  const context = await browser.newContext({ viewport: previewSize, reducedMotion: 'reduce' });
  try {
    await allowOnlyTheDeck(context, htmlFile);
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.waitForSelector('html[data-podium-ready]');
    // Controls and the slide number are for presenting, not for a preview card.
    await page.addStyleTag({ content: '.reveal .controls, .reveal .progress, .reveal .slide-number { display: none !important; }' });
    return await page.screenshot({ type: 'png' });
  } finally {
    await context.close();
  }
}

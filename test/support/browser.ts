import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/chromium.ts';

export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (the test setup should have installed it).');
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/**
 * Chromium for a test file: started before its tests, once `prepare` is done, and closed after
 * them, before `cleanUp`. Tests ask for it through the function returned.
 */
export function chromiumForTests(prepare: () => unknown, cleanUp: () => void): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    await prepare();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    cleanUp();
  });
  return () => {
    if (!browser) throw new Error('Chromium is started before the tests run.');
    return browser;
  };
}

export interface OpenedDeck {
  context: BrowserContext;
  page: Page;
  /** Every request the page or its popups attempted beyond the deck's own origin (all blocked). */
  networkAttempts: string[];
  /** Console errors and uncaught exceptions, from the page and its popups. */
  errors: string[];
  /** Dialogs (alert, confirm, prompt) any page opened. */
  dialogs: string[];
}

/**
 * Opens a built deck with every non-file request blocked and recorded, the way a deck opened
 * from a USB stick on a laptop with no network would behave.
 */
export async function openDeck(
  browser: Browser,
  url: string,
  options: {
    viewport?: { width: number; height: number };
    reducedMotion?: 'reduce' | 'no-preference';
    allowOrigin?: string;
  } = {},
): Promise<OpenedDeck> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    reducedMotion: options.reducedMotion,
  });
  // Every Content-Security-Policy violation in any frame, kept for policyViolations().
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { podiumPolicyViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  const networkAttempts: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith(options.allowOrigin ?? 'file:')) return route.continue();
    networkAttempts.push(requested);
    return route.abort();
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-podium-ready]');
  return { context, page, networkAttempts, errors, dialogs };
}

/** Drawn pixels (alpha > 0) in each canvas matching `selector`. */
export function drawnPixels(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(selector, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      if (canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn += 1;
      return drawn;
    }),
  );
}

/** The Content-Security-Policy violations a page has reported since it loaded. */
export function policyViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.podiumPolicyViolations ?? []);
}

/**
 * Shows each slide of a presenting deck in turn (steps hidden) and, once it is painted, calls
 * `visit` with its index; gives back what the visits gave, in slide order, prefixed "slide N: ".
 */
export async function forEachSlide(page: Page, visit: (index: number) => Promise<string[]>): Promise<string[]> {
  const total = await page.evaluate(() => window.Reveal.getTotalSlides());
  const found: string[] = [];
  for (let index = 0; index < total; index++) {
    await page.evaluate(async (at) => {
      window.Reveal.slide(at);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, index);
    found.push(...(await visit(index)).map((line) => `slide ${index + 1}: ${line}`));
  }
  return found;
}

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';

/** Where Debian and other systems put Chromium; CHROME_PATH wins when set. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const chromiumInstallCommand = 'sudo apt-get install chromium';

/**
 * Flags for a headless Chromium that makes no network attempts of its own (updates, sync,
 * background services) and runs as root in containers.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The system Chromium to drive, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.CHROME_PATH;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return candidates.find((path) => existsSync(path));
}

/**
 * Lets a page load its own deck file (with any query, for the print view) and nothing else: no
 * network, and no other local file a deck might try to pull into a PDF or a picture.
 */
export async function allowOnlyTheDeck(
  context: BrowserContext,
  deckFile: string,
  onBlocked: (url: string) => void = () => {},
): Promise<void> {
  const own = pathToFileURL(deckFile).href;
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.split(/[?#]/)[0] === own) return route.continue();
    onBlocked(requested);
    return route.abort();
  });
}

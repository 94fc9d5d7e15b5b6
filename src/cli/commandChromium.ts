import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumArgs, chromiumInstallCommand, findChromium } from '../chromium.ts';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './io.ts';

/** The environment is read for CHROME_PATH; tests pass their own. */
export interface ChromiumIo extends Io {
  env?: NodeJS.ProcessEnv;
}

/**
 * The Chromium a command drives (`podium pdf`, `podium build --og-image`): the one named by
 * --chrome, else CHROME_PATH, else the system's. None found is an error that says the fix.
 */
export function chromiumFor(chosen: string | undefined, io: ChromiumIo, needs: string): string {
  const env = io.env ?? process.env;
  const found = foundChromium(chosen, io);
  if (found) return found;
  const looked =
    chosen !== undefined
      ? `at ${chosen} (--chrome)`
      : env.CHROME_PATH
        ? `at ${env.CHROME_PATH} (CHROME_PATH)`
        : 'on this machine';
  throw new CliError(
    `No Chromium found ${looked}. ${needs}; install it with:\n  ${chromiumInstallCommand}\nor name a Chromium or Chrome binary with --chrome <path> or CHROME_PATH.`,
    ExitCode.deckFailed,
  );
}

/** The Chromium named by --chrome, else CHROME_PATH, else the system's; undefined when there is none. */
export function foundChromium(chosen: string | undefined, io: ChromiumIo): string | undefined {
  return findChromium(chosen !== undefined ? { CHROME_PATH: resolve(io.cwd, chosen) } : (io.env ?? process.env));
}

/** Starts that Chromium headless; one that will not start is an error that says the fix. */
export async function launchChromiumFor(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: chromiumArgs });
  } catch (error) {
    // Playwright's first line says what failed; the rest is its launch log.
    const reason = String((error as Error).message).split('\n')[0];
    throw new CliError(
      `Chromium at ${executablePath} did not start (${reason}). Reinstall it with:\n  ${chromiumInstallCommand}\nor name another with --chrome <path> or CHROME_PATH.`,
      ExitCode.deckFailed,
    );
  }
}

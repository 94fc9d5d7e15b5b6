import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { chromiumForTests } from './browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The names of the sample decks, decks/<name>.mdx. */
export const sampleDeckNames = readdirSync(join(root, 'decks'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));

/** The sample decks, built by `podium build` itself into a folder of their own. */
export class SampleDecks {
  readonly out: string;

  constructor(prefix: string) {
    this.out = mkdtempSync(join(tmpdir(), `podium-${prefix}-`));
  }

  /** Builds the named sample decks (every one when none is named); the build must succeed. */
  async build(...names: string[]): Promise<void> {
    const lines: string[] = [];
    const code = await run(['build', ...names.map((name) => `decks/${name}.mdx`), '--out', this.out], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      cwd: root,
    });
    expect(code, lines.join('\n')).toBe(0);
  }

  /** A built deck's file:// address. */
  url(name: string): string {
    return pathToFileURL(join(this.out, `${name}.html`)).href;
  }

  remove(): void {
    rmSync(this.out, { recursive: true, force: true });
  }
}

/**
 * For a test file: builds these sample decks (every one when none is named) and starts Chromium
 * before its tests, and closes and removes both after them.
 */
export function sampleDecksInChromium(
  prefix: string,
  ...names: string[]
): {
  samples: SampleDecks;
  chromium: () => Browser;
} {
  const samples = new SampleDecks(prefix);
  return {
    samples,
    chromium: chromiumForTests(
      () => samples.build(...names),
      () => samples.remove(),
    ),
  };
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildDeck, type BuiltDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';
import { chromiumForTests } from './browser.ts';

/** The decks browser tests build: test/browser/decks/<name>.mdx, written to a folder of their own. */
export class TestDecks {
  readonly #decks = fileURLToPath(new URL('../browser/decks/', import.meta.url));
  readonly #out: string;
  readonly #config;

  constructor(prefix: string) {
    this.#out = mkdtempSync(join(tmpdir(), `podium-${prefix}-`));
    this.#config = resolveConfig({ root: fileURLToPath(new URL('../../', import.meta.url)), outDir: this.#out });
  }

  /** Builds a test deck with `podium build`'s code path; gives its file:// address and the build. */
  async built(name: string): Promise<{ url: string; built: BuiltDeck }> {
    const built = await buildDeck(join(this.#decks, `${name}.mdx`), this.#config);
    const path = join(this.#out, `${name}.html`);
    writeFileSync(path, built.html);
    return { url: pathToFileURL(path).href, built };
  }

  remove(): void {
    rmSync(this.#out, { recursive: true, force: true });
  }
}

/**
 * For a test file: its test decks, and Chromium started before its tests; after them, both are
 * closed and removed. Decks are built as the tests ask (decks.built).
 */
export function testDecksInChromium(prefix: string): { decks: TestDecks; chromium: () => Browser } {
  const decks = new TestDecks(prefix);
  return {
    decks,
    chromium: chromiumForTests(
      () => {},
      () => decks.remove(),
    ),
  };
}

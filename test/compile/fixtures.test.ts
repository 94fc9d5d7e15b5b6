import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../src/compile/deckError.ts';
import { compileDeck } from '../../src/compile/index.ts';

// One folder per case: deck.mdx beside the slides it must give (slides.html, meta.json)
// or the message it must report (error.txt). A deck that builds gives exactly the warnings
// in warnings.txt, or none when there is no such file.
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const repository = fileURLToPath(new URL('../../', import.meta.url));

describe('compile fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    it(name, async () => {
      const file = join(dir, 'deck.mdx');
      const result = await compileDeck({ file, root: repository, publicDir: join(dir, 'public') }).then(
        (deck) => ({ deck }),
        (error: unknown) => ({ error }),
      );
      if ('deck' in result) {
        const { deck } = result;
        await expect(
          `${toHtml(deck.slides, { allowDangerousHtml: false }).replaceAll('</section>', '</section>\n')}`,
        ).toMatchFileSnapshot(join(dir, 'slides.html'));
        await expect(
          `${JSON.stringify({ meta: deck.meta, slides: deck.slides.length, charts: deck.chartCount }, null, 2)}\n`,
        ).toMatchFileSnapshot(join(dir, 'meta.json'));
        const warnings = join(dir, 'warnings.txt');
        expect(deck.messages.map((warning) => `${warning.format(dir)}\n`).join('\n')).toBe(
          existsSync(warnings) ? readFileSync(warnings, 'utf8') : '',
        );
      } else {
        expect(result.error).toBeInstanceOf(DeckError);
        // A deck expected to build with warnings must not fail instead.
        expect(existsSync(join(dir, 'warnings.txt')), String(result.error)).toBe(false);
        await expect(`${(result.error as DeckError).format(dir)}\n`).toMatchFileSnapshot(join(dir, 'error.txt'));
      }
    });
  }
});

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';
import { gzipSize } from '../../src/render/gzipSize.ts';
import { sampleDeckNames } from '../support/sampleDecks.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The gzip figure a build prints compresses the runtime once and each deck's own text alone:
// it must stay what compressing the whole file gives, to within 0.2 %.
it.each([...sampleDeckNames, 'bench/reference/reference'])('tells %s gzipped to within 0.2 %', async (name) => {
  const file = name.includes('/') ? `${root}${name}.mdx` : `${root}decks/${name}.mdx`;
  const { html, sharedText } = await buildDeck(file, resolveConfig({ root }));
  const exact = gzipSync(html, { level: 9 }).length;
  const told = gzipSize(html, sharedText);
  expect(Math.abs(told - exact) / exact).toBeLessThan(0.002);
  // The runtime is most of the file, and is what the figure compresses only once.
  expect(sharedText.join('').length / html.length).toBeGreaterThan(0.75);
});

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';
import { gzipSize } from '../../src/render/gzipSize.ts';
import { runtimeDir } from '../../src/render/runtimeFiles.ts';
import { sampleDeckNames } from '../support/sampleDecks.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// What a build writes and the size it tells. The gzip figure a build prints compresses the runtime once and each deck's own text alone:
// it must stay what compressing the whole file gives, to within 0.2 %.
it.each([...sampleDeckNames, 'bench/reference/reference'])('tells %s gzipped to within 0.2 %', async (name) => {
  const file = name.includes('/') ? `${root}${name}.mdx` : `${root}decks/${name}.mdx`;
  const { file: written, html } = await buildDeck(file, resolveConfig({ root }));
  const exact = gzipSync(html, { level: 9 }).length;
  const told = gzipSize(written);
  expect(Math.abs(told - exact) / exact).toBeLessThan(0.002);
  // The runtime is most of the file, and is what the figure compresses only once.
  const shared = written.parts.filter((_, index) => index % 2 === 1);
  expect(shared.join('').length / html.length).toBeGreaterThan(0.75);
});

it('has the size of each runtime file measured when Podium was built', () => {
  const prepared = JSON.parse(readFileSync(join(runtimeDir, 'gzip-sizes.json'), 'utf8')) as Record<string, number>;
  const files = readdirSync(runtimeDir).filter((name) => /^podium-runtime[\w-]*\.(js|css)$/.test(name));
  expect(files.length).toBeGreaterThanOrEqual(4);
  for (const name of files) {
    const text = readFileSync(join(runtimeDir, name), 'utf8');
    const hash = createHash('sha256').update(text).digest('base64');
    expect(prepared[hash], name).toBe(gzipSync(text, { level: 9 }).length - 18);
  }
});

it('writes the same bytes from the runtime encoded once as from the whole text', async () => {
  // The school deck has two-byte text (curly quotes, dashes) beside the one-byte runtime.
  const build = () => buildDeck(`${root}decks/school-support-staff.mdx`, resolveConfig({ root }));
  const { file, html } = await build();
  expect([...html].some((character) => character.charCodeAt(0) > 0xff)).toBe(true);
  expect(file.bytes.equals(Buffer.from(html))).toBe(true);
  // The second deck of a build reuses the runtime's bytes.
  const again = await build();
  expect(again.file.bytes.equals(Buffer.from(again.html))).toBe(true);
});

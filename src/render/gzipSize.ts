import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runtimeDir } from './runtimeFiles.ts';
import type { DocumentFile } from './standaloneDocument.ts';
import { textHash } from './textHash.ts';
import { keptByText } from '../keptByText.ts';

/** Bytes gzip adds around any stream of its own (header and trailer), counted once per file. */
const gzipFraming = 18;

/**
 * The runtime files' gzipped sizes, by the hash of their text, measured when Podium is built
 * (`npm run build:tool`), so that even a build's first deck does not compress them.
 */
const preparedSizesFile = join(runtimeDir, 'gzip-sizes.json');

let preparedSizes: Record<string, number> | undefined;

/** The size `text` adds to a gzipped file it is part of: its own compressed size, less gzip's framing. */
function sizeWithin(text: string): number {
  return gzipSync(text, { level: 9 }).length - gzipFraming;
}

/** A shared part's size: measured when Podium was built, else now, and once per process. */
const sharedSize = keptByText(8, (part) => {
  try {
    preparedSizes ??= JSON.parse(readFileSync(preparedSizesFile, 'utf8')) as Record<string, number>;
  } catch {
    preparedSizes = {};
  }
  return preparedSizes[textHash(part)] ?? sizeWithin(part);
});

/**
 * What a file weighs gzipped (at level 9, as a careful server sends it), for the line a build
 * prints. Most of a deck file is text every deck carries (the inlined runtime script and
 * stylesheet, the file's odd parts), whose size is measured when Podium is built; each deck's
 * own text is compressed on its own. Deflate looks back only 32 kB, so the sum is within 0.2 % of
 * compressing the whole file (test/render/gzipSize.test.ts), at a fifth of the cost: the figure
 * no longer costs a quarter of a many-deck build.
 */
export function gzipSize(file: DocumentFile): number {
  const own = file.parts.filter((_, index) => index % 2 === 0).join('');
  const shared = file.parts.filter((_, index) => index % 2 === 1);
  return gzipSync(own, { level: 9 }).length + shared.reduce((sum, part) => sum + sharedSize(part), 0);
}

/** Measures each runtime file for gzipSize, for `npm run build:tool`. */
export function prepareGzipSizes(): void {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(runtimeDir).filter((file) => /^podium-runtime[\w-]*\.(js|css)$/.test(file))) {
    const text = readFileSync(join(runtimeDir, name), 'utf8');
    sizes[textHash(text)] = sizeWithin(text);
  }
  writeFileSync(preparedSizesFile, `${JSON.stringify(sizes)}\n`);
}

import { gzipSync } from 'node:zlib';

/** Bytes gzip adds around any stream of its own (header and trailer), counted once per file. */
const gzipFraming = 18;

const sharedSizes = new Map<string, number>();

/**
 * What a file weighs gzipped (at level 9, as a careful server sends it), for the line a build
 * prints. Most of a deck file is text every deck carries (the inlined runtime script and
 * stylesheet): that is compressed once per process, and each deck's own text on its own.
 * Deflate looks back only 32 kB, so the sum is within 0.2 % of compressing the whole file
 * (test/render/gzipSize.test.ts), at a fifth of the cost: the figure no longer costs a
 * quarter of a many-deck build.
 */
export function gzipSize(text: string, shared: readonly string[]): number {
  let own = text;
  let sharedBytes = 0;
  for (const part of shared) {
    const at = own.indexOf(part);
    if (at === -1) continue;
    own = own.slice(0, at) + own.slice(at + part.length);
    let size = sharedSizes.get(part);
    if (size === undefined) {
      size = gzipSync(part, { level: 9 }).length - gzipFraming;
      sharedSizes.set(part, size);
    }
    sharedBytes += size;
  }
  return gzipSync(own, { level: 9 }).length + sharedBytes;
}

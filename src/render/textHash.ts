import { createHash } from 'node:crypto';

const hashes = new Map<string, string>();

/**
 * The key under which `npm run build:tool` prepares work for a text (build/runtime/themes.json,
 * gzip-sizes.json): its SHA-256. The same large text (the base stylesheet, the runtime) is looked
 * up for several things in every deck of a build, so each is hashed once per process.
 */
export function textHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    // A few runtimes, stylesheets and themes at most: keep the latest.
    if (hashes.size > 16) hashes.clear();
    hash = createHash('sha256').update(text).digest('base64');
    hashes.set(text, hash);
  }
  return hash;
}

import { createHash } from 'node:crypto';
import { keptByText } from '../keptByText.ts';

/**
 * The key under which `npm run build:tool` prepares work for a text (build/runtime/themes.json,
 * gzip-sizes.json): its SHA-256. The same large text (the base stylesheet, the runtime) is looked
 * up for several things in every deck of a build, so each is hashed once per process.
 */
export const textHash = keptByText(16, (text) => createHash('sha256').update(text).digest('base64'));

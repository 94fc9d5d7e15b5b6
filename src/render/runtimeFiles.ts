import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.ts';
import type { RuntimeVariant } from '../runtimeVariants.ts';

export interface RuntimeFiles {
  script: string;
  style: string;
}

/** Where `vite build` puts the browser runtime (the same place from src/ and lib/). */
export const runtimeDir = join(packageRoot, 'build/runtime/');

const cache = new Map<string, RuntimeFiles>();

/**
 * A prebuilt runtime, read once per process however many decks are built, and again when
 * `npm run build:runtime` has rewritten it (a running dev server picks up the new one). Looked
 * at synchronously: a stat through Node's thread pool left each deck's build idle for longer.
 */
export function runtimeFiles(variant: RuntimeVariant): RuntimeFiles {
  const script = `${runtimeDir}podium-runtime-${variant}.js`;
  let built: number;
  try {
    built = statSync(script).mtimeMs;
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new Error(`Podium's browser runtime is not built (${runtimeDir}). Run: npm run build:tool`)
      : error;
  }
  const key = `${variant}@${built}`;
  let files = cache.get(key);
  if (!files) {
    files = { script: readFileSync(script, 'utf8'), style: readFileSync(`${runtimeDir}podium-runtime.css`, 'utf8') };
    cache.set(key, files);
  }
  return files;
}

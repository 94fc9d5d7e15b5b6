import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RuntimeVariant } from '../runtimeVariants.ts';

export interface RuntimeFiles {
  script: string;
  style: string;
}

/** Where `vite build` puts the browser runtime (the same place from src/ and lib/). */
export const runtimeDir = fileURLToPath(new URL('../../build/runtime/', import.meta.url));

const cache = new Map<RuntimeVariant, Promise<RuntimeFiles>>();

/** A prebuilt runtime, read once per process however many decks are built. */
export function runtimeFiles(variant: RuntimeVariant): Promise<RuntimeFiles> {
  let files = cache.get(variant);
  if (!files) {
    files = Promise.all([readFile(`${runtimeDir}podium-runtime-${variant}.js`, 'utf8'), readFile(`${runtimeDir}podium-runtime.css`, 'utf8')]).then(
      ([script, style]) => ({ script, style }),
      (error: NodeJS.ErrnoException) => {
        cache.delete(variant);
        throw error.code === 'ENOENT' ? new Error(`Podium's browser runtime is not built (${runtimeDir}). Run: npm run build:tool`) : error;
      },
    );
    cache.set(variant, files);
  }
  return files;
}

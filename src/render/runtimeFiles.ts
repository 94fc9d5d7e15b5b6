import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RuntimeVariant } from '../runtimeVariants.ts';

export interface RuntimeFiles {
  script: string;
  style: string;
  /** CSP hashes of the scripts the runtime writes into reveal's speaker view. */
  speakerViewHashes: string[];
}

/** Where `vite build` puts the browser runtime (the same place from src/ and lib/). */
export const runtimeDir = fileURLToPath(new URL('../../build/runtime/', import.meta.url));

const cache = new Map<RuntimeVariant, Promise<RuntimeFiles>>();

/** A prebuilt runtime, read once per process however many decks are built. */
export function runtimeFiles(variant: RuntimeVariant): Promise<RuntimeFiles> {
  let files = cache.get(variant);
  if (!files) {
    files = Promise.all([
      readFile(`${runtimeDir}podium-runtime-${variant}.js`, 'utf8'),
      readFile(`${runtimeDir}podium-runtime.css`, 'utf8'),
      readFile(`${runtimeDir}podium-runtime-${variant}.csp.json`, 'utf8'),
    ]).then(
      ([script, style, policy]) => ({ script, style, speakerViewHashes: (JSON.parse(policy) as { speakerView: string[] }).speakerView }),
      (error: NodeJS.ErrnoException) => {
        cache.delete(variant);
        throw error.code === 'ENOENT' ? new Error(`Podium's browser runtime is not built (${runtimeDir}). Run: npm run build:tool`) : error;
      },
    );
    cache.set(variant, files);
  }
  return files;
}

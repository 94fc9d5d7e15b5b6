import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface RuntimeFiles {
  script: string;
  style: string;
}

/** Where `vite build` puts the browser runtime (the same place from src/ and lib/). */
export const runtimeDir = fileURLToPath(new URL('../../build/runtime/', import.meta.url));

let cached: Promise<RuntimeFiles> | undefined;

/** The prebuilt runtime, read once per process however many decks are built. */
export function runtimeFiles(): Promise<RuntimeFiles> {
  cached ??= Promise.all([
    readFile(`${runtimeDir}podium-runtime.js`, 'utf8'),
    readFile(`${runtimeDir}podium-runtime.css`, 'utf8'),
  ]).then(
    ([script, style]) => ({ script, style }),
    (error: NodeJS.ErrnoException) => {
      cached = undefined;
      throw error.code === 'ENOENT'
        ? new Error(`Podium's browser runtime is not built (${runtimeDir}). Run: npm run build:tool`)
        : error;
    },
  );
  return cached;
}

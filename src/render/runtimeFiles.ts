import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.ts';
import type { RuntimeVariant } from '../runtimeVariants.ts';

export interface RuntimeFiles {
  script: string;
  style: string;
}

/** Where `vite build` puts the browser runtime (the same place from src/ and lib/). */
export const runtimeDir = join(packageRoot, 'build/runtime/');

const cache = new Map<string, Promise<RuntimeFiles>>();

/**
 * A prebuilt runtime, read once per process however many decks are built, and again when
 * `npm run build:runtime` has rewritten it (a running dev server picks up the new one).
 */
export async function runtimeFiles(variant: RuntimeVariant): Promise<RuntimeFiles> {
  const script = `${runtimeDir}podium-runtime-${variant}.js`;
  const built = await stat(script).then(
    (info) => info.mtimeMs,
    (error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT'
        ? new Error(`Podium's browser runtime is not built (${runtimeDir}). Run: npm run build:tool`)
        : error;
    },
  );
  const key = `${variant}@${built}`;
  let files = cache.get(key);
  if (!files) {
    files = Promise.all([readFile(script, 'utf8'), readFile(`${runtimeDir}podium-runtime.css`, 'utf8')]).then(
      ([code, style]) => ({ script: code, style }),
    );
    files.catch(() => cache.delete(key));
    cache.set(key, files);
  }
  return files;
}

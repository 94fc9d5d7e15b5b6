import { join, resolve } from 'node:path';
import { packageRoot } from './packageRoot.ts';

/** Podium's own themes, shipped beside its code. */
export const builtInThemesDir = join(packageRoot, 'themes/');

export interface PodiumConfig {
  /** The project folder: decks/, themes/, public/ are looked up here. */
  readonly root: string;
  readonly decksDir: string;
  readonly publicDir: string;
  /** Project themes first, then Podium's own. */
  readonly themeDirs: readonly string[];
  /** The only folders a build reads from: the project, and Podium's own themes. */
  readonly readableDirs: readonly string[];
  readonly outDir: string;
}

/** Every path Podium uses, resolved once. */
export function resolveConfig(options: { root?: string; outDir?: string } = {}): PodiumConfig {
  const root = resolve(options.root ?? process.cwd());
  const themeDirs = [...new Set([resolve(root, 'themes'), resolve(builtInThemesDir)])];
  return Object.freeze({
    root,
    decksDir: resolve(root, 'decks'),
    publicDir: resolve(root, 'public'),
    themeDirs: Object.freeze(themeDirs),
    readableDirs: Object.freeze([root, resolve(builtInThemesDir)]),
    outDir: resolve(root, options.outDir ?? 'dist'),
  });
}

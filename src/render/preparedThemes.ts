import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInThemesDir } from '../config.ts';
import { runtimeDir } from './runtimeFiles.ts';
import { textHash } from './textHash.ts';

/**
 * Podium's own themes, checked and minified when Podium is built (`npm run build:tool`, beside the
 * runtime they are checked over, by src/prepareBuild.ts), so that a deck in one of them never loads lightningcss: a
 * native addon that takes longer to load than a small deck takes to compile. Each entry holds
 * the hashes of the theme and base stylesheet it was made from; a theme or base that has
 * changed since is read as any project theme is.
 */
export const preparedThemesFile = join(runtimeDir, 'themes.json');

interface PreparedTheme {
  theme: string;
  base: string;
  css: string;
}

let prepared: Record<string, PreparedTheme> | undefined;

/** The built-in theme at `path`, ready, when it and the base are the ones it was prepared from. */
export function preparedTheme(path: string, css: string, baseCss: string): string | undefined {
  if (!path.startsWith(builtInThemesDir)) return undefined;
  try {
    prepared ??= JSON.parse(readFileSync(preparedThemesFile, 'utf8')) as Record<string, PreparedTheme>;
  } catch {
    prepared = {};
  }
  const entry = prepared[path.slice(builtInThemesDir.length)];
  return entry && entry.theme === textHash(css) && entry.base === textHash(baseCss) ? entry.css : undefined;
}

/**
 * Checks and minifies every built-in theme (`ready` is the same work a project theme gets: it
 * throws for a theme too faint over the base) and writes them beside the runtime.
 */
export function prepareBuiltInThemes(ready: (path: string, css: string, baseCss: string) => string): void {
  const baseCss = readFileSync(join(runtimeDir, 'podium-runtime.css'), 'utf8');
  const themes: Record<string, PreparedTheme> = {};
  for (const name of readdirSync(builtInThemesDir).filter((file) => file.endsWith('.css'))) {
    const path = join(builtInThemesDir, name);
    const css = readFileSync(path, 'utf8');
    themes[name] = { theme: textHash(css), base: textHash(baseCss), css: ready(path, css, baseCss) };
  }
  writeFileSync(preparedThemesFile, `${JSON.stringify(themes)}\n`);
}

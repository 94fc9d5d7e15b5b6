import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { builtInThemesDir } from '../../src/config.ts';
import { preparedTheme } from '../../src/render/preparedThemes.ts';
import { runtimeDir } from '../../src/render/runtimeFiles.ts';
import { loadTheme } from '../../src/render/theme.ts';
import { diskFiles } from '../../src/compile/deckFiles.ts';

// `npm run build:tool` checks and minifies Podium's own themes ahead (build/runtime/themes.json):
// a deck in one gets exactly what reading the theme would give, and a changed theme or base
// stylesheet is read afresh.
const baseCss = readFileSync(join(runtimeDir, 'podium-runtime.css'), 'utf8');
const names = readdirSync(builtInThemesDir)
  .filter((file) => file.endsWith('.css'))
  .map((file) => file.replace(/\.css$/, ''));

it.each(names)('has the built-in theme %s ready, as reading it would make it', (name) => {
  const path = join(builtInThemesDir, `${name}.css`);
  const css = readFileSync(path, 'utf8');
  const ready = preparedTheme(path, css, baseCss);
  expect(ready).toBeDefined();
  // A base stylesheet one rule longer makes the theme be read again, with the same result.
  const deck = { meta: { theme: name }, placeOf: () => ({ file: 'deck.mdx', line: 1, column: 1 }) };
  const read = loadTheme(deck, [builtInThemesDir], diskFiles([builtInThemesDir]), `${baseCss}\n.x{}`);
  expect(read.css).toBe(ready);
});

it('reads a built-in theme afresh when its text or the base stylesheet has changed', () => {
  const path = join(builtInThemesDir, 'civic.css');
  const css = readFileSync(path, 'utf8');
  expect(preparedTheme(path, `${css}\n:root { --podium-text: #111; }`, baseCss)).toBeUndefined();
  expect(preparedTheme(path, css, `${baseCss} `)).toBeUndefined();
  expect(preparedTheme(join(builtInThemesDir, '..', 'elsewhere', 'civic.css'), css, baseCss)).toBeUndefined();
});

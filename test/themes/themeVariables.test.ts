import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeVariables } from '../../src/contract/themeVariables.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const base = read('src/runtime/theme/base.css');
const docs = read('docs/themes.md');
const themes = readdirSync(new URL('../../themes/', import.meta.url)).filter((name) => name.endsWith('.css'));
const names = themeVariables.map((variable) => variable.name);
/** The custom properties a stylesheet declares in its first `:root` rule. */
const declared = (css: string) =>
  [...(/:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '').matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]);

describe('theme variables', () => {
  it('each has a default in the base stylesheet, so a theme may leave it out', () => {
    expect(names.filter((name) => !declared(base).includes(name))).toEqual([]);
  });

  it('each is documented in docs/themes.md', () => {
    const documented = (name: string) => docs.includes(`\`${name}\``) || /--podium-chart-\d$/.test(name);
    expect(names.filter((name) => !documented(name))).toEqual([]);
  });

  it.each(themes)('%s is variables only, each one Podium knows', (file) => {
    const css = read(`themes/${file}`);
    expect(declared(css).filter((name) => !names.includes(name as (typeof names)[number]))).toEqual([]);
    // Nothing but comments and the one :root rule.
    expect(
      css
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/:root\s*\{[^}]*\}/, '')
        .trim(),
    ).toBe('');
  });
});

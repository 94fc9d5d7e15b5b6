import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckEn } from '../../src/locale/deck.en.ts';
import { deckEs } from '../../src/locale/deck.es.ts';
import { format, localeFor, locales, stringKeys } from '../../src/locale/index.ts';
import { runtimeEn } from '../../src/locale/runtime.en.ts';
import { runtimeEs } from '../../src/locale/runtime.es.ts';

const tables = {
  deck: { en: deckEn as Record<string, string>, es: deckEs as Record<string, string> },
  runtime: { en: runtimeEn as Record<string, string>, es: runtimeEs as Record<string, string> },
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the locale tables', () => {
  for (const [part, { en, es }] of Object.entries(tables)) {
    it(`have the same ${part} keys in English and Spanish`, () => {
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    });

    it(`have no empty ${part} text`, () => {
      for (const [language, table] of Object.entries({ en, es }))
        for (const [key, text] of Object.entries(table)) expect(text.trim(), `${language}.${key}`).not.toBe('');
    });

    it(`name in Spanish only the values the English ${part} text is given`, () => {
      for (const key of Object.keys(en))
        for (const name of placeholders(es[key] ?? '')) expect(placeholders(en[key]), `es.${key}`).toContain(name);
    });

    it(`translate most ${part} text (Spanish differs from English)`, () => {
      const keys = Object.keys(en);
      const same = keys.filter((key) => es[key] === en[key]);
      expect(same.length, `the same in both: ${same.join(', ')}`).toBeLessThanOrEqual(keys.length / 10);
    });
  }

  it('combine the build and runtime tables, with no key in both', () => {
    const deckKeys = Object.keys(deckEn);
    expect(deckKeys.filter((key) => key in runtimeEn)).toEqual([]);
    expect(stringKeys.sort()).toEqual([...deckKeys, ...Object.keys(runtimeEn)].sort());
    expect(Object.keys(locales.es).sort()).toEqual(stringKeys.sort());
  });

  it('pick the table by the primary language, English for one Podium lacks', () => {
    expect(localeFor('es-MX')).toEqual({ strings: locales.es, known: true });
    expect(localeFor('fr')).toEqual({ strings: locales.en, known: false });
    expect(format(locales.es.sourceNumber, { number: 3 })).toBe('Fuente 3');
  });
});

describe("the documentation of Podium's words", () => {
  it("lists every key, the build's and the runtime's, with its English text", () => {
    const docs = readFileSync(fileURLToPath(new URL('../../docs/components.md', import.meta.url)), 'utf8');
    const section = docs.slice(docs.indexOf("## Podium's words"));
    for (const [key, text] of Object.entries({ ...deckEn, ...runtimeEn })) {
      expect(section, key).toContain(`| \`${key}\``);
      expect(section, key).toContain(text);
    }
  });
});

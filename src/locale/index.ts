/*
 * Every word Podium writes, by language: the build's (deck.*.ts) and the browser runtime's
 * (runtime.*.ts). A deck's `lang` picks the table; its frontmatter `strings:` may override any key.
 * Templates name their values in braces: "Slide {number} of {total}".
 */
import { deckEn } from './deck.en.ts';
import { deckEs } from './deck.es.ts';
import { runtimeEn } from './runtime.en.ts';
import { runtimeEs } from './runtime.es.ts';

export type DeckStringKey = keyof typeof deckEn;
export type RuntimeStringKey = keyof typeof runtimeEn;
export type StringKey = DeckStringKey | RuntimeStringKey;
export type Strings = Record<StringKey, string>;

/** The languages with a complete table, by their primary language subtag. */
export const locales: Record<string, Strings> = {
  en: { ...deckEn, ...runtimeEn },
  es: { ...deckEs, ...runtimeEs },
};

export const stringKeys = Object.keys(locales.en) as StringKey[];

/** The table for a language tag (`es-MX` uses `es`); English, and `known: false`, for one Podium lacks. */
export function localeFor(lang: string): { strings: Strings; known: boolean } {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  const table = locales[primary];
  return table ? { strings: table, known: true } : { strings: locales.en, known: false };
}

/** A template with its `{name}` places filled. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

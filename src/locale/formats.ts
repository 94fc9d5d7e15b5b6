import { keptByText } from '../keptByText.ts';

/**
 * Intl's number and date formats, each made once per language and options: making one costs far
 * more than using it, and every chart, figure and row of a build asks for the same few. Options
 * come from decks' own code too (toLocaleString), so only so many are kept.
 */
const numberFormats = keptByText(256, (key) => new Intl.NumberFormat(...(JSON.parse(key) as [string, object])));
const dateFormats = keptByText(256, (key) => new Intl.DateTimeFormat(...(JSON.parse(key) as [string, object])));

export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return numberFormats(JSON.stringify([lang, options]));
}

export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return dateFormats(JSON.stringify([lang, options]));
}

/**
 * Intl's number and date formats, each made once per language and options: making one costs far
 * more than using it, and every chart, figure and row of a build asks for the same few.
 */
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** Options come from decks' own code too (toLocaleString); past this many, the kept formats are let go. */
const kept = 256;

function remembered<Format extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => Format): Format {
  let format = made.get(key) as Format | undefined;
  if (!format) {
    format = make();
    if (made.size >= kept) made.clear();
    made.set(key, format);
  }
  return format;
}

export function numberFormat(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return remembered(`number ${lang} ${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(lang, options));
}

export function dateFormat(lang: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return remembered(`date ${lang} ${JSON.stringify(options ?? {})}`, () => new Intl.DateTimeFormat(lang, options));
}

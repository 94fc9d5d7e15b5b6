import { z } from 'zod';
import { locales, localeFor, stringKeys, type StringKey, type Strings } from '../locale/index.ts';
import type { Point, Warn } from './deckMessages.ts';
import type { DeckMeta } from './deckMeta.ts';
import { didYouMean } from './suggest.ts';

/** The `{name}`s a template fills. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

const overrideText = (key: StringKey) => {
  const known = placeholders(locales.en[key]);
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .superRefine((text, context) => {
      // A misspelt {name} would be shown as written, braces and all.
      for (const name of placeholders(text).filter((name) => !known.includes(name))) {
        const suggestion = didYouMean(name, known);
        context.addIssue({
          code: 'custom',
          message:
            known.length === 0
              ? `names {${name}}, but this text is given no values; write it without braces`
              : `names {${name}}, which this text is not given${suggestion ? `; did you mean {${suggestion}}?` : ''} It can use ${known.map((k) => `{${k}}`).join(', ')}.`,
        });
      }
    });
};

/**
 * Frontmatter `strings:`: any of Podium's words, by key, in place of the language's own. Made
 * when a deck first gives some (its 120-odd keys take longer to set up than a small deck's compile).
 */
export const stringsSchema = z.lazy(() =>
  z.strictObject(
    Object.fromEntries(stringKeys.map((key) => [key, overrideText(key).optional()])) as Record<
      StringKey,
      z.ZodOptional<ReturnType<typeof overrideText>>
    >,
  ),
);

export interface DeckStringsOptions {
  warn: Warn;
  /** Where a frontmatter key is written. */
  placeOf: (key: string) => Point;
}

/**
 * The words Podium writes in this deck: the table for its `lang`, with the frontmatter's
 * `strings:` over it. A language Podium has no table for gets English, and a warning.
 */
export function deckStrings(meta: DeckMeta, { warn, placeOf }: DeckStringsOptions): Strings {
  const { strings, known } = localeFor(meta.lang);
  const given = Object.fromEntries(Object.entries(meta.strings ?? {}).filter(([, text]) => text !== undefined));
  if (!known && stringKeys.some((key) => !(key in given))) {
    warn(
      `Podium has no words in ${languageName(meta.lang)} yet; the slides' own text stays as written, and Podium's words are in English`,
      {
        place: placeOf('lang'),
        hint: `Give them in the frontmatter; docs/components.md (Podium's words) lists every key with its English text. For example:\n  strings:\n    showData: …\n    sourceLine: "…: {source}"`,
        ruleId: 'lang-no-words',
      },
    );
  }
  return { ...strings, ...given };
}

/** "French ("fr")": the language by its English name, and as written. */
function languageName(tag: string): string {
  const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
  return name ? `${name} ("${tag}")` : `"${tag}"`;
}

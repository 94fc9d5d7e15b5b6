import { basename, dirname, extname, relative, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Place } from './deckError.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';
import type { Fail, Warn } from './deckMessages.ts';
import type { DeckMeta } from './deckMeta.ts';

/** The deck's version in another language (frontmatter `translation`), as both built files link to it. */
export interface DeckTranslation {
  /** The other deck's built file, beside this one in the output folder: `comentario.html`. */
  href: string;
  /** The other deck's `lang`, read from its frontmatter. */
  lang: string;
  /** The other language in its own words, for the link: "Español" on an English deck. */
  name: string;
}

export interface TranslationOptions {
  /** The deck's path: `translation` is resolved beside it. */
  deck: string;
  files: DeckFiles;
  placeOf: (key: string) => Place;
  fail: Fail;
  warn: Warn;
}

/**
 * Reads the frontmatter's `translation`: the other deck must exist in the project; only its
 * frontmatter is read, for its `lang` and whether it names this deck back.
 */
export function deckTranslation(meta: DeckMeta, options: TranslationOptions): DeckTranslation | undefined {
  if (meta.translation === undefined) return undefined;
  const { deck, files, fail } = options;
  const place = options.placeOf('translation');
  const written = meta.translation;
  const path = resolve(dirname(deck), written);
  if (path === resolve(deck)) {
    fail('The deck names itself as its translation', {
      place,
      hint: 'Name the deck in the other language, such as "translation: ./comentario.mdx".',
      ruleId: 'translation-self',
    });
  }
  const source = readInsideProject(
    () => files.readText(path),
    () =>
      fail(`Cannot use "${written}" as the translation: the file is outside the project`, {
        place,
        hint: outsideProjectHint,
        ruleId: 'file-outside-project',
      }),
  );
  if (source === undefined) {
    return fail(`Cannot find the translation "${written}"`, {
      place,
      hint: "Name a deck (.mdx) in this project; the path is relative to the deck's folder, such as ./comentario.mdx.",
      ruleId: 'translation-missing',
    });
  }
  const other = frontmatterOf(source);
  const lang = languageTag(other.lang) ?? 'en';
  if (other.translation === undefined || resolve(dirname(path), other.translation) !== resolve(deck)) {
    options.warn(`The translation "${written}" does not name this deck back`, {
      place,
      hint: `Add "translation: ./${relative(dirname(path), deck)}" to its frontmatter, so each deck links to the other.`,
      ruleId: 'translation-one-way',
    });
  }
  return { href: `${basename(path, extname(path))}.html`, lang, name: languageName(lang) };
}

/** The `lang` and `translation` of a deck's frontmatter, read without compiling the deck. */
function frontmatterOf(source: string): { lang?: unknown; translation?: string } {
  const block = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(source);
  if (!block) return {};
  const document = parseDocument(block[1], { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return {};
  const value = (key: string) => {
    const pair = document.contents && isMap(document.contents) ? document.contents.get(key, true) : undefined;
    return isScalar(pair) ? pair.value : undefined;
  };
  const translation = value('translation');
  return { lang: value('lang'), translation: typeof translation === 'string' ? translation : undefined };
}

function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** "español" → "Español": a language named in its own words, as a link to it is written. */
function languageName(lang: string): string {
  const language = new Intl.Locale(lang).language;
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

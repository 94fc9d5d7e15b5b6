import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { format, localeFor } from '../locale/index.ts';
import { policyHeader } from './standaloneDocument.ts';

/** One deck as the index lists it. */
export interface IndexEntry {
  title: string;
  meeting?: string;
  date?: string;
  description?: string;
  lang: string;
  /** The deck's file name beside the index, the link's target. */
  fileName: string;
  bytes: number;
}

/** What the index page says, in English until the locale tables hold these too. */
export function indexWords(lang = 'en') {
  const { strings } = localeFor(lang);
  return {
    lang,
    title: strings.indexTitle,
    description: (count: number) =>
      count === 1 ? strings.indexDescriptionOne : format(strings.indexDescription, { count }),
    meeting: strings.indexMeeting,
    date: strings.indexDate,
    language: strings.indexLanguage,
    size: strings.indexSize,
    none: strings.indexNone,
    languageName: (tag: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag,
    kilobytes: (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`,
  };
}

export type IndexWords = ReturnType<typeof indexWords>;

/** The page speaks the decks' language when they share one, and English otherwise. */
export function indexLanguage(entries: readonly { lang: string }[]): string {
  const langs = new Set(entries.map((entry) => entry.lang));
  const [only] = langs;
  return langs.size === 1 && only !== undefined && localeFor(only).known ? only : 'en';
}

/** Plain, readable and within the deck policy: inline style, no scripts. Colours pass AA on white. */
const style = `
body { font: 1.125rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
ul { list-style: none; padding: 0; }
li { border-top: 1px solid #767676; padding: 1rem 0; }
h2 { font-size: 1.375rem; margin: 0 0 .25rem; }
a { color: #0b57a4; }
a:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: .5rem 0 0; color: #3d3d3d; }
dt { font-weight: 600; }
dd { margin: 0; }
p { margin: .25rem 0; }
`;

/**
 * The page that shares a set of decks: each deck's title (linked, relative, so it works from
 * a folder or a USB stick), meeting, date, description, language and size, sorted by title.
 * A hast tree like the decks themselves, so every title is escaped; no script at all.
 */
export function indexDocument(
  entries: readonly IndexEntry[],
  words: IndexWords = indexWords(indexLanguage(entries)),
): Root {
  const sorted = [...entries].sort(
    (a, b) => a.title.localeCompare(b.title, words.lang, { numeric: true }) || a.fileName.localeCompare(b.fileName),
  );
  const description = words.description(sorted.length);
  const meta = (property: string, content: string) => h('meta', { property, content });
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: words.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: policyHeader, content: contentSecurityPolicy([]) }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', words.title),
          h('meta', { name: 'description', content: description }),
          h('meta', { name: 'generator', content: 'Podium' }),
          meta('og:type', 'website'),
          meta('og:title', words.title),
          meta('og:description', description),
          meta('og:locale', words.lang.replace('-', '_')),
          h('meta', { name: 'twitter:card', content: 'summary' }),
          h('style', style),
        ]),
        h('body', [
          h('main', [
            h('h1', words.title),
            h('p', description),
            sorted.length > 0
              ? h(
                  'ul',
                  sorted.map((entry) => deckItem(entry, words)),
                )
              : h('p', words.none),
          ]),
        ]),
      ]),
    ],
  };
}

function deckItem(entry: IndexEntry, words: IndexWords): Element {
  const other = entry.lang !== words.lang ? entry.lang : undefined;
  const detail = (term: string, value: string | undefined) => (value ? [h('dt', term), h('dd', value)] : []);
  return h('li', [
    h('h2', [h('a', { href: `./${encodeURIComponent(entry.fileName)}`, hrefLang: other, lang: other }, entry.title)]),
    ...(entry.description ? [h('p', { lang: other }, entry.description)] : []),
    h('dl', [
      ...detail(words.meeting, entry.meeting),
      ...detail(words.date, entry.date),
      ...detail(words.language, words.languageName(entry.lang)),
      ...detail(words.size, words.kilobytes(entry.bytes)),
    ]),
  ]);
}

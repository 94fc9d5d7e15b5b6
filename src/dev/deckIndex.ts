import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

export interface DeckEntry {
  name: string;
  file: string;
  title: string;
}

/** The decks in a folder, with the title each one's frontmatter gives (read, not compiled). */
export async function listDecks(decksDir: string): Promise<DeckEntry[]> {
  const names = (await readdir(decksDir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = join(decksDir, name);
      return { name: basename(name, '.mdx'), file, title: await frontmatterTitle(file) };
    }),
  );
}

async function frontmatterTitle(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  try {
    const title = block ? (parse(block) as { title?: unknown } | null)?.title : undefined;
    return title === undefined || title === null ? basename(file) : String(title);
  } catch {
    return `${basename(file)} (frontmatter has an error)`;
  }
}

/** The dev server's home page: every deck, by title, linked to its live page. */
export function deckIndexPage(decks: DeckEntry[], client: Element): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', 'Podium decks'),
          h(
            'style',
            'body{font:20px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem;color:#141414;background:#fafaf7}a{color:#0645ad}code{color:#3f3f3f}',
          ),
        ]),
        h('body', [
          h('main', [
            h('h1', 'Podium decks'),
            decks.length === 0
              ? h('p', ['No decks yet: add a ', h('code', '.mdx'), ' file to ', h('code', 'decks/'), '.'])
              : h(
                  'ul',
                  decks.map((deck) =>
                    h('li', [
                      h('a', { href: `/${encodeURIComponent(deck.name)}.html` }, deck.title),
                      ' ',
                      h('code', `decks/${deck.name}.mdx`),
                    ]),
                  ),
                ),
            h('p', 'Saving a deck, its data, its theme or its images updates the open page.'),
          ]),
          client,
        ]),
      ]),
    ],
  };
}

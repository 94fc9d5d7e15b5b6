import { fileURLToPath } from 'node:url';
import type { Element, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compile/index.ts';
import { deckEn } from '../../src/locale/deck.en.ts';
import { deckEs } from '../../src/locale/deck.es.ts';
import { locales } from '../../src/locale/index.ts';
import { standaloneDocument } from '../../src/render/standaloneDocument.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

const compileFixture = (name: string) =>
  compileDeck({ file: `${fixtures}${name}/deck.mdx`, root, publicDir: `${fixtures}${name}/public` });

/**
 * What a reader meets: text, the names screen readers give (aria-label, alt), and the words a
 * chart's config hands the runtime to draw (legend, axis, point labels), but not its option names.
 */
function readerText(nodes: ElementContent[]): string[] {
  const found: string[] = [];
  const visit = (node: ElementContent) => {
    if (node.type === 'text') found.push(node.value);
    if (node.type !== 'element') return;
    for (const name of ['ariaLabel', 'alt', 'title'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string') found.push(value);
    }
    if (node.tagName === 'script') {
      found.push(...configWords(JSON.parse(textOf(node))));
      return;
    }
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return found;
}

function configWords(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'type' || key === 'indexAxis' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => configWords(item, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([name, inner]) => configWords(inner, name));
  return [];
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** Every word of three letters or more in Podium's English table that its Spanish table does not use too. */
const englishWords = (() => {
  const words = (table: Record<string, string>) =>
    new Set(
      Object.values(table)
        .join(' ')
        .replace(/\{\w+\}/g, ' ')
        .toLowerCase()
        .match(/[a-z]{3,}/g),
    );
  const spanish = words(deckEs);
  return [...words(deckEn)].filter((word) => !spanish.has(word));
})();

describe("Podium's words in a deck", () => {
  it('are all Spanish in a `lang: es` deck that uses every component', async () => {
    const deck = await compileFixture('lang-es-components');
    const text = readerText(deck.slides).join('\n').toLowerCase();
    expect(englishWords.length).toBeGreaterThan(40);
    const english = englishWords.filter((word) => new RegExp(`\\b${word}\\b`).test(text));
    expect(english).toEqual([]);
    for (const phrase of ['Ver datos', 'Fuente: ', 'Notas del orador', 'Recomendado', 'Diapositivas y fuentes en'])
      expect(text).toContain(phrase.toLowerCase());
  });

  it("are Spanish in the page around the slides, and the deck carries the runtime's Spanish words", async () => {
    const deck = await compileFixture('lang-es-components');
    const html = standaloneDocument(deck, { runtimeScript: '', runtimeStyle: '', themeStyle: '' });
    expect(html).toContain('>Leer en una sola página</a>');
    expect(html).not.toContain('Read as one page');
    expect(deck.strings).toEqual(locales.es);
  });

  it('are those the frontmatter gives, over the language table, for the build and the runtime', async () => {
    const deck = await compileFixture('strings-override');
    expect(deck.strings).toEqual({
      ...locales.es,
      showData: 'Mostrar las cifras',
      sourceLine: 'Según {source}',
      ratioRecommendedLabel: 'Lo recomendado',
      hideData: 'Ocultar las cifras',
    });
  });

  it('stay English in an English deck', async () => {
    const deck = await compileFixture('ratio-chart');
    const text = readerText(deck.slides).join('\n');
    expect(text).toContain('Show data');
    expect(text).toContain('Students per staff member');
    expect(deck.strings).toEqual(locales.en);
  });
});

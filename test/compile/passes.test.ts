import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { DeckError } from '../../src/compile/deckError.ts';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createHastJsx } from '../../src/compile/hastJsx.ts';
import { compileDeck } from '../../src/compile/index.ts';
import { remarkSlides } from '../../src/compile/remarkSlides.ts';
import { didYouMean } from '../../src/compile/suggest.ts';

const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] });

describe('remarkSlides', () => {
  it('wraps the stretches between top-level rules in sections, keeping frontmatter and imports at the top', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'yaml', value: 'title: t' },
        { type: 'thematicBreak' },
        { type: 'mdxjsEsm', value: "import a from './a.json'" },
        paragraph('one'),
        { type: 'thematicBreak' },
        { type: 'thematicBreak' },
        paragraph('two'),
        { type: 'thematicBreak' },
      ],
    };
    remarkSlides()(tree, new VFile({ path: '/deck.mdx', value: '' }));
    expect(tree.children.map((node) => node.type)).toEqual([
      'yaml',
      'mdxjsEsm',
      'mdxJsxFlowElement',
      'mdxJsxFlowElement',
    ]);
    const slides = tree.children.slice(2) as MdxJsxFlowElement[];
    expect(slides.map((slide) => slide.name)).toEqual(['section', 'section']);
    expect(slides.map((slide) => slide.children)).toEqual([[paragraph('one')], [paragraph('two')]]);
  });
});

describe('createHastJsx', () => {
  const { jsxDEV, Fragment } = createHastJsx(new VFile({ path: '/deck.mdx' }));

  it('builds hast elements placed in the deck, turning JSX style objects into CSS text and dropping empty children', () => {
    const node = jsxDEV(
      'td',
      { style: { textAlign: 'right' }, className: 'n', children: ['a', null, false, 1] },
      undefined,
      false,
      { lineNumber: 3, columnNumber: 5 },
    );
    expect(node).toEqual({
      type: 'element',
      tagName: 'td',
      properties: { style: 'text-align: right', className: ['n'] },
      children: [
        { type: 'text', value: 'a' },
        { type: 'text', value: '1' },
      ],
      position: { start: { line: 3, column: 5 }, end: { line: 3, column: 5 } },
    });
  });

  it('refuses a data object shaped like an element where content belongs', () => {
    const meta = {
      type: 'element',
      tagName: 'meta',
      properties: { httpEquiv: 'refresh', content: '0;url=http://example.org' },
      children: [],
    };
    expect(() => jsxDEV('p', { children: [meta] }, undefined, false, { lineNumber: 2, columnNumber: 1 })).toThrow(
      /Content here is an object with type, tagName, properties, children, not text/,
    );
    expect(() => jsxDEV(Fragment, { children: meta })).toThrow(DeckError);
  });

  it('flattens fragments and passes components their place in the deck', () => {
    let seen: unknown;
    const component = (_props: Record<string, unknown>, context: unknown) => {
      seen = context;
      return 'x';
    };
    const result = jsxDEV(Fragment, {
      children: [jsxDEV(component, {}, undefined, false, { lineNumber: 4, columnNumber: 2 })],
    });
    expect(result).toEqual([{ type: 'text', value: 'x' }]);
    expect(seen).toEqual({ place: { file: '/deck.mdx', line: 4, column: 2 } });
  });
});

describe('didYouMean', () => {
  it('suggests the close name and nothing for a distant one', () => {
    expect(didYouMean('sorce', ['title', 'source', 'unit'])).toBe('source');
    expect(didYouMean('BARCHART', ['BarChart', 'Notes'])).toBe('BarChart');
    expect(didYouMean('colour', ['title', 'source'])).toBeUndefined();
  });
});

describe('remarkThousandsCommas', () => {
  const deck = (values: string) =>
    compileDeck({
      file: '/decks/deck.mdx',
      root: '/',
      publicDir: '/public',
      source: `---\ntitle: t\n---\n\n# t\n\n<BarChart title="c" labels={["a: 1,200", "b", "c"]} values={${values}} source="s" />\n`,
    });

  it('refuses a thousands comma in a list that spaces its other commas, at the number', async () => {
    await expect(deck('[1,200, 388]')).rejects.toMatchObject({
      ruleId: 'thousands-comma',
      place: { line: 7, column: 62 },
    });
    await expect(deck('[5, 1,250,300]')).rejects.toThrow('1,250,300 is read as 3 numbers in code (1 and 250 and 300)');
  });

  it('leaves tight lists, spaced lists and commas inside quotes alone', async () => {
    await expect(deck('[0,100,250]')).resolves.toMatchObject({ chartCount: 1 });
    await expect(deck('[1, 200, 388]')).resolves.toMatchObject({ chartCount: 1 });
    await expect(deck('[1200, 3.5, 388]')).resolves.toMatchObject({ chartCount: 1 });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { SlideParses, slidePieces } from '../../src/compile/slideParses.ts';

// Parsing slide by slide must give exactly the tree a parse of the whole deck gives, places and
// expressions' estree included: the whole parse is the reference for every deck in the project.
const processor = unified().use(remarkMdx).use(remarkGfm).use(remarkFrontmatter).freeze();
const options: Options = {
  extensions: processor.data('micromarkExtensions') ?? [],
  mdastExtensions: processor.data('fromMarkdownExtensions') ?? [],
};

const root = join(import.meta.dirname, '..', '..');
function mdxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return ['node_modules', '.git', 'dist', 'build', 'peers'].includes(entry.name) ? [] : mdxFiles(path);
    return entry.name.endsWith('.mdx') ? [path] : [];
  });
}

function whole(text: string): unknown {
  try {
    return JSON.parse(JSON.stringify(fromMarkdown(text, options)));
  } catch (error) {
    return { error: String(error) };
  }
}

function inPieces(parses: SlideParses, text: string): unknown {
  try {
    return JSON.parse(JSON.stringify(parses.parse(text, options)));
  } catch (error) {
    return { error: String(error) };
  }
}

const slide = (heading: string, body = 'Text with {figures.total} and <Stat value={3} label="x" />') =>
  `## ${heading}\n\n${body}\n`;

describe('parsing a deck slide by slide', () => {
  const decks = mdxFiles(root);

  it('finds the decks to compare', () => {
    expect(decks.length).toBeGreaterThan(50);
  });

  it('gives the whole parse for every deck in the project: new, kept, and with one slide parsed on its own', () => {
    const parses = new SlideParses();
    for (const file of decks) {
      const text = readFileSync(file, 'utf8');
      const expected = whole(text);
      expect(inPieces(parses, text), relative(root, file)).toEqual(expected);
      expect(inPieces(parses, text), `${relative(root, file)}, again`).toEqual(expected);
      const edited = text.replace(/^## (.*)$/m, '## $1, edited');
      expect(inPieces(parses, edited), `${relative(root, file)}, one heading edited`).toEqual(whole(edited));
    }
  });

  it('places a kept slide where it now is, after an edit above it moved it', () => {
    const parses = new SlideParses();
    const before = `---\ntitle: A\n---\n\n${slide('One')}\n---\n\n${slide('Two')}\n---\n\n${slide('Three', 'A {[1, 2].map((n) => n * 2)} list')}`;
    const after = before.replace('## One', '## One, now longer\n\nWith a new paragraph');
    parses.parse(before, options);
    expect(inPieces(parses, after)).toEqual(whole(after));
    const copied = `${slide('Zero')}\n---\n\n${before}`;
    expect(inPieces(parses, copied)).toEqual(whole(copied));
  });

  const tricky: Record<string, string> = {
    'a --- inside fenced code': `${slide('A')}\n\`\`\`\ncode\n\n---\n\nmore\n\`\`\`\n\n---\n\n${slide('B')}`,
    'a --- inside a component': `${slide('A')}\n<Notes>\n\nSay this.\n\n---\n\nThen this.\n\n</Notes>\n\n---\n\n${slide('B')}`,
    'a --- inside braces': `${slide('A')}\n{\n\n---\n\n}\n\n---\n\n${slide('B')}`,
    'a link definition on another slide': `${slide('A', 'See [the report][r].')}\n---\n\n${slide('B')}\n[r]: https://example.org\n`,
    'a footnote on another slide': `${slide('A', 'A claim.[^1]')}\n---\n\n[^1]: The source.\n`,
    'two breaks in a row': `${slide('A')}\n---\n---\n\n${slide('B')}\n---\n\n---\ntitle: x\n---\n`,
    'a break after frontmatter with a blank line': `---\ntitle: A\n\n---\n\n${slide('A')}\n---\n\n${slide('B')}`,
    'Windows line endings': `---\r\ntitle: A\r\n---\r\n\r\n${slide('A')}\r\n---\r\n\r\n${slide('B')}`.replace(
      /\n/g,
      '\r\n',
    ),
    'an ordered list starting at 3': `${slide('A', '3. three\n4. four')}\n---\n\n${slide('B', '7. seven')}`,
    'a list before a break': `${slide('A', '- one\n- two')}\n---\n\n${slide('B')}`,
    'a quote before a break': `${slide('A', '> quoted\n> more')}\n---\n\n${slide('B')}`,
    'indented code after a break': `${slide('A')}\n---\n\n    indented code\n\n---\n\n${slide('B')}`,
    'an unclosed component': `${slide('A', '<Notes>\n\nOpen')}\n---\n\n${slide('B')}`,
    'a broken expression on a later slide': `${slide('A')}\n---\n\n${slide('B', 'Bad {1 +}')}`,
    'a break as the last line': `${slide('A')}\n---\n`,
    'comments in braces': `${slide('A', '{/* a comment */}\n\nText {/* inline */} here')}\n---\n\n${slide('B', '{figures.total /* why */}')}`,
    'a byte-order mark further on': `${slide('A')}\n---\n\n\uFEFF${slide('B')}`,
    'lone carriage returns': `${slide('A')}\r\r---\r\r${slide('B')}\n\n---\n\n${slide('C')}`,
  };
  for (const [name, text] of Object.entries(tricky)) {
    it(`gives the whole parse for ${name}: new, kept, and with one slide parsed on its own`, () => {
      const parses = new SlideParses();
      expect(inPieces(parses, text)).toEqual(whole(text));
      expect(inPieces(parses, text)).toEqual(whole(text));
      const alone = new SlideParses();
      inPieces(alone, `## Another first slide\n\n${text}`);
      expect(inPieces(alone, text)).toEqual(whole(text));
    });
  }

  it('never takes a slide from a cut that a block crosses, parsed whole or on its own', () => {
    const fenced = `${slide('A')}\n\`\`\`\ncode\n\n---\n\nmore\n\`\`\`\n\n---\n\n${slide('B')}\n---\n\n${slide('C')}`;
    const parses = new SlideParses();
    parses.parse(fenced, options);
    // The fence's end, cut from the deck above, is a piece of its own text in this deck.
    const reused = `${slide('X')}\n---\n${fenced.slice(fenced.indexOf('\nmore'))}`;
    expect(inPieces(parses, reused)).toEqual(whole(reused));
    const clean = `${slide('A')}\n---\n\n${slide('B')}\n---\n\n${slide('C')}`;
    parses.parse(clean, options);
    const crossed = `${slide('A')}\n---\n\n\`\`\`\ncode\n\n---\n\nmore\n\`\`\`\n\n---\n\n${slide('C')}`;
    expect(inPieces(parses, crossed)).toEqual(whole(crossed));
  });

  it('keeps no slide of a deck with definitions, whose references would not resolve elsewhere', () => {
    const parses = new SlideParses();
    const defined = `${slide('A', 'See [the report][r].')}\n---\n\n${slide('B')}\n---\n\n${slide('C')}\n[r]: https://example.org\n`;
    parses.parse(defined, options);
    const undefinedHere = `${slide('A', 'See [the report][r].')}\n---\n\n${slide('B')}\n---\n\n${slide('D')}`;
    expect(inPieces(parses, undefinedHere)).toEqual(whole(undefinedHere));
  });

  it('cuts the school deck at its slide breaks, not at its frontmatter', () => {
    const text = readFileSync(join(root, 'decks', 'school-support-staff.mdx'), 'utf8');
    const pieces = slidePieces(text);
    expect(pieces.length).toBe(text.match(/\n\n---\n/g)!.length + 1);
    expect(pieces[0].text.startsWith('---\ntitle:')).toBe(true);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });

  it('keeps at most its capacity of slides, dropping the least recently used', () => {
    const parses = new SlideParses(2);
    const deck = (a: string, b: string) => `${slide(a)}\n---\n\n${slide(b)}`;
    const first = parses.parse(deck('One', 'Two'), options);
    const again = parses.parse(deck('One', 'Two'), options);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    parses.parse(deck('Three', 'Four'), options);
    expect(inPieces(parses, deck('One', 'Two'))).toEqual(whole(deck('One', 'Two')));
  });
});

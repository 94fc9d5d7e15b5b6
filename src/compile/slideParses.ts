import type { Root, RootContent } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
// remark-parse's types declare the processor data the Markdown extensions are kept in.
import type {} from 'remark-parse';
import type { Processor } from 'unified';
import type { Point, Position } from 'unist';

/** A stretch of the deck's text that parses on its own: whole lines, from a slide break to the next. */
interface Piece {
  text: string;
  /** Lines and characters before it in the deck, to place its nodes in the deck. */
  lines: number;
  offset: number;
}

/** Nodes that are only right when the deck is parsed whole: definitions reach across slides, frontmatter opens the deck. */
const wholeDeckOnly = new Set(['definition', 'footnoteDefinition', 'yaml']);

/**
 * The deck's Markdown parsed slide by slide, each slide's syntax tree kept by its text. A save in
 * `podium dev` parses again only the slides it changed, and decks made from one template share the
 * parses of the slides they have in common. Parsing was half of building a deck.
 *
 * The text is cut after a line that is only `---` with a blank line above it: there the parse of
 * the whole deck has closed every block, so the rest parses as a new document would. Each piece
 * is checked to end in that slide break, and a deck with definitions (which reach across slides)
 * is parsed whole, so the tree is the one a whole parse gives. A piece that fails to parse sends
 * the deck to a whole parse too, which reports the problem where it is.
 */
export class SlideParses {
  readonly #trees = new Map<string, Root>();
  readonly #capacity: number;

  /** `capacity`: how many slides' trees to keep; the least recently used go first. */
  constructor(capacity = 512) {
    this.#capacity = capacity;
  }

  /** The deck's text as mdast, as `fromMarkdown(text, options)` gives it; `options` must be the same for every call. */
  parse(text: string, options: Options): Root {
    const pieces = slidePieces(text);
    if (pieces.length < 2) return fromMarkdown(text, options);
    const children: RootContent[] = [];
    let end: Point | undefined;
    for (const [index, piece] of pieces.entries()) {
      const tree = this.#pieceTree(piece.text, options);
      if (!tree) return fromMarkdown(text, options);
      const last = index === pieces.length - 1;
      if (!last && !endsInSlideBreak(tree, piece.text)) return fromMarkdown(text, options);
      const placed = placedCopy(tree, piece, index === 0);
      if (!placed) return fromMarkdown(text, options);
      children.push(...placed.children);
      end = placed.position?.end;
    }
    return {
      type: 'root',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: end ?? { line: 1, column: 1, offset: 0 } },
    };
  }

  /** One piece's tree, placed at the deck's start; undefined when it does not parse on its own. */
  #pieceTree(text: string, options: Options): Root | undefined {
    const kept = this.#trees.get(text);
    if (kept) {
      this.#trees.delete(text);
      this.#trees.set(text, kept);
      return kept;
    }
    let tree: Root;
    try {
      tree = fromMarkdown(text, options);
    } catch {
      return undefined;
    }
    this.#trees.set(text, tree);
    if (this.#trees.size > this.#capacity) this.#trees.delete(this.#trees.keys().next().value!);
    return tree;
  }
}

/** The deck cut after each `---` line that follows a blank line; the frontmatter's own fences never qualify. */
export function slidePieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  // A byte-order mark is dropped only at the start of a document; one further on keeps the deck whole.
  if (text.indexOf('\uFEFF', 1) !== -1) return [{ text, lines: 0, offset: 0 }];
  let start = 0;
  let lines = 0;
  let line = 0;
  let previousBlank = false;
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const next = newline === -1 ? text.length : newline + 1;
    const content = text.slice(at, newline === -1 ? text.length : newline).replace(/\r$/, '');
    line += 1;
    if (previousBlank && /^-{3,}[ \t]*$/.test(content) && next < text.length) {
      pieces.push({ text: text.slice(start, next), lines, offset: start });
      start = next;
      lines = line;
    }
    previousBlank = /^[ \t]*$/.test(content);
    at = next;
  }
  pieces.push({ text: text.slice(start), lines, offset: start });
  return pieces;
}

/** Whether the piece's last block is its final line's `---`, at the top: then every block before it is closed. */
function endsInSlideBreak(tree: Root, text: string): boolean {
  const last = tree.children.at(-1);
  const finalLine = text.replace(/\r?\n$/, '').split('\n').length;
  return last?.type === 'thematicBreak' && last.position?.start.line === finalLine;
}

/**
 * A copy of a piece's tree with its places moved to where the piece is in the deck: unist
 * positions, and the offsets and locations of the expressions' estree. Undefined when the
 * piece holds a node that is only right in a whole parse.
 */
function placedCopy(tree: Root, piece: Piece, first: boolean): Root | undefined {
  let refused = false;
  const point = (given: Point & { offset?: number }): Point => {
    const moved: Point = { ...given, line: given.line + piece.lines };
    if (given.offset !== undefined) moved.offset = given.offset + piece.offset;
    return moved;
  };
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || value instanceof RegExp) return value;
    if (Array.isArray(value)) return value.map(copy);
    const node = value as Record<string, unknown>;
    if (typeof node.type === 'string' && wholeDeckOnly.has(node.type) && !(first && node.type === 'yaml'))
      refused = true;
    // estree nodes carry their place as offsets, a range and a location; mdast nodes as a position.
    const estree = 'range' in node || 'loc' in node;
    const copied: Record<string, unknown> = {};
    for (const key in node) {
      const item = node[key];
      if ((key === 'position' || key === 'loc') && item) {
        const { start, end, ...rest } = item as Position;
        copied[key] = { ...rest, start: point(start), end: point(end) };
      } else if (estree && (key === 'start' || key === 'end') && typeof item === 'number')
        copied[key] = item + piece.offset;
      else if (estree && key === 'range' && Array.isArray(item)) copied[key] = item.map((at) => at + piece.offset);
      else copied[key] = copy(item);
    }
    return copied;
  };
  const placed = copy(tree) as Root;
  return refused ? undefined : placed;
}

/** remark-parse, slide by slide through `parses` (see SlideParses), with the extensions the other plugins add. */
export function remarkParseSlides(this: Processor, { parses }: { parses: SlideParses }) {
  this.parser = (document) =>
    parses.parse(document, {
      extensions: this.data('micromarkExtensions') ?? [],
      mdastExtensions: this.data('fromMarkdownExtensions') ?? [],
    });
}

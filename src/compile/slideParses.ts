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
  /** Its last line, counted in the piece: the slide break it ends with, unless it is the deck's last. */
  lastLine: number;
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
    const kept = pieces.map((piece) => this.#kept(piece.text));
    // A deck mostly new to this cache is parsed whole, and its slides kept from that parse: parsed
    // one by one, each slide would cost the parser's set-up again.
    if (kept.filter((tree) => !tree).length * 2 > pieces.length) return this.#parsedWhole(text, pieces, kept, options);
    const children: RootContent[] = [];
    for (const [index, piece] of pieces.entries()) {
      const tree = kept[index] ?? this.#parsedAlone(piece.text, options);
      if (!tree) return fromMarkdown(text, options);
      if (index < pieces.length - 1 && !endsInSlideBreak(tree.children, piece.lastLine))
        return fromMarkdown(text, options);
      const placed = placedCopy(tree.children, piece, index === 0);
      if (!placed) return fromMarkdown(text, options);
      children.push(...placed);
    }
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) } };
  }

  /** A piece's tree from an earlier parse, now the most recently used. */
  #kept(text: string): Root | undefined {
    const tree = this.#trees.get(text);
    if (tree) {
      this.#trees.delete(text);
      this.#trees.set(text, tree);
    }
    return tree;
  }

  #keep(text: string, tree: Root): void {
    this.#trees.set(text, tree);
    if (this.#trees.size > this.#capacity) this.#trees.delete(this.#trees.keys().next().value!);
  }

  /** A piece parsed on its own, and kept; undefined when it does not parse on its own. */
  #parsedAlone(text: string, options: Options): Root | undefined {
    let tree: Root;
    try {
      tree = fromMarkdown(text, options);
    } catch {
      return undefined;
    }
    this.#keep(text, tree);
    return tree;
  }

  /** The whole deck parsed, each new piece's part of it kept as the piece's own parse would give it. */
  #parsedWhole(text: string, pieces: Piece[], kept: (Root | undefined)[], options: Options): Root {
    const tree = fromMarkdown(text, options);
    const parts = piecesOf(tree.children, pieces);
    if (!parts) return tree;
    const trees = new Map<string, Root>();
    for (const [index, piece] of pieces.entries()) {
      if (kept[index]) continue;
      const atStart = { ...piece, lines: -piece.lines, offset: -piece.offset };
      const children = placedCopy(parts[index]!, atStart, index === 0);
      // Definitions reach across slides: such a deck keeps none of its pieces.
      if (!children) return tree;
      const position = { start: { line: 1, column: 1, offset: 0 }, end: endOf(piece.text) };
      trees.set(piece.text, { type: 'root', children, position });
    }
    for (const [pieceText, pieceTree] of trees) this.#keep(pieceText, pieceTree);
    return tree;
  }
}

/**
 * A whole parse's top-level nodes, piece by piece; undefined unless every piece but the last ends
 * in its own slide break, which closes every block before it.
 */
function piecesOf(children: RootContent[], pieces: Piece[]): RootContent[][] | undefined {
  const parts: RootContent[][] = pieces.map(() => []);
  let index = 0;
  for (const child of children) {
    const line = child.position?.start.line;
    if (line === undefined) return undefined;
    while (index < pieces.length - 1 && line > pieces[index + 1]!.lines) index += 1;
    parts[index]!.push(child);
  }
  for (const [at, part] of parts.entries())
    if (at < pieces.length - 1 && !endsInSlideBreak(part, pieces[at]!.lastLine + pieces[at]!.lines)) return undefined;
  return parts;
}

/** The point just past the text, where a parse of it ends. */
function endOf(text: string): Point {
  const lineEnding = /\r\n|\r|\n/g;
  let line = 1;
  let lineStart = 0;
  while (lineEnding.exec(text)) {
    line += 1;
    lineStart = lineEnding.lastIndex;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

/** The deck cut after each `---` line that follows a blank line; the frontmatter's own fences never qualify. */
export function slidePieces(text: string): Piece[] {
  const whole = [{ text, lines: 0, offset: 0, lastLine: 0 }];
  // A byte-order mark is dropped only at the start of a document, and a lone \r ends a line there
  // too: either further on keeps the deck whole.
  if (text.indexOf('\uFEFF', 1) !== -1 || /\r(?!\n)/.test(text)) return whole;
  const pieces: Piece[] = [];
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
      pieces.push({ text: text.slice(start, next), lines, offset: start, lastLine: line - lines });
      start = next;
      lines = line;
    }
    previousBlank = /^[ \t]*$/.test(content);
    at = next;
  }
  pieces.push({ text: text.slice(start), lines, offset: start, lastLine: line - lines });
  return pieces;
}

/** Whether the last of these top-level nodes is a slide break on this line: then every block before it is closed. */
function endsInSlideBreak(children: RootContent[], line: number): boolean {
  const last = children.at(-1);
  return last?.type === 'thematicBreak' && last.position?.start.line === line;
}

/**
 * A copy of a piece's top-level nodes with their places moved by the piece's lines and offset:
 * unist positions, and the offsets and locations of the expressions' estree. Undefined when the
 * piece holds a node that is only right in a whole parse.
 */
function placedCopy(children: RootContent[], piece: Piece, first: boolean): RootContent[] | undefined {
  let refused = false;
  // Points hold a line, a column and (but for a few of estree's) an offset: made whole, not
  // spread from the kept one, which took as long as the rest of the copy.
  const point = (given: Point): Point =>
    given.offset === undefined
      ? { line: given.line + piece.lines, column: given.column }
      : { line: given.line + piece.lines, column: given.column, offset: given.offset + piece.offset };
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
        const { start, end } = item as Position;
        copied[key] = { ...(item as Position), start: point(start), end: point(end) };
      } else if (estree && (key === 'start' || key === 'end') && typeof item === 'number')
        copied[key] = item + piece.offset;
      else if (estree && key === 'range' && Array.isArray(item)) copied[key] = item.map((at) => at + piece.offset);
      else copied[key] = copy(item);
    }
    return copied;
  };
  const placed = children.map(copy) as RootContent[];
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

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

/**
 * A tagged PDF's structure tree, as a screen reader walks it: each element's type (H1, Figure,
 * Table, Link, P…), its /Alt, the pages its content is on and the text it holds.
 *
 * Types and text come from poppler (`pdfinfo -struct-text`); /Alt and pages, which pdfinfo does not
 * print, from the PDF's own objects: Chromium (Skia) writes them as plain text, without object
 * streams. The two readings are walked side by side and must agree on every element's type.
 */
export interface StructElement {
  type: string;
  alt?: string;
  /** 1-based numbers of the pages this element's content (its own or its descendants') is on. */
  pages: number[];
  /** Its text and its descendants', in order; unreadText where poppler read none. */
  text: string;
  children: StructElement[];
}

const exec = promisify(execFile);

/** The root element (Document) of a tagged PDF's structure tree. */
export async function pdfStructure(file: string): Promise<StructElement> {
  // poppler does not know PDF 2.0's types (Strong) and says so on stderr; the tree is complete.
  const { stdout } = await exec('pdfinfo', ['-struct-text', file], { timeout: 60_000, maxBuffer: 20_000_000 });
  const read = readPoppler(stdout);
  const objects = readObjects(readFileSync(file).toString('latin1'));
  const pageNumbers = pageOrder(objects);
  const root = objects.get(refOf(objects.get(catalogOf(objects))?.StructTreeRoot) ?? -1);
  const top = kidRefs(root?.K).map((ref) => objects.get(ref));
  if (top.length !== 1 || read.length !== 1) throw new Error('Expected one root structure element');
  return joined(read[0], top[0], objects, pageNumbers);
}

/** Every element in reading order, the root first. */
export function allElements(root: StructElement): StructElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

// --- pdfinfo -struct-text: an indented outline of types, with quoted text and attribute lines.

interface ReadElement {
  type: string;
  /** Its text runs (one a marked-content sequence) and child elements, in order. */
  parts: (string | ReadElement)[];
}

function readPoppler(output: string): ReadElement[] {
  const top: ReadElement[] = [];
  const open: { depth: number; element: ReadElement }[] = [];
  const lines = output.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    const content = line.trimStart();
    // Attribute lines (/Scope, /Headers…) and link annotations (Object n 0) are not elements.
    if (content === '' || content.startsWith('/') || content.startsWith('Object ')) continue;
    const depth = line.length - content.length;
    while (open.length > 0 && open[open.length - 1].depth >= depth) open.pop();
    const parent = open[open.length - 1]?.element;
    if (content.startsWith('"')) {
      // A run's text may hold line breaks: it ends at a line that ends with the closing quote.
      let text = content;
      while ((text.length < 2 || !text.endsWith('"')) && index + 1 < lines.length) text += `\n${lines[++index]}`;
      parent?.parts.push(text.slice(1, -1));
      continue;
    }
    const element: ReadElement = { type: content.split(/[\s:]/)[0], parts: [] };
    (parent ? parent.parts : top).push(element);
    open.push({ depth, element });
  }
  return top;
}

// --- The PDF's objects: only the dictionaries of the structure tree, the page tree and the catalog.

type PdfValue = number | string | boolean | null | PdfName | PdfRef | PdfValue[] | PdfDict;
class PdfName {
  constructor(readonly name: string) {}
}
class PdfRef {
  constructor(readonly ref: number) {}
}
type PdfDict = { [key: string]: PdfValue };

function readObjects(bytes: string): Map<number, PdfDict> {
  const objects = new Map<number, PdfDict>();
  const start = /(\d+) 0 obj\s*<<\s*\/Type\s*\/(?:StructElem|StructTreeRoot|Pages|Catalog)\b/g;
  for (const match of bytes.matchAll(start)) {
    const parser = new Parser(bytes, match.index + match[0].indexOf('<<'));
    const value = parser.value();
    if (isDict(value)) objects.set(Number(match[1]), value);
  }
  return objects;
}

function catalogOf(objects: Map<number, PdfDict>): number {
  for (const [number, dict] of objects) if (nameOf(dict.Type) === 'Catalog') return number;
  throw new Error('The PDF has no catalog');
}

/** Page object number → page number, walking the page tree from the catalog. */
function pageOrder(objects: Map<number, PdfDict>): Map<number, number> {
  const order = new Map<number, number>();
  const walk = (ref: number) => {
    const node = objects.get(ref);
    // A page's own dictionary is not read: only /Pages nodes are.
    if (!node) order.set(ref, order.size + 1);
    else for (const kid of asArray(node.Kids)) walk(refOf(kid) ?? -1);
  };
  walk(refOf(objects.get(catalogOf(objects))?.Pages) ?? -1);
  return order;
}

/** A gap in an element's text: what poppler could not read. */
export const unreadText = '\u{fffd}';

function joined(
  read: ReadElement | undefined,
  dict: PdfDict | undefined,
  objects: Map<number, PdfDict>,
  pageNumbers: Map<number, number>,
): StructElement {
  const type = nameOf(dict?.S) ?? '';
  if (read && read.type !== type) throw new Error(`pdfinfo reads ${read.type} where the PDF has ${type}`);
  const children: StructElement[] = [];
  let text = '';
  const parts = [...(read?.parts ?? [])];
  // pdfinfo prints each kid in /K order: a marked-content id as its text, an element as itself.
  for (const kid of asArray(dict?.K)) {
    const ref = refOf(kid);
    if (ref === undefined) {
      if (isDict(kid) && nameOf(kid.Type) === 'OBJR') continue;
      const run = read ? parts.shift() : unreadText;
      if (typeof run !== 'string') throw new Error(`${type}: pdfinfo gives no text where the PDF has some`);
      // poppler 22 also loses the rest of a run after a ligature (ﬀ, ﬁ, ﬃ…).
      text += run.replace(/[\u{fb00}-\u{fb06}]/gu, `$&${unreadText}`);
      continue;
    }
    const kidDict = objects.get(ref);
    // poppler 22 skips the types PDF 2.0 added (Strong, Em), and their text with them.
    const next = parts[0];
    const readKid = typeof next === 'object' && next.type === nameOf(kidDict?.S) ? next : undefined;
    if (readKid) parts.shift();
    const child = joined(readKid, kidDict, objects, pageNumbers);
    children.push(child);
    text += child.text;
  }
  if (parts.length > 0) throw new Error(`${type}: pdfinfo reads more than the PDF holds`);
  const own = refOf(dict?.Pg);
  const pages = new Set([
    ...(own === undefined ? [] : [pageNumbers.get(own) ?? 0]),
    ...children.flatMap((c) => c.pages),
  ]);
  const alt = typeof dict?.Alt === 'string' ? dict.Alt : undefined;
  return { type, alt, pages: [...pages].sort((a, b) => a - b), text, children };
}

/** A /K entry's structure elements: references among marked-content ids and annotation dictionaries. */
function kidRefs(k: PdfValue | undefined): number[] {
  return asArray(k).flatMap((kid) => {
    const ref = refOf(kid);
    return ref === undefined ? [] : [ref];
  });
}

function asArray(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function refOf(value: PdfValue | undefined): number | undefined {
  return value instanceof PdfRef ? value.ref : undefined;
}

function nameOf(value: PdfValue | undefined): string | undefined {
  return value instanceof PdfName ? value.name : undefined;
}

function isDict(value: PdfValue): value is PdfDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof PdfName || value instanceof PdfRef)
  );
}

/** Reads one PDF value (ISO 32000-1 §7.3): enough for the dictionaries Chromium writes. */
class Parser {
  #text: string;
  #at: number;

  constructor(text: string, at: number) {
    this.#text = text;
    this.#at = at;
  }

  value(): PdfValue {
    this.#skipSpace();
    const text = this.#text;
    if (text.startsWith('<<', this.#at)) return this.#dict();
    if (text[this.#at] === '<') return this.#hexString();
    if (text[this.#at] === '(') return this.#literalString();
    if (text[this.#at] === '[') {
      this.#at += 1;
      const items: PdfValue[] = [];
      while (this.#skipSpace() !== ']') items.push(this.value());
      this.#at += 1;
      return items;
    }
    if (text[this.#at] === '/') return new PdfName(this.#token().slice(1));
    const token = this.#token();
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    // "12 0 R" is a reference; a number alone is a number.
    const ref = /^\s*(\d+)\s+R\b/.exec(text.slice(this.#at, this.#at + 24));
    if (ref && /^\d+$/.test(token)) {
      this.#at += ref[0].length;
      return new PdfRef(Number(token));
    }
    const number = Number(token);
    if (Number.isNaN(number) || token === '') throw new Error(`Unexpected "${token}" at ${this.#at}`);
    return number;
  }

  #dict(): PdfDict {
    this.#at += 2;
    const dict: PdfDict = {};
    while (this.#skipSpace() !== '>') {
      const key = nameOf(this.value());
      if (key === undefined) throw new Error(`Expected a key at ${this.#at}`);
      dict[key] = this.value();
    }
    this.#at += 2;
    return dict;
  }

  /** A text string: UTF-16BE after a byte order mark, otherwise one byte a character. */
  #decoded(bytes: number[]): string {
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
    return String.fromCharCode(...bytes);
  }

  #hexString(): string {
    const end = this.#text.indexOf('>', this.#at);
    const hex = this.#text.slice(this.#at + 1, end).replace(/\s/g, '');
    this.#at = end + 1;
    return this.#decoded((hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));
  }

  #literalString(): string {
    const bytes: number[] = [];
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    let depth = 0;
    for (this.#at += 1; ; this.#at += 1) {
      const char = this.#text[this.#at];
      if (char === undefined) throw new Error('Unterminated string');
      if (char === ')' && depth === 0) break;
      if (char === '(') depth += 1;
      if (char === ')') depth -= 1;
      if (char !== '\\') {
        bytes.push(char.charCodeAt(0));
        continue;
      }
      this.#at += 1;
      const next = this.#text[this.#at];
      const octal = /^[0-7]{1,3}/.exec(this.#text.slice(this.#at, this.#at + 3));
      if (octal) {
        bytes.push(Number.parseInt(octal[0], 8));
        this.#at += octal[0].length - 1;
      } else if (next === '\n' || next === '\r') {
        // A backslash at a line's end continues the string on the next line.
      } else bytes.push(escapes[next] ?? next.charCodeAt(0));
    }
    this.#at += 1;
    return this.#decoded(bytes);
  }

  #token(): string {
    const token = /^[^\s/<>[\]()]+|^\/[^\s/<>[\]()]*/.exec(this.#text.slice(this.#at, this.#at + 256))?.[0] ?? '';
    this.#at += token.length;
    return token;
  }

  /** Skips white space and comments; gives the character it stopped at. */
  #skipSpace(): string {
    const text = this.#text;
    while (this.#at < text.length) {
      if (/\s/.test(text[this.#at])) this.#at += 1;
      else if (text[this.#at] === '%') while (this.#at < text.length && text[this.#at] !== '\n') this.#at += 1;
      else break;
    }
    return text[this.#at];
  }
}

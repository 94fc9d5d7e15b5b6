import type { Expression, Node } from 'estree';
import { walk } from 'estree-walker';
import type { Root } from 'hast';
import { relative } from 'node:path';
import { analyze, type Scope } from 'periscopic';
import { VFile } from 'vfile';
import { parseCsv, rowOffset } from './csvData.ts';
import { DeckError, placeOfOffset, type Place, type ReportOptions } from './deckError.ts';
import { eachNode } from './eachNode.ts';
import { expressionsIn } from './expressions/deckExpressions.ts';
import { failOn } from './deckMessages.ts';
import type { DeckMeta } from './deckMeta.ts';
import { memberName } from './expressions/checkExpression.ts';
import { jsonPlaces, parseJson } from './jsonData.ts';

/**
 * One deck per row of a spreadsheet: the rows of a CSV file or a JSON list, each with its line,
 * the columns a deck uses, and the checks a row must pass before its deck is rendered.
 */

/** The name a row goes by in the deck's expressions and frontmatter: `{row.district}`. */
export const rowName = 'row';

export interface DataRow {
  values: Record<string, unknown>;
  /** Where the row is written in its data file. */
  place: Place;
}

/** The rows of a `.csv` file, or of a `.json` file holding a list of objects. */
export function readRows(path: string, text: string): DataRow[] {
  const at = (offset: number): Place => ({ file: path, line: placeOfOffset(text, offset).line, column: 1 });
  if (path.toLowerCase().endsWith('.json')) {
    const value = parseJson(path, text);
    const items = jsonPlaces().parseTree(text.replace(/^\uFEFF/, ''))?.children ?? [];
    const fail = failOn(new VFile({ path, value: text }));
    if (!Array.isArray(value))
      fail('The data for one deck per row must be a list of rows', {
        place: { line: 1, column: 1 },
        hint: 'Write a JSON list of objects, one per deck: [{"district": "North", "counselorRatio": 410}, …].',
        ruleId: 'rows-not-list',
      });
    return (value as unknown[]).map((item, index) => {
      const place = at(items[index]?.offset ?? 0);
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        fail('Each row must be an object of named values', {
          place,
          hint: 'Write each row as {"district": "North", "counselorRatio": 410}.',
          ruleId: 'rows-not-object',
        });
      return { values: item as Record<string, unknown>, place };
    });
  }
  if (path.toLowerCase().endsWith('.csv'))
    return parseCsv(path, text).map((values, index) => ({ values, place: at(rowOffset(text, index)) }));
  throw new DeckError('The data for one deck per row must be a .csv or .json file', {
    place: { file: path, line: 1, column: 1 },
    hint: 'Export the spreadsheet as CSV (a header line naming the columns, then one line per deck).',
    ruleId: 'rows-file-type',
  });
}

/**
 * The columns a deck uses (`row.district` in its expressions) and where each is first used.
 * A `row` the expression binds itself (`list.map((row) => row.count)`) is not the spreadsheet's.
 */
export function rowColumns(tree: Root, file: string): Map<string, Place> {
  const used = new Map<string, Place>();
  eachNode(tree, (node) => {
    for (const { program } of expressionsIn(node)) {
      const statement = program?.body[0];
      if (statement?.type !== 'ExpressionStatement') continue;
      for (const [column, at] of columnsIn(statement.expression))
        if (!used.has(column)) used.set(column, { file, ...at });
    }
  });
  return used;
}

function columnsIn(expression: Expression): Array<[string, { line: number; column: number }]> {
  const { map, scope: top } = analyze(expression);
  const found: Array<[string, { line: number; column: number }]> = [];
  let scope: Scope = top;
  walk(expression, {
    enter(node: Node) {
      if (map.has(node)) scope = map.get(node)!;
      if (node.type !== 'MemberExpression' || node.object.type !== 'Identifier' || node.object.name !== rowName) return;
      if (scope.find_owner(rowName)) return;
      const key = memberName(node);
      const start = node.property.loc?.start;
      if (key !== undefined) found.push([key, { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 }]);
    },
    leave(node: Node) {
      if (map.has(node)) scope = map.get(node)!.parent ?? top;
    },
  });
  return found;
}

/** `{row.district}` in a frontmatter value. */
const metaTemplate = /\{\s*row\.([^\s{}]+)\s*\}/g;

/** The columns the frontmatter's values name, by key. */
export function metaColumns(meta: DeckMeta): Array<{ key: string; column: string }> {
  return Object.entries(meta).flatMap(([key, value]) =>
    typeof value === 'string' ? [...value.matchAll(metaTemplate)].map((match) => ({ key, column: match[1]! })) : [],
  );
}

/** The frontmatter for one row: each `{row.x}` replaced by the row's value. */
export function rowMeta(meta: DeckMeta, row: Record<string, unknown>): DeckMeta {
  const filled = Object.entries(meta).map(([key, value]) => [
    key,
    typeof value === 'string' ? value.replace(metaTemplate, (_, column: string) => String(row[column] ?? '')) : value,
  ]);
  return Object.fromEntries(filled) as DeckMeta;
}

/** Every deck of a batch needs a title of its own: one that names a column. */
export function refuseSameTitle(meta: DeckMeta, placeOf: (key: string) => Place, source: string): void {
  if (metaColumns(meta).some(({ key }) => key === 'title')) return;
  throw new DeckError('The title is the same for every row, so every deck built from the data would share it', {
    place: placeOf('title'),
    hint: `Name a column in it, in quotes: title: "Public comment: {row.district}".`,
    text: source,
    ruleId: 'rows-same-title',
  });
}

/** A row that cannot make a deck: reported at its line in the data file, with where the deck uses the column. */
export class RowError extends DeckError {
  constructor(
    reason: string,
    options: ReportOptions,
    /** Where the deck uses what the row lacks, with the deck's text for its code frame. */
    readonly usedAt: { place: Place; text: string },
  ) {
    super(reason, options);
  }

  override format(cwd: string = process.cwd()): string {
    const { place, text } = this.usedAt;
    const frame = new DeckError('', { place, text, ruleId: this.ruleId }).frame() ?? '';
    const shown = `${relative(cwd, place.file) || place.file}:${place.line}:${place.column}`;
    return `${super.format(cwd)}\n  The deck uses it at ${shown}:\n\n${frame}`;
  }
}

/**
 * The checks a row passes before its deck is rendered: every column the deck uses has a value,
 * and a column of numbers (most rows hold a number there) holds a number in this row too.
 */
export function checkRow(
  row: DataRow,
  rows: readonly DataRow[],
  used: ReadonlyMap<string, Place>,
  deck: { text: string; dataText: string },
): void {
  for (const [column, usedAt] of used) {
    const value = row.values[column];
    const options = { place: row.place, text: deck.dataText, ruleId: 'rows-bad-value' };
    const where = { place: usedAt, text: deck.text };
    if (!(column in row.values))
      throw new RowError(
        `This row has no column "${column}"`,
        {
          ...options,
          ruleId: 'rows-missing-column',
          hint: `The deck uses row.${column}: add the column to the data, or check its spelling (columns: ${Object.keys(row.values).join(', ')}).`,
        },
        where,
      );
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
      throw new RowError(
        `Column "${column}" is empty in this row`,
        { ...options, hint: `The deck uses row.${column}: fill it in, or take this row out of the data.` },
        where,
      );
    if (typeof value === 'string' && isNumberColumn(rows, column))
      throw new RowError(
        `Column "${column}" is "${value}" in this row, not a number`,
        {
          ...options,
          hint: 'The other rows hold numbers here: write a number such as 410 (commas and $ are fine).',
        },
        where,
      );
  }
}

function isNumberColumn(rows: readonly DataRow[], column: string): boolean {
  const filled = rows.map((row) => row.values[column]).filter((value) => value !== null && value !== '');
  return filled.filter((value) => typeof value === 'number').length * 2 > filled.length;
}

/** "Eastside Élémentaire #2" → "eastside-elementaire-2": a name that works on every disk and in a link. */
export function fileSafeName(value: unknown): string {
  return String(value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * Each row's output name, from its `slug` column, else its first column. Two rows with the
 * same name, or a row with none, are refused before anything is built, naming the rows.
 */
export function rowNames(rows: readonly DataRow[], cwd: string): string[] {
  const seen = new Map<string, DataRow>();
  const shown = (row: DataRow) => `${relative(cwd, row.place.file) || row.place.file}:${row.place.line}`;
  return rows.map((row) => {
    const column = 'slug' in row.values ? 'slug' : Object.keys(row.values)[0];
    const name = fileSafeName(column === undefined ? '' : row.values[column]);
    if (name === '')
      throw new DeckError(`This row gives no file name: its "${column ?? 'slug'}" is empty`, {
        place: row.place,
        hint: 'Each deck is named after its row: fill in a slug column (letters, digits, hyphens), or the first column.',
        ruleId: 'rows-no-name',
      });
    const other = seen.get(name);
    if (other)
      throw new DeckError(`Rows ${shown(other)} and ${shown(row)} would both be written to ${name}.html`, {
        place: row.place,
        hint: 'Give each row a name of its own: add a slug column with a different value on each row.',
        ruleId: 'rows-same-name',
      });
    seen.set(name, row);
    return name;
  });
}

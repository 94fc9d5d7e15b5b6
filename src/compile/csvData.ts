import Papa from 'papaparse';
import { VFile } from 'vfile';
import { placeOfOffset } from './deckError.ts';
import { failOn } from './deckMessages.ts';

/** "1,200", "$3,400.50" and "-7" as spreadsheets export them: numbers, not text. */
const spreadsheetNumber = /^\s*-?[$€£]?\s*\d{1,3}(,\d{3})+(\.\d+)?\s*$|^\s*-?[$€£]\s*\d+(\.\d+)?\s*$/;

/**
 * A CSV file as a list of rows keyed by the header line, numbers parsed, so an organizer can
 * edit a spreadsheet, export CSV and rebuild. A malformed row is reported at its line.
 */
export function parseCsv(path: string, text: string): Array<Record<string, unknown>> {
  const codeColumns = new Set<string>();
  const result = Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
    transform: (value, field) => {
      if (/^\s*0\d/.test(value)) codeColumns.add(String(field));
      return cellValue(value);
    },
  });
  // A column holding any code with a leading zero is a column of codes: all of it stays text.
  for (const row of result.data)
    for (const field of codeColumns) if (typeof row[field] === 'number') row[field] = String(row[field]);
  const problem = result.errors
    // With one column there is no delimiter to find; that is not the organizer's mistake.
    .filter((error) => error.type !== 'Delimiter')
    .map((error) => ({ error, offset: error.index ?? rowOffset(text, error.row ?? 0) }))
    .sort((a, b) => a.offset - b.offset)[0];
  // The data file is a file of its own, reported in its own vfile.
  const fail = failOn(new VFile({ path, value: text }));
  if (problem) {
    fail(`Malformed CSV row: ${problem.error.message}`, {
      place: placeOfOffset(text, problem.offset),
      hint:
        problem.error.type === 'Quotes'
          ? 'A quoted value needs its closing quote.'
          : `Every row needs one value per column (${result.meta.fields?.length ?? 0}: ${result.meta.fields?.join(', ') ?? ''}); quote values that contain commas.`,
      ruleId: 'data-invalid-csv',
    });
  }
  if (!result.meta.fields?.length) {
    fail('The CSV file has no header line', {
      place: { line: 1, column: 1 },
      hint: 'The first line names the columns, e.g. year,police,parks.',
      ruleId: 'data-invalid-csv',
    });
  }
  return result.data;
}

/**
 * A cell as a number when it is one ("1,200", "$3,400.50", "-7"), else its text. Codes with a
 * leading zero (ZIP 02134, district 007) stay text, and an empty cell is null.
 */
function cellValue(value: string): string | number | null {
  const trimmed = value.trim();
  if (/^0\d/.test(trimmed)) return value;
  if (trimmed === '') return null;
  if (spreadsheetNumber.test(trimmed)) return Number(trimmed.replace(/[\s$€£,]/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return value;
}

/** Where data row `row` (0-based, after the header) starts, counting quoted line breaks as data. */
export function rowOffset(text: string, row: number): number {
  const starts = [0];
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted;
    else if (text[index] === '\n' && !quoted) starts.push(index + 1);
  }
  // Blank lines are skipped by the parser, so they are not rows here either.
  const rows = starts.filter((start, i) => /[^\s,]/.test(text.slice(start, starts[i + 1] ?? text.length)));
  return rows[row + 1] ?? text.length;
}

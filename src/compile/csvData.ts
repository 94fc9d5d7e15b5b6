import Papa from 'papaparse';
import { DeckError, placeOfOffset } from './deckError.ts';

/** "1,200", "$3,400.50" and "-7" as spreadsheets export them: numbers, not text. */
const spreadsheetNumber = /^\s*-?[$€£]?\s*\d{1,3}(,\d{3})+(\.\d+)?\s*$|^\s*-?[$€£]\s*\d+(\.\d+)?\s*$/;

/**
 * A CSV file as a list of rows keyed by the header line, numbers parsed, so an organizer can
 * edit a spreadsheet, export CSV and rebuild. A malformed row is reported at its line.
 */
export function parseCsv(path: string, text: string): Array<Record<string, unknown>> {
  const result = Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
    transform: (value) => (spreadsheetNumber.test(value) ? value.replace(/[\s$€£,]/g, '') : value),
  });
  const problem = result.errors
    .map((error) => ({ error, offset: error.index ?? rowOffset(text, error.row ?? 0) }))
    .sort((a, b) => a.offset - b.offset)[0];
  if (problem) {
    throw new DeckError(`Malformed CSV row: ${problem.error.message}`, {
      place: { file: path, ...placeOfOffset(text, problem.offset) },
      hint:
        problem.error.type === 'Quotes'
          ? 'A quoted value needs its closing quote.'
          : `Every row needs one value per column (${result.meta.fields?.length ?? 0}: ${result.meta.fields?.join(', ') ?? ''}); quote values that contain commas.`,
      source: text,
      ruleId: 'data-invalid-csv',
    });
  }
  if (!result.meta.fields?.length) {
    throw new DeckError('The CSV file has no header line', { place: { file: path, line: 1, column: 1 }, hint: 'The first line names the columns, e.g. year,police,parks.', source: text, ruleId: 'data-invalid-csv' });
  }
  return result.data;
}

/** Where data row `row` (0-based, after the header) starts, counting quoted line breaks as data. */
function rowOffset(text: string, row: number): number {
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

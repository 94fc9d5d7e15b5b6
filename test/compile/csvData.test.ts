import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/compile/csvData.ts';
import { DeckError } from '../../src/compile/deckError.ts';

describe('parseCsv', () => {
  it('gives one object per row, numbers parsed as a spreadsheet exports them', () => {
    const rows = parseCsv(
      'budget.csv',
      '\uFEFFyear, police ,note\n2024,"1,200",first\n2025,$1350.50,"two, with comma"\n\n2026,-7,\n',
    );
    expect(rows).toEqual([
      { year: 2024, police: 1200, note: 'first' },
      { year: 2025, police: 1350.5, note: 'two, with comma' },
      { year: 2026, police: -7, note: null },
    ]);
  });

  it('keeps codes with a leading zero as text, and reads a one-column file', () => {
    expect(parseCsv('zips.csv', 'zip,count\n02134,5\n10001,7\n')).toEqual([
      { zip: '02134', count: 5 },
      { zip: '10001', count: 7 },
    ]);
    expect(parseCsv('names.csv', 'name\nDenver\nBoston\n')).toEqual([{ name: 'Denver' }, { name: 'Boston' }]);
  });

  it('reports a short row at its own line, counting quoted line breaks and blank lines', () => {
    const text = 'city,outcome,year\nDenver,"ended,\nthen paused",2021\n\nBoston,lost arrest powers\n';
    try {
      parseCsv('cities.csv', text);
      expect.unreachable('a short row must fail');
    } catch (error) {
      expect(error).toBeInstanceOf(DeckError);
      expect((error as DeckError).format(process.cwd())).toMatch(/^cities\.csv:5:1: Malformed CSV row: Too few fields/);
    }
  });

  it('reports an unterminated quote', () => {
    expect(() => parseCsv('x.csv', 'a,b\n1,"open\n')).toThrow(/Quoted field unterminated/);
  });
});

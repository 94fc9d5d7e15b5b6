import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { recordedIo } from '../support/io.ts';

let project: string;

const io = () => recordedIo(project);

const read = (path: string) => readFileSync(join(project, path), 'utf8');

/** `podium build --check` on the deck: it must build, with no warning, no slide too tall included. */
async function expectCleanBuild(deck: string): Promise<string> {
  const { out, err, io: streams } = io();
  expect(await run(['build', deck, '--check'], streams), err.join('\n')).toBe(0);
  expect(err).toEqual([]);
  expect(out).toHaveLength(1);
  return read(join('dist', deck.replace(/^decks\//, '').replace(/\.mdx$/, '.html')));
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-new-'));
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('podium new', () => {
  it('writes the starter deck and its data file, says what to run next, and the deck builds with no warning', async () => {
    const { out, io: streams } = io();
    expect(await run(['new', 'library-hours'], streams)).toBe(0);
    expect(out.join('\n')).toMatch(/^Wrote decks\/library-hours\.mdx\nWrote decks\/data\/library-hours\.json\n/);
    expect(out.join('\n')).toMatch(/npx podium dev {2,}/);
    expect(out.join('\n')).toMatch(/npx podium build decks\/library-hours\.mdx {2,}writes dist\/library-hours\.html/);
    const deck = read('decks/library-hours.mdx');
    expect(deck).toContain("import staffing from './data/library-hours.json'");
    expect(deck).toMatch(/^lang: en$/m);
    expect(deck).toMatch(/^timeLimit: 3m$/m);
    for (const part of ['<TitleSlide />', '<RatioChart', '<Positions>', '<Cite ', '<Sources />', '<Notes>'])
      expect(deck).toContain(part);
    expect(JSON.parse(read('decks/data/library-hours.json')).ratios[0].students).toBe(328);
    const html = await expectCleanBuild('decks/library-hours.mdx');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html.includes('data-time-limit="180"'), 'the three-minute limit').toBe(true);
  });

  it('writes the Spanish starter with --lang es', async () => {
    const { io: streams } = io();
    expect(await run(['new', 'comentario', '--lang', 'es'], streams)).toBe(0);
    const deck = read('decks/comentario.mdx');
    expect(deck).toMatch(/^lang: es$/m);
    expect(deck).toContain('## Lo que pedimos');
    expect(deck).toContain("import staffing from './data/comentario.json'");
    expect(read('decks/data/comentario.json')).toContain('Consejero escolar');
    const html = await expectCleanBuild('decks/comentario.mdx');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="es">/);
    // The deck's own words are Spanish: none of the English starter's headings or notes.
    for (const english of ['What we ask', 'Two views', 'Say your name', 'Give each side'])
      expect(html.includes(english), english).toBe(false);
  });

  it('refuses a language with no starter deck', async () => {
    const { err, io: streams } = io();
    expect(await run(['new', 'comment', '--lang', 'fr'], streams)).toBe(2);
    expect(err.join('\n')).toMatch(/no starter deck in "fr"\. Starter decks: en, es\./);
    expect(existsSync(join(project, 'decks'))).toBe(false);
  });

  it('never writes over a file: names it, says what to do, exits 1 and writes nothing', async () => {
    mkdirSync(join(project, 'decks', 'data'), { recursive: true });
    writeFileSync(join(project, 'decks', 'data', 'library-hours.json'), '{"mine": true}');
    const { out, err, io: streams } = io();
    expect(await run(['new', 'library-hours'], streams)).toBe(1);
    expect(err.join('\n')).toBe(
      'decks/data/library-hours.json already exists, and podium new never writes over a file. Choose another name, or move decks/data/library-hours.json away first.',
    );
    expect(out).toEqual([]);
    expect(readdirSync(join(project, 'decks'))).toEqual(['data']);
    expect(read('decks/data/library-hours.json')).toBe('{"mine": true}');

    rmSync(join(project, 'decks', 'data', 'library-hours.json'));
    writeFileSync(join(project, 'decks', 'library-hours.mdx'), 'my deck');
    expect(await run(['new', 'library-hours'], streams)).toBe(1);
    expect(err.at(-1)).toMatch(/^decks\/library-hours\.mdx already exists/);
    expect(read('decks/library-hours.mdx')).toBe('my deck');
  });

  it.each([
    ['Comentario Público', 'comentario-publico'],
    ['../elsewhere', 'elsewhere'],
    ['decks/x', 'decks-x'],
    ['.hidden', 'hidden'],
  ])('rejects the name %j, offering a file-safe one, and writes nothing', async (name, safe) => {
    const { err, io: streams } = io();
    expect(await run(['new', name], streams)).toBe(2);
    expect(err.join('\n')).toContain(`cannot be a deck's name: use letters, digits and hyphens only`);
    expect(err.join('\n')).toContain(`such as: podium new ${safe}.`);
    expect(readdirSync(project)).toEqual([]);
  });

  it('takes a name written with .mdx, and asks for exactly one name', async () => {
    const { err, io: streams } = io();
    expect(await run(['new', 'budget.mdx'], streams)).toBe(0);
    expect(existsSync(join(project, 'decks', 'budget.mdx'))).toBe(true);
    expect(await run(['new'], streams)).toBe(2);
    expect(await run(['new', 'a', 'b'], streams)).toBe(2);
    expect(err.join('\n')).toMatch(/Name the new deck once/);
  });

  it('copies a deck --from, with its data files under the new name, leaving the original as it was', async () => {
    mkdirSync(join(project, 'decks', 'data'), { recursive: true });
    const original = [
      '---',
      'title: Open the library on Sundays',
      '---',
      "import hours from './data/hours.json'",
      "import visits from './data/visits.csv'",
      "import more from './data/hours.json'",
      '',
      '# {hours.sunday}',
      '',
      '<BarChart title="Visits" labels={visits.map((row) => row.day)} values={visits.map((row) => row.count)} />',
      '',
    ].join('\n');
    writeFileSync(join(project, 'decks', 'sundays.mdx'), original);
    writeFileSync(join(project, 'decks', 'data', 'hours.json'), '{"sunday": "Closed on Sundays"}');
    writeFileSync(join(project, 'decks', 'data', 'visits.csv'), 'day,count\nSaturday,420\nMonday,310\n');
    const { out, io: streams } = io();
    expect(await run(['new', 'sundays-east', '--from', 'decks/sundays.mdx'], streams)).toBe(0);
    expect(out.slice(0, 3)).toEqual([
      'Wrote decks/sundays-east.mdx',
      'Wrote decks/data/sundays-east-hours.json',
      'Wrote decks/data/sundays-east-visits.csv',
    ]);
    expect(read('decks/sundays-east.mdx')).toBe(
      original
        .replace("'./data/hours.json'", "'./data/sundays-east-hours.json'")
        .replace("'./data/visits.csv'", "'./data/sundays-east-visits.csv'")
        .replace("'./data/hours.json'", "'./data/sundays-east-hours.json'"),
    );
    expect(read('decks/data/sundays-east-visits.csv')).toBe(read('decks/data/visits.csv'));
    expect(read('decks/sundays.mdx')).toBe(original);
    // The copy's figures are its own: changing them leaves the original's alone.
    writeFileSync(join(project, 'decks', 'data', 'sundays-east-hours.json'), '{"sunday": "Open 1 to 5"}');
    const html = await expectCleanBuild('decks/sundays-east.mdx');
    expect(html.includes('<h1>Open 1 to 5</h1>'), 'the copy shows its own data').toBe(true);
  });

  it('names a copy of a deck importing one data file <name>.json, and refuses --from a missing deck', async () => {
    const { err, io: streams } = io();
    expect(await run(['new', 'first', '--lang', 'es'], streams)).toBe(0);
    expect(await run(['new', 'second', '--from', 'decks/first.mdx'], streams)).toBe(0);
    expect(read('decks/second.mdx')).toContain("import staffing from './data/second.json'");
    expect(read('decks/data/second.json')).toBe(read('decks/data/first.json'));
    expect(await run(['new', 'third', '--from', 'decks/nothing.mdx'], streams)).toBe(1);
    expect(err.join('\n')).toMatch(/--from names no deck: there is no \.mdx file decks\/nothing\.mdx\./);
    expect(await run(['new', 'third', '--from', 'decks/first.mdx', '--lang', 'en'], streams)).toBe(2);
    expect(existsSync(join(project, 'decks', 'third.mdx'))).toBe(false);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { recordedIo } from '../support/io.ts';

const comment = `---
title: "Counselors for {row.district}"
meeting: "{row.district} Board of Education"
date: 2026-12-08
---
import staffing from './data/staffing.json'

# Counselors for {row.district}

---

## {row.district} by the numbers

<BarChart title="Students per counselor" labels={["Now", "Recommended"]} values={[row.counselorRatio, 250]} />

{staffing.roles.map((row) => row.name).join(", ")}
`;

const districts = `district,counselorRatio
North Valley,410
Eastside,n/a
South Élan,"1,380"
`;

let project: string;

const recorder = () => recordedIo(project);

const built = (name: string) => readFileSync(join(project, 'dist', name), 'utf8');
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const indexLinks = () =>
  [...built('index.html').matchAll(/<h2><a href="\.\/([^"]+)"[^>]*>([^<]*)<\/a><\/h2>/g)].map((m) => [m[1], m[2]]);

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-rows-'));
  mkdirSync(join(project, 'decks', 'data'), { recursive: true });
  writeFileSync(join(project, 'decks', 'comment.mdx'), comment);
  writeFileSync(
    join(project, 'decks', 'data', 'staffing.json'),
    '{"roles": [{"name": "counselors"}, {"name": "nurses"}]}',
  );
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('podium build --data', () => {
  it('builds one deck per CSV row, named after its first column, with the row’s values in slides and title', async () => {
    writeFileSync(
      join(project, 'decks', 'data', 'districts.csv'),
      'district,counselorRatio\nNorth Valley,410\nSouth Élan,"1,380"\n',
    );
    const { out, io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], io)).toBe(0);
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['index.html', 'north-valley.html', 'south-elan.html']);
    const north = built('north-valley.html');
    expect(titleOf(north)).toBe('Counselors for North Valley');
    expect(north).toContain('<h2>North Valley by the numbers</h2>');
    expect(north).toContain('North Valley Board of Education');
    expect(north).toMatch(/"data":\[410,250\]/);
    // A `row` the expression binds itself is its own, not the spreadsheet's.
    expect(north).toContain('counselors, nurses');
    const south = built('south-elan.html');
    expect(titleOf(south)).toBe('Counselors for South Élan');
    expect(south).toMatch(/"data":\[1380,250\]/);
    expect(out).toContain('dist/index.html  lists 2 decks');
  });

  it('builds from a JSON list, named after its slug column', async () => {
    writeFileSync(
      join(project, 'decks', 'data', 'districts.json'),
      JSON.stringify([
        { district: 'North Valley', slug: 'nv-2026', counselorRatio: 410 },
        { district: 'Eastside', slug: 'east-2026', counselorRatio: 520 },
      ]),
    );
    const { io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.json', '--out', 'site'], io)).toBe(
      0,
    );
    expect(readdirSync(join(project, 'site')).sort()).toEqual(['east-2026.html', 'index.html', 'nv-2026.html']);
    const east = readFileSync(join(project, 'site', 'east-2026.html'), 'utf8');
    expect(titleOf(east)).toBe('Counselors for Eastside');
    expect(east).toMatch(/"data":\[520,250\]/);
  });

  it('reports a bad row at its line in the data file, with the deck’s place, and still builds the others', async () => {
    writeFileSync(join(project, 'decks', 'data', 'districts.csv'), `${districts}West,\n`);
    const { out, err, io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], io)).toBe(1);
    const report = err.join('\n');
    expect(report).toMatch(
      /^decks\/data\/districts\.csv:3:1: Column "counselorRatio" is "n\/a" in this row, not a number/m,
    );
    expect(report).toMatch(/^decks\/data\/districts\.csv:5:1: Column "counselorRatio" is empty in this row/m);
    expect(report).toMatch(/The deck uses it at decks\/comment\.mdx:14:\d+:/);
    expect(report).toMatch(/2 of 4 rows failed to build\./);
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['index.html', 'north-valley.html', 'south-elan.html']);
    expect(out).toContain('dist/index.html  lists 2 decks; 2 that failed are not listed');
  });

  it('refuses two rows that would write the same file, naming both rows, and builds nothing', async () => {
    writeFileSync(
      join(project, 'decks', 'data', 'districts.csv'),
      'district,counselorRatio\nNorth Valley,410\nEastside,300\nnorth valley,380\n',
    );
    const { err, io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], io)).toBe(1);
    expect(err.join('\n')).toMatch(
      /Rows decks\/data\/districts\.csv:2 and decks\/data\/districts\.csv:4 would both be written to north-valley\.html/,
    );
    expect(existsSync(join(project, 'dist', 'eastside.html'))).toBe(false);
  });

  it('refuses a title that names no column, since every deck would share it', async () => {
    writeFileSync(join(project, 'decks', 'data', 'districts.csv'), 'district,counselorRatio\nNorth Valley,410\n');
    writeFileSync(
      join(project, 'decks', 'comment.mdx'),
      comment.replace('"Counselors for {row.district}"', 'Counselors'),
    );
    const { err, io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/^decks\/comment\.mdx:2:1: The title is the same for every row/);
    expect(existsSync(join(project, 'dist', 'north-valley.html'))).toBe(false);
  });

  it('lists exactly the decks built in index.html, sorted by title, and not the one that failed', async () => {
    writeFileSync(
      join(project, 'decks', 'data', 'districts.csv'),
      'slug,district,counselorRatio\nz,Alder,410\na,Cedar,300\nm,Birch,oops\nq,Birch Hill,280\n',
    );
    const { io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], io)).toBe(1);
    expect(indexLinks()).toEqual([
      ['z.html', 'Counselors for Alder'],
      ['q.html', 'Counselors for Birch Hill'],
      ['a.html', 'Counselors for Cedar'],
    ]);
  });
});

describe('podium build --index', () => {
  it('writes index.html beside the decks built, with their details, and says which failed', async () => {
    writeFileSync(
      join(project, 'decks', 'b.mdx'),
      '---\ntitle: Budget <2027>\nmeeting: City Council\nlang: es\n---\n\n# Hola\n',
    );
    writeFileSync(
      join(project, 'decks', 'a.mdx'),
      '---\ntitle: Zoning\ndescription: Why the lot matters.\n---\n\n# Zoning\n',
    );
    writeFileSync(join(project, 'decks', 'c.mdx'), '---\ntitle: Broken\n---\n\n<BarChart />\n');
    const { out, io } = recorder();
    expect(await run(['build', 'decks/a.mdx', 'decks/b.mdx', 'decks/c.mdx', '--index'], io)).toBe(1);
    expect(indexLinks()).toEqual([
      ['b.html', 'Budget &#x3C;2027>'],
      ['a.html', 'Zoning'],
    ]);
    const index = built('index.html');
    expect(index).toContain('<dd>City Council</dd>');
    expect(index).toContain('<dd>Spanish</dd>');
    expect(index).toContain('Why the lot matters.');
    expect(index).toMatch(/<meta property="og:title" content="Decks">/);
    expect(index).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;none&#x27;/,
    );
    expect(index).not.toContain('<script');
    expect(out).toContain('dist/index.html  lists 2 decks; 1 that failed is not listed');
  });

  it('gives each row the data afresh: what one row’s expressions do to it, the next row never sees', async () => {
    // The rows of a deck share one sandbox; reverse() changes its list in place.
    writeFileSync(
      join(project, 'decks', 'comment.mdx'),
      comment.replace(
        '{staffing.roles.map((row) => row.name).join(", ")}',
        'First: {staffing.roles.reverse()[0].name}',
      ),
    );
    writeFileSync(
      join(project, 'decks', 'data', 'districts.csv'),
      'district,counselorRatio\nNorth Valley,410\nEastside,300\nSouth Élan,380\n',
    );
    const { io } = recorder();
    expect(await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], io)).toBe(0);
    for (const name of ['north-valley.html', 'eastside.html', 'south-elan.html']) {
      expect(built(name)).toContain('First: nurses');
    }
  });
});

import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { recordedIo } from '../support/io.ts';

const good = `---\ntitle: A good deck\n---\n\n# Hello\n\n---\n\n## Second\n`;
const broken = `---\ntitle: A broken deck\n---\n\n# Hello\n\n<BarChart title="x" labels={["a", "b"]} values={[1]} />\n`;

let project: string;

const io = () => recordedIo(project);

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-cli-'));
  mkdirSync(join(project, 'decks'));
  writeFileSync(join(project, 'decks', 'good.mdx'), good);
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('podium --help', () => {
  it('explains the commands and exits 0', async () => {
    const { out, io: streams } = io();
    expect(await run(['--help'], streams)).toBe(0);
    expect(out.join('\n')).toMatch(/podium build \[files or folders…\] \[--out dir\]/);
  });

  it('explains build options', async () => {
    const { out, io: streams } = io();
    expect(await run(['build', '--help'], streams)).toBe(0);
    expect(out.join('\n')).toMatch(/--out <dir>/);
  });

  it('rejects an unknown command or option with exit code 2', async () => {
    const { err, io: streams } = io();
    expect(await run(['biuld'], streams)).toBe(2);
    expect(await run(['build', '--color'], streams)).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown command "biuld"/);
  });
});

describe('podium build', () => {
  it('builds every deck in decks/ into dist/ and names each file with its size', async () => {
    writeFileSync(join(project, 'decks', 'second.mdx'), good);
    const { out, io: streams } = io();
    expect(await run(['build'], streams)).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^dist\/good\.html {2}\d+\.\d kB \(\d+\.\d kB gzip\)$/);
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['good.html', 'second.html']);
    expect(readFileSync(join(project, 'dist', 'good.html'), 'utf8')).toMatch(/^<!DOCTYPE html><html lang="en">/);
  });

  it('on a rebuild, rewrites only the files whose decks changed', async () => {
    writeFileSync(join(project, 'decks', 'second.mdx'), good);
    expect(await run(['build'], io().io)).toBe(0);
    const files = ['good.html', 'second.html'].map((name) => join(project, 'dist', name));
    const past = new Date('2026-01-01T00:00:00Z');
    for (const file of files) utimesSync(file, past, past);
    writeFileSync(join(project, 'decks', 'second.mdx'), good.replace('## Second', '## Second, edited'));
    const { out, io: streams } = io();
    expect(await run(['build'], streams)).toBe(0);
    // Both are reported as built; the unchanged one keeps its time, the edited one is new.
    expect(out).toHaveLength(2);
    expect(statSync(files[0]!).mtime).toEqual(past);
    expect(statSync(files[1]!).mtime.getTime()).toBeGreaterThan(past.getTime());
    expect(readFileSync(files[1]!, 'utf8')).toMatch(/Second, edited/);
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['good.html', 'second.html']);
  });

  it('builds named files into --out', async () => {
    const { io: streams } = io();
    expect(await run(['build', 'decks/good.mdx', '--out', 'public-site'], streams)).toBe(0);
    expect(readdirSync(join(project, 'public-site'))).toEqual(['good.html']);
  });

  it('reports a broken deck at file:line:column, exits 1, keeps its old output and still builds the others', async () => {
    writeFileSync(join(project, 'decks', 'broken.mdx'), broken);
    mkdirSync(join(project, 'dist'));
    writeFileSync(join(project, 'dist', 'broken.html'), 'the last good build');
    const { out, err, io: streams } = io();
    expect(await run(['build'], streams)).toBe(1);
    const report = err.join('\n');
    expect(report).toMatch(/^decks\/broken\.mdx:7:1: Prop "values" on <BarChart>: has 1 values but 2 labels/);
    expect(report).toMatch(/> 7 \| <BarChart/);
    expect(report).toMatch(/1 of 2 decks failed to build\./);
    expect(out).toEqual([expect.stringMatching(/^dist\/good\.html/)]);
    expect(readFileSync(join(project, 'dist', 'broken.html'), 'utf8')).toBe('the last good build');
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['broken.html', 'good.html']);
  });

  it('says how to get Chromium when --og-image cannot find one, and writes nothing', async () => {
    const { err, io: streams } = io();
    expect(await run(['build', '--og-image', '--chrome', '/nonexistent/chromium'], streams)).toBe(1);
    expect(err.join('\n')).toMatch(
      /No Chromium found at \/nonexistent\/chromium \(--chrome\)\. --og-image draws the title slide with Chromium; install it with:\n {2}sudo apt-get install chromium/,
    );
    expect(readdirSync(join(project, 'dist'))).toEqual([]);
  });

  it('says when a named deck does not exist', async () => {
    const { err, io: streams } = io();
    expect(await run(['build', 'decks/nope.mdx'], streams)).toBe(1);
    expect(err.join('\n')).toMatch(/No such deck or folder: decks\/nope\.mdx/);
  });
});

describe('warnings', () => {
  const oneSided = `---\ntitle: One side quoted\n---\n\n## Two sides\n\n<Positions>\n<Position org="For" stance="Build it." quote="We need the room." />\n<Position org="Against" stance="Repair the old one." />\n</Positions>\n`;

  /** Both streams in the order written, so a test can tell what came after what. */
  function inOrder() {
    const lines: string[] = [];
    return {
      lines,
      io: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), cwd: project },
    };
  }

  it('prints a warning after the deck’s line, at file:line:column with its source line, and exits 0', async () => {
    writeFileSync(join(project, 'decks', 'sides.mdx'), oneSided);
    const { lines, io: streams } = inOrder();
    expect(await run(['build', 'decks/sides.mdx'], streams)).toBe(0);
    expect(lines[0]).toMatch(/^dist\/sides\.html {2}\d+\.\d kB/);
    expect(lines[1]).toMatch(
      /^decks\/sides\.mdx:9:1: warning: "Against" has no quote, but 1 of the 2 positions in <Positions> has one\n {2}Give every position a quote, or none/,
    );
    expect(lines[1]).toMatch(/> +9 \| <Position org="Against"/);
    expect(lines).toHaveLength(2);
    expect(readdirSync(join(project, 'dist'))).toEqual(['sides.html']);
  });

  it('with --strict, counts a deck with warnings as failed: not written, exit code 1', async () => {
    writeFileSync(join(project, 'decks', 'sides.mdx'), oneSided);
    const { out, err, io: streams } = io();
    expect(await run(['build', '--strict', '--chrome', '/nonexistent/chromium'], streams)).toBe(1);
    const report = err.join('\n');
    expect(report).toMatch(/^No Chromium found, so no slide was measured/);
    expect(report).toMatch(/decks\/sides\.mdx:9:1: warning: "Against" has no quote/);
    expect(report).toMatch(/decks\/sides\.mdx: not written: --strict counts warnings as errors\.\n/);
    expect(report).toMatch(/1 of 2 decks failed to build\./);
    expect(out).toEqual([expect.stringMatching(/^dist\/good\.html/)]);
    expect(readdirSync(join(project, 'dist'))).toEqual(['good.html']);
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referenceDecks, reportReference } from '../../bench/reference.ts';

// A repository holding the committed copy, and the shared originals beside it.
let work: string;
let root: string;
let shared: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'podium-reference-'));
  root = join(work, 'repo');
  shared = join(work, 'shared', 'bench');
  mkdirSync(join(root, 'bench'), { recursive: true });
  cpSync(join(process.cwd(), 'bench', 'reference'), join(root, 'bench', 'reference'), { recursive: true });
  cpSync(join(process.cwd(), 'bench', 'reference'), shared, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function report(root: string) {
  const said = { log: [] as string[], warn: [] as string[] };
  reportReference(
    referenceDecks(root),
    (line) => said.log.push(line),
    (line) => said.warn.push(line),
  );
  return said;
}

describe('the reference decks the peer bench builds', () => {
  it('uses the committed copy and says it matches the shared originals beside the repository', () => {
    expect(referenceDecks(root)).toMatchObject({ dir: join(root, 'bench', 'reference'), shared: { differing: [] } });
    const said = report(root);
    expect(said.log.join('\n')).toMatch(/identical to the shared originals/);
    expect(said.warn).toEqual([]);
  });

  it('warns loudly, naming the file, when a shared original differs by one byte', () => {
    const original = readFileSync(join(shared, 'reference.marp.md'));
    original[original.length - 1] ^= 1;
    writeFileSync(join(shared, 'reference.marp.md'), original);
    expect(referenceDecks(root).shared).toEqual({ differing: ['reference.marp.md'] });
    expect(report(root).warn.join('\n')).toMatch(/WARNING: reference\.marp\.md in .* DIFFER from the committed copy/);
  });

  it('counts a shared original that is missing as differing', () => {
    unlinkSync(join(shared, 'reference.mdx'));
    expect(referenceDecks(root).shared).toEqual({ differing: ['reference.mdx'] });
  });

  it('runs on a fresh clone without shared originals, saying it uses the committed copy', () => {
    rmSync(join(work, 'shared'), { recursive: true });
    expect(referenceDecks(root).shared).toBe('absent');
    const said = report(root);
    expect(said.log.join('\n')).toMatch(/the committed copy: there are no shared originals/);
    expect(said.warn).toEqual([]);
  });
});

// One deck per row: a sample deck built for 100 districts, in a project of its own.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Copies the sample decks to a new project and makes `deckName` a template: its title and
 * first heading name `row.district`, and a CSV holds `count` districts.
 */
export function rowsProject(root: string, deckName: string, count: number): { project: string; deck: string } {
  const project = mkdtempSync(join(tmpdir(), 'podium-bench-rows-'));
  cpSync(resolve(root, 'decks'), join(project, 'decks'), { recursive: true });
  const deck = join(project, 'decks', `${deckName}.mdx`);
  const source = readFileSync(deck, 'utf8').replace(/^title: (.*)$/m, 'title: "$1: {row.district}"');
  writeFileSync(deck, source.replace(/\n---\n/, '\n---\n\n## {row.district}: {row.students} students\n\n---\n'));
  const rows = Array.from({ length: count }, (_, i) => `District ${i + 1},${1000 + i * 37}`);
  writeFileSync(join(project, 'decks', 'data', 'rows.csv'), ['district,students', ...rows, ''].join('\n'));
  return { project, deck };
}

/** A cold `podium build --data` of `count` rows: a new process, as an organizer runs it. */
export function timeRows(root: string, deckName: string, count: number): { ms: number; perSecond: number } {
  const { project, deck } = rowsProject(root, deckName, count);
  try {
    const start = performance.now();
    execFileSync(process.execPath, [join(root, 'bin', 'podium.js'), 'build', deck, '--data', 'decks/data/rows.csv'], {
      cwd: project,
      stdio: 'ignore',
    });
    const ms = performance.now() - start;
    return { ms, perSecond: count / (ms / 1000) };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

// Many decks in one process: a folder of copies of the sample decks, built cold by `podium build`.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removing, timeNode } from './timing.ts';

/** A project whose decks/ holds `count` decks: the sample decks, copied in turn, with their data. */
function folderProject(root: string, count: number): string {
  const project = mkdtempSync(join(tmpdir(), 'podium-bench-folder-'));
  const samples = resolve(root, 'decks');
  cpSync(join(samples, 'data'), join(project, 'decks', 'data'), { recursive: true });
  const decks = readdirSync(samples).filter((name) => name.endsWith('.mdx'));
  for (let index = 0; index < count; index++) {
    const deck = decks[index % decks.length]!;
    cpSync(join(samples, deck), join(project, 'decks', `${deck.replace(/\.mdx$/, '')}-${index + 1}.mdx`));
  }
  return project;
}

/** Cold `podium build decks/` of a folder of `count` decks into an empty dist/, `runs` times: each run's milliseconds. */
export function timeFolder(root: string, count: number, runs: number): number[] {
  const project = folderProject(root, count);
  try {
    const bin = join(root, 'bin', 'podium.js');
    const build = { args: [bin, 'build', 'decks'], cwd: project, before: removing(join(project, 'dist')) };
    return Array.from({ length: runs }, () => timeNode(build));
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

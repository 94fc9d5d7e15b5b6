// Podium's and Marp CLI's cold build of the same reference deck, timed in turns in one run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ReferenceDecks, referenceFiles } from './reference.ts';
import { removing, type Spread, spread, timeInTurns } from './timing.ts';

/** The peer tools live in a package of their own, installed from its committed lock. */
export const peersDir = (root: string) => join(root, 'bench', 'peers');
export const marpCli = (root: string) => join(peersDir(root), 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
export const peersInstalled = (root: string) => existsSync(marpCli(root));

/** `npm ci` from the lock; no install scripts run, so nothing (no browser) is downloaded beyond the packages. */
export function installPeers(root: string): void {
  execFileSync('npm', ['ci', '--prefix', peersDir(root), '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** What one tool's cold build took and wrote. */
export interface ColdBuild {
  times: Spread;
  bytes: number;
  gzipBytes: number;
}

export interface ColdBuilds {
  podium: ColdBuild;
  marp: ColdBuild;
  /** Podium's median ÷ Marp's median: below 1 means Podium is faster. */
  ratio: number;
  runs: number;
}

const written = (file: string, times: number[]): ColdBuild => {
  const html = readFileSync(file);
  return { times: spread(times), bytes: html.length, gzipBytes: gzipSync(html, { level: 9 }).length };
};

/**
 * Builds the reference deck with each CLI run directly by `node` (no npx start-up), `runs`
 * times in turns: Podium inside a project folder of its own (it builds decks under its
 * project only), Marp with its deck copied to a folder of its own.
 */
export function coldBuilds(root: string, reference: ReferenceDecks, runs: number): ColdBuilds {
  const work = mkdtempSync(join(tmpdir(), 'podium-bench-peers-'));
  try {
    const project = join(work, 'podium');
    mkdirSync(join(project, 'decks'), { recursive: true });
    copyFileSync(join(reference.dir, referenceFiles.podium), join(project, 'decks', referenceFiles.podium));
    const marpFolder = join(work, 'marp');
    mkdirSync(marpFolder);
    copyFileSync(join(reference.dir, referenceFiles.marp), join(marpFolder, referenceFiles.marp));
    const [podiumTimes, marpTimes] = timeInTurns(
      [
        {
          args: [join(root, 'bin', 'podium.js'), 'build', join('decks', referenceFiles.podium)],
          cwd: project,
          before: removing(join(project, 'dist')),
        },
        {
          args: [marpCli(root), '--html', referenceFiles.marp, '-o', 'out.html'],
          cwd: marpFolder,
          before: removing(join(marpFolder, 'out.html')),
        },
      ],
      runs,
    );
    const podium = written(join(project, 'dist', referenceFiles.podium.replace(/\.mdx$/, '.html')), podiumTimes);
    const marp = written(join(marpFolder, 'out.html'), marpTimes);
    return { podium, marp, ratio: podium.times.median / marp.times.median, runs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

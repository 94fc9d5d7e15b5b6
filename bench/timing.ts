// Timing commands as a user runs them: a new Node process each run, its start-up included.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** A command for `node`: its arguments and the folder it runs in. */
export interface NodeCommand {
  args: string[];
  cwd: string;
  /**
   * Untimed, before each run: removes what the last run wrote, so each run writes its files
   * afresh (Podium leaves a file that already holds the same bytes as it is).
   */
  before?: () => void;
}

/** A `before` that removes these files or folders. */
export const removing =
  (...paths: string[]) =>
  () => {
    for (const path of paths) rmSync(path, { recursive: true, force: true });
  };

/** The middle of a set of timings (the upper one of the two middles when the count is even). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median and range of a set of timings, as the bench prints them. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export const spread = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** Milliseconds for `node <args>` to run to completion; its output is discarded, a failure throws. */
export function timeNode({ args, cwd, before }: NodeCommand): number {
  before?.();
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return performance.now() - start;
}

/**
 * Times each command `runs` times, taking turns (A, B, A, B, …) after one untimed warm-up run
 * of each, so that the machine's noise and the file cache hit every command alike.
 * Returns one list of timings per command, in the order given.
 */
export function timeInTurns(commands: NodeCommand[], runs: number): number[][] {
  for (const command of commands) timeNode(command);
  const times = commands.map((): number[] => []);
  for (let run = 0; run < runs; run++) for (const [i, command] of commands.entries()) times[i].push(timeNode(command));
  return times;
}

/** The machine's load averages, to print beside timings: they move together on a shared machine. */
export const machineLoad = () =>
  `${loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min, ${availableParallelism()} cores)`;

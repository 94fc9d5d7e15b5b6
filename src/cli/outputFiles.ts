import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writevSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { DeckError, type DeckWarning } from '../compile/deckError.ts';
import type { PodiumConfig } from '../config.ts';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './io.ts';

/**
 * Deck files named on the command line; a folder stands for the .mdx files in it. Two decks
 * that would write the same output name (`<name>.<extension>`) are refused up front.
 */
export async function findDecks(paths: string[], config: PodiumConfig, extension: string): Promise<string[]> {
  const decks: string[] = [];
  for (const path of paths) {
    // Looked at synchronously, as the build reads and writes: a plain build needs no thread pool.
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info)
      throw new CliError(`No such deck or folder: ${relative(config.root, path) || path}`, ExitCode.deckFailed);
    if (info.isDirectory()) {
      const names = readdirSync(path)
        .filter((name) => name.endsWith('.mdx'))
        .sort();
      decks.push(...names.map((name) => join(path, name)));
    } else {
      decks.push(path);
    }
  }
  if (decks.length === 0)
    throw new CliError(
      `No decks (.mdx files) found in ${paths.map((p) => relative(config.root, p) || '.').join(', ')}`,
      ExitCode.deckFailed,
    );
  const byName = new Map<string, string>();
  for (const deck of decks) {
    const name = basename(deck, extname(deck));
    const other = byName.get(name);
    if (other && other !== deck)
      throw new CliError(
        `Two decks would both be written to ${name}.${extension}: ${other} and ${deck}. Rename one.`,
        ExitCode.deckFailed,
      );
    byName.set(name, deck);
  }
  return [...byName.values()];
}

/**
 * Writes beside the target, then renames, so no one ever opens a half-written file. A target
 * that already holds these bytes is left as it is: rebuilding a folder in which one deck changed
 * rewrites that deck's file alone, and the others keep their times. Synchronous: a build has
 * nothing else to do meanwhile, and each of the four steps through Node's thread pool left the
 * build idle for longer than the write itself takes. The content may come in chunks (a deck's
 * own text and the runtime it shares with every deck, DocumentFile.chunks), written as they are
 * rather than joined into one more copy of the whole file.
 */
export function writeAtomically(target: string, content: string | Uint8Array | readonly Uint8Array[]): void {
  const chunks =
    typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content;
  if (holds(target, chunks)) return;
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    const file = openSync(temporary, 'w');
    try {
      writeAll(file, chunks);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes every chunk, in order, going on where a write stopped short. */
function writeAll(file: number, chunks: readonly Uint8Array[]): void {
  let rest = chunks.filter((chunk) => chunk.length > 0);
  while (rest.length > 0) {
    let written = writevSync(file, rest);
    while (written > 0 && rest.length > 0) {
      const first = rest[0]!;
      if (written >= first.length) {
        written -= first.length;
        rest = rest.slice(1);
      } else {
        rest = [first.subarray(written), ...rest.slice(1)];
        written = 0;
      }
    }
  }
}

/** Whether the file is there and holds exactly these bytes. */
function holds(file: string, chunks: readonly Uint8Array[]): boolean {
  try {
    if (statSync(file).size !== chunks.reduce((sum, chunk) => sum + chunk.length, 0)) return false;
    const held = readFileSync(file);
    let at = 0;
    for (const chunk of chunks) {
      if (Buffer.compare(held.subarray(at, at + chunk.length), chunk) !== 0) return false;
      at += chunk.length;
    }
    return true;
  } catch {
    return false;
  }
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** A deck with warnings under --strict: it counts as failed, and its output is not written. */
export class StrictWarnings extends Error {
  constructor(readonly warnings: readonly DeckWarning[]) {
    super('--strict counts warnings as errors');
  }
}

/** Under --strict, stops a deck that has warnings before its output is written. */
export function refuseWarningsWhenStrict(warnings: readonly DeckWarning[], strict: boolean): void {
  if (strict && warnings.length > 0) throw new StrictWarnings(warnings);
}

/**
 * Runs one command's work on each deck: a deck that fails is reported (at its file:line:column
 * when it is the deck's own mistake) and counted, and the others still go ahead. A CliError
 * (no browser, a bad option) stops the whole run. The warnings a deck's work returns are
 * reported after its output line.
 */
export async function eachDeck(
  decks: readonly string[],
  io: Io,
  done: string,
  work: (file: string) => Promise<readonly DeckWarning[]>,
): Promise<number> {
  let failed = 0;
  const report = (warnings: readonly DeckWarning[]) => {
    for (const warning of warnings) io.err(`${warning.format(io.cwd)}\n`);
  };
  for (const file of decks) {
    try {
      report(await work(file));
    } catch (error) {
      if (error instanceof CliError) throw error;
      failed += 1;
      if (error instanceof StrictWarnings) {
        report(error.warnings);
        io.err(`${relative(io.cwd, file)}: not written: --strict counts warnings as errors.\n`);
      } else {
        io.err(
          error instanceof DeckError
            ? `${error.format(io.cwd)}\n`
            : `${relative(io.cwd, file)}: ${(error as Error).stack ?? String(error)}\n`,
        );
      }
    }
  }
  if (failed > 0) io.err(`${failed} of ${decks.length} deck${decks.length === 1 ? '' : 's'} failed to ${done}.`);
  return failed > 0 ? ExitCode.deckFailed : ExitCode.ok;
}

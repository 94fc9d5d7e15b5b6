import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareRows } from '../buildRows.ts';
import { DeckError, type DeckWarning } from '../compile/deckError.ts';
import { RowError, rowNames } from '../compile/deckRows.ts';
import type { PodiumConfig } from '../config.ts';
import type { IndexEntry } from '../render/indexPage.ts';
import { CliError, ExitCode } from './cliError.ts';
import { indexEntry, indexFileName, writeIndex } from './indexFile.ts';
import type { Io } from './io.ts';
import { kilobytes, refuseWarningsWhenStrict, StrictWarnings, writeAtomically } from './outputFiles.ts';

/** Above this many rows, a progress line shows rows done and time left. */
const progressAfter = 20;

/**
 * `podium build deck.mdx --data rows.csv`: one deck per row, named after its slug (or first
 * column), and index.html listing them. A bad row is reported at its line in the data file and
 * the other rows still build.
 */
export async function buildRowsCommand(
  deckFile: string,
  dataFile: string,
  config: PodiumConfig,
  io: Io,
  strict: boolean,
): Promise<number> {
  const shown = (file: string) => relative(io.cwd, file) || file;
  const text = await readFile(dataFile, 'utf8').catch(() => {
    throw new CliError(`No such data file: ${shown(dataFile)}`, ExitCode.deckFailed);
  });
  let build: Awaited<ReturnType<typeof prepareRows>>;
  let names: string[];
  try {
    build = await prepareRows(deckFile, { path: dataFile, text }, config);
    names = rowNames(build.rows, io.cwd);
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    io.err(`${error.format(io.cwd)}\n`);
    io.err('No deck was built from the data.');
    return ExitCode.deckFailed;
  }
  const taken = names.indexOf(indexFileName.replace(/\.html$/, ''));
  if (taken !== -1)
    throw new CliError(
      `${shown(dataFile)}:${build.rows[taken]!.place.line}: this row would be written over ${indexFileName}, the page that lists the decks. Give it another slug.`,
      ExitCode.deckFailed,
    );
  const report = (warnings: readonly DeckWarning[]) => {
    for (const warning of warnings) io.err(`${warning.format(io.cwd)}\n`);
  };
  const entries: IndexEntry[] = [];
  const started = performance.now();
  let failed = 0;
  try {
    for (const [index, row] of build.rows.entries()) {
      const name = names[index]!;
      const target = join(config.outDir, `${name}.html`);
      try {
        const { deck, file } = await build.build(row);
        refuseWarningsWhenStrict(deck.messages, strict);
        writeAtomically(target, file.chunks);
        io.out(`${shown(target)}  ${kilobytes(file.byteLength)}`);
        report(deck.messages);
        entries.push(indexEntry(deck, `${name}.html`, file.byteLength));
      } catch (error) {
        failed += 1;
        const at = `${shown(row.place.file)}:${row.place.line}`;
        if (error instanceof StrictWarnings) {
          report(error.warnings);
          io.err(`${at}: ${name}.html not written: --strict counts warnings as errors.\n`);
        } else if (error instanceof RowError) {
          io.err(`${error.format(io.cwd)}\n`);
        } else if (error instanceof DeckError) {
          io.err(`${at}: the deck for this row (${name}.html) failed:\n${error.format(io.cwd)}\n`);
        } else {
          throw error;
        }
      }
      if (build.rows.length > progressAfter) {
        const done = index + 1;
        const left = ((performance.now() - started) / done) * (build.rows.length - done);
        io.progress?.(`${done} of ${build.rows.length} rows, about ${Math.ceil(left / 1000)} s left`);
      }
    }
  } finally {
    await build.done();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.progress?.('');
  io.out(`${build.rows.length - failed} of ${build.rows.length} rows of ${shown(dataFile)} built in ${seconds} s`);
  await writeIndex(config.outDir, entries, failed, io);
  if (failed > 0) io.err(`${failed} of ${build.rows.length} row${build.rows.length === 1 ? '' : 's'} failed to build.`);
  return failed > 0 ? ExitCode.deckFailed : ExitCode.ok;
}

import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { buildDeck } from '../buildDeck.ts';
import { chromiumInstallCommand, findChromium } from '../chromium.ts';
import { DeckError } from '../compile/deckError.ts';
import { resolveConfig } from '../config.ts';
import { PdfExporter } from '../pdf/pdfExporter.ts';
import { CliError, ExitCode } from './cliError.ts';
import { findDecks, kilobytes, writeAtomically } from './outputFiles.ts';
import type { Io } from './run.ts';

/** The environment is read for CHROME_PATH; tests pass their own. */
export interface PdfIo extends Io {
  env?: NodeJS.ProcessEnv;
}

/** `podium pdf`: every named deck (or all of decks/) printed by Chromium into one PDF each. */
export default async function pdfCommand({ positionals, values }: { positionals: string[]; values: Record<string, unknown> }, io: PdfIo): Promise<number> {
  const handout = values.handout === true;
  const steps = values.steps === true;
  if (handout && steps) throw new CliError('--handout shows each slide complete with its notes; leave out --steps, or export the steps separately.');
  const config = resolveConfig({ root: io.cwd });
  const decks = await findDecks(positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [config.decksDir], config, 'pdf');
  const out = values.out as string | undefined;
  if (out !== undefined && decks.length > 1) {
    throw new CliError(`--out names one PDF, but ${decks.length} decks were given. Export one deck with --out, or leave --out off to write dist/<name>.pdf for each.`);
  }
  if (out !== undefined && (await stat(resolve(io.cwd, out)).catch(() => undefined))?.isDirectory()) {
    throw new CliError(`--out names the PDF file to write, but ${out} is a folder. Give a file name, such as ${join(out, 'deck.pdf')}.`);
  }
  const executablePath = chromiumFor(values.chrome as string | undefined, io);
  let exporter: PdfExporter | undefined;
  let failed = 0;
  try {
    for (const file of decks) {
      const target = out !== undefined ? resolve(io.cwd, out) : join(config.outDir, `${basename(file, extname(file))}${handout ? '-handout' : ''}.pdf`);
      try {
        const { html } = await buildDeck(file, config);
        // Started only once a deck has built, so a run of broken decks never waits for a browser.
        exporter ??= await launch(executablePath);
        const { pdf, pages, blockedRequests } = await exporter.export(html, { handout, steps });
        await mkdir(dirname(target), { recursive: true });
        await writeAtomically(target, pdf);
        io.out(`${relative(io.cwd, target)}  ${pages} page${pages === 1 ? '' : 's'}, ${kilobytes(pdf.length)}`);
        for (const address of blockedRequests) io.err(`${relative(io.cwd, file)}: blocked a request for ${address}; the PDF was made without it.`);
      } catch (error) {
        if (error instanceof CliError) throw error;
        failed += 1;
        io.err(error instanceof DeckError ? `${error.format(io.cwd)}\n` : `${relative(io.cwd, file)}: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
  } finally {
    await exporter?.close();
  }
  if (failed > 0) io.err(`${failed} of ${decks.length} deck${decks.length === 1 ? '' : 's'} failed to export.`);
  return failed > 0 ? ExitCode.deckFailed : ExitCode.ok;
}

/** The Chromium named by --chrome, else CHROME_PATH, else the system's; none is an error that says the fix. */
function chromiumFor(chosen: string | undefined, io: PdfIo): string {
  const env = io.env ?? process.env;
  const found = findChromium(chosen !== undefined ? { CHROME_PATH: resolve(io.cwd, chosen) } : env);
  if (found) return found;
  const looked = chosen !== undefined ? `at ${chosen} (--chrome)` : env.CHROME_PATH ? `at ${env.CHROME_PATH} (CHROME_PATH)` : 'on this machine';
  throw new CliError(
    `No Chromium found ${looked}. PDF export prints each deck with Chromium; install it with:\n  ${chromiumInstallCommand}\nor name a Chromium or Chrome binary with --chrome <path> or CHROME_PATH.`,
    ExitCode.deckFailed,
  );
}

async function launch(executablePath: string): Promise<PdfExporter> {
  try {
    return await PdfExporter.launch(executablePath);
  } catch (error) {
    // Playwright's first line says what failed; the rest is its launch log.
    const reason = String((error as Error).message).split('\n')[0];
    throw new CliError(`Chromium at ${executablePath} did not start (${reason}). Reinstall it with:\n  ${chromiumInstallCommand}\nor name another with --chrome <path> or CHROME_PATH.`, ExitCode.deckFailed);
  }
}

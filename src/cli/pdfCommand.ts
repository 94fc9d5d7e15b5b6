import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { buildDeck } from '../buildDeck.ts';
import { resolveConfig } from '../config.ts';
import { PdfExporter } from '../pdf/pdfExporter.ts';
import { CliError } from './cliError.ts';
import { chromiumFor, launchChromiumFor, type ChromiumIo } from './commandChromium.ts';
import { tallSlideWarnings } from '../slideFit.ts';
import { eachDeck, findDecks, kilobytes, refuseWarningsWhenStrict, writeAtomically } from './outputFiles.ts';

/** `podium pdf`: every named deck (or all of decks/) printed by Chromium into one PDF each. */
export default async function pdfCommand(
  { positionals, values }: { positionals: string[]; values: Record<string, unknown> },
  io: ChromiumIo,
): Promise<number> {
  const handout = values.handout === true;
  const strict = values.strict === true;
  const steps = values.steps === true;
  if (handout && steps)
    throw new CliError(
      '--handout shows each slide complete with its notes; leave out --steps, or export the steps separately.',
    );
  const config = resolveConfig({ root: io.cwd });
  const decks = await findDecks(
    positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [config.decksDir],
    config,
    'pdf',
  );
  const out = values.out as string | undefined;
  if (out !== undefined && decks.length > 1) {
    throw new CliError(
      `--out names one PDF, but ${decks.length} decks were given. Export one deck with --out, or leave --out off to write dist/<name>.pdf for each.`,
    );
  }
  if (out !== undefined && (await stat(resolve(io.cwd, out)).catch(() => undefined))?.isDirectory()) {
    throw new CliError(
      `--out names the PDF file to write, but ${out} is a folder. Give a file name, such as ${join(out, 'deck.pdf')}.`,
    );
  }
  const executablePath = chromiumFor(
    values.chrome as string | undefined,
    io,
    'PDF export prints each deck with Chromium',
  );
  let exporter: PdfExporter | undefined;
  try {
    return await eachDeck(decks, io, 'export', async (file) => {
      const target =
        out !== undefined
          ? resolve(io.cwd, out)
          : join(config.outDir, `${basename(file, extname(file))}${handout ? '-handout' : ''}.pdf`);
      const { deck, html } = await buildDeck(file, config);
      // Started only once a deck has built, so a run of broken decks never waits for a browser.
      exporter ??= new PdfExporter(await launchChromiumFor(executablePath));
      const { pdf, pages, blockedRequests, tallSlides } = await exporter.export(html, {
        handout,
        steps,
        measureSlides: true,
      });
      const warnings = [...deck.messages, ...tallSlideWarnings(deck, tallSlides)];
      refuseWarningsWhenStrict(warnings, strict);
      await mkdir(dirname(target), { recursive: true });
      writeAtomically(target, pdf);
      io.out(`${relative(io.cwd, target)}  ${pages} page${pages === 1 ? '' : 's'}, ${kilobytes(pdf.length)}`);
      for (const address of blockedRequests)
        io.err(`${relative(io.cwd, file)}: blocked a request for ${address}; the PDF was made without it.`);
      return warnings;
    });
  } finally {
    await exporter?.close();
  }
}

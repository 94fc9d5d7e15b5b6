import { mkdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { buildDeck } from '../buildDeck.ts';
import { SlideParses } from '../compile/slideParses.ts';
import { resolveConfig } from '../config.ts';
import { gzipSize } from '../render/gzipSize.ts';
import type { DocumentFile } from '../render/standaloneDocument.ts';
import { titleSlidePicture } from '../render/ogImage.ts';
import { tallSlidesIn, tallSlideWarnings } from '../slideFit.ts';
import { CliError, ExitCode } from './cliError.ts';
import { chromiumFor, foundChromium, launchChromiumFor, type ChromiumIo } from './commandChromium.ts';
import { eachDeck, findDecks, kilobytes, refuseWarningsWhenStrict, writeAtomically } from './outputFiles.ts';
import type { IndexEntry } from '../render/indexPage.ts';
import { indexEntry, indexFileName, writeIndex } from './indexFile.ts';

/** `podium build`: every named deck (or all of decks/) into one HTML file each. */
export default async function buildCommand(
  { positionals, values }: { positionals: string[]; values: Record<string, unknown> },
  io: ChromiumIo,
): Promise<number> {
  const config = resolveConfig({ root: io.cwd, outDir: values.out as string | undefined });
  const decks = await findDecks(
    positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [config.decksDir],
    config,
    'html',
  );
  try {
    mkdirSync(config.outDir, { recursive: true });
  } catch (error) {
    throw new CliError(
      `Cannot write to ${relative(io.cwd, config.outDir) || '.'}: ${(error as Error).message}. Choose another folder with --out.`,
      ExitCode.deckFailed,
    );
  }
  const strict = values.strict === true;
  if (typeof values.data === 'string') {
    if (decks.length !== 1)
      throw new CliError(
        '--data builds one deck once per row: name that one deck, as in podium build decks/comment.mdx --data decks/data/districts.csv',
      );
    if (values['og-image'] || values.check)
      throw new CliError('--og-image and --check do not work with --data yet: build the rows, then check one deck.');
    const { buildRowsCommand } = await import('./buildRowsCommand.ts');
    return buildRowsCommand(decks[0]!, resolve(io.cwd, values.data), config, io, strict);
  }
  const index = values.index === true;
  if (index && decks.some((file) => `${basename(file, extname(file))}.html` === indexFileName))
    throw new CliError(
      `--index writes ${indexFileName}, which a deck named index.mdx would also be written to. Rename the deck.`,
    );
  const entries: IndexEntry[] = [];
  const chromium = buildChromium(values, io);
  const browser = chromium ? await launchChromiumFor(chromium.executablePath) : undefined;
  const pictures = chromium?.pictures ? browser : undefined;
  // Decks made from one template share their unchanged slides' parses.
  const parses = new SlideParses();
  try {
    const code = await eachDeck(decks, io, 'build', async (file) => {
      const name = basename(file, extname(file));
      const target = join(config.outDir, `${name}.html`);
      const { deck, file: written } = await buildDeck(file, config, undefined, {
        ogImage: pictures ? `${name}.png` : undefined,
        parses,
      });
      if (pictures) {
        // The title slide is drawn from the deck written beside its target, and its slides
        // measured in the same page; a refused deck leaves neither behind.
        let warnings = deck.messages;
        await writeWithPicture(target, written.bytes, join(config.outDir, `${name}.png`), async (htmlFile) => {
          const { picture, tall } = await titleSlidePicture(pictures, htmlFile);
          warnings = [...deck.messages, ...tallSlideWarnings(deck, tall)];
          refuseWarningsWhenStrict(warnings, strict);
          return picture;
        });
        io.out(`${relative(io.cwd, target)}  ${sizes(written)}, with ${name}.png`);
        entries.push(indexEntry(deck, `${name}.html`, written.byteLength));
        return warnings;
      }
      const warnings = [
        ...deck.messages,
        ...(browser ? tallSlideWarnings(deck, await tallSlidesIn(browser, written.html)) : []),
      ];
      refuseWarningsWhenStrict(warnings, strict);
      writeAtomically(target, written.chunks);
      io.out(`${relative(io.cwd, target)}  ${sizes(written)}`);
      entries.push(indexEntry(deck, `${name}.html`, written.byteLength));
      return warnings;
    });
    if (index) await writeIndex(config.outDir, entries, decks.length - entries.length, io);
    return code;
  } finally {
    await browser?.close();
  }
}

/**
 * The Chromium a build drives, if any. Measuring each slide for one too tall needs a browser,
 * so a plain build skips it and stays fast: --check asks for it (and needs Chromium), --strict
 * measures when Chromium is there, and --og-image measures with the browser it starts anyway.
 */
function buildChromium(
  values: Record<string, unknown>,
  io: ChromiumIo,
): { executablePath: string; pictures: boolean } | undefined {
  const chosen = values.chrome as string | undefined;
  if (values['og-image'])
    return {
      executablePath: chromiumFor(chosen, io, '--og-image draws the title slide with Chromium'),
      pictures: true,
    };
  if (values.check)
    return { executablePath: chromiumFor(chosen, io, '--check measures each slide in Chromium'), pictures: false };
  if (!values.strict) return undefined;
  const found = foundChromium(chosen, io);
  if (found) return { executablePath: found, pictures: false };
  io.err(
    'No Chromium found, so no slide was measured for one too tall for the screen; podium pdf and podium dev report those.',
  );
  return undefined;
}

/**
 * The deck and its preview picture appear together or not at all: both are made beside
 * their targets, the picture from the new deck, then both renamed into place.
 */
async function writeWithPicture(
  target: string,
  html: Uint8Array,
  pictureTarget: string,
  picture: (htmlFile: string) => Promise<Buffer>,
): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp.html`;
  const temporaryPicture = `${pictureTarget}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, html);
    await writeFile(temporaryPicture, await picture(temporary));
    await rename(temporaryPicture, pictureTarget);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
    await rm(temporaryPicture, { force: true });
  }
}

function sizes(file: DocumentFile): string {
  const raw = file.byteLength;
  const gzip = gzipSize(file);
  return `${kilobytes(raw)} (${kilobytes(gzip)} gzip)`;
}

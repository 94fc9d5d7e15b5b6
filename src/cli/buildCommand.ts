import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDeck } from '../buildDeck.ts';
import { DeckError } from '../compile/deckError.ts';
import { resolveConfig, type PodiumConfig } from '../config.ts';
import { launchForPictures, titleSlidePicture } from '../render/ogImage.ts';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './run.ts';

/** `podium build`: every named deck (or all of decks/) into one HTML file each. */
export default async function buildCommand({ positionals, values }: { positionals: string[]; values: Record<string, unknown> }, io: Io): Promise<number> {
  const config = resolveConfig({ root: io.cwd, outDir: values.out as string | undefined });
  const decks = await findDecks(positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [config.decksDir], config);
  await mkdir(config.outDir, { recursive: true });
  const pictures = values['og-image'] ? await launchForPictures() : undefined;
  let failed = 0;
  try {
    for (const file of decks) {
      const name = basename(file, extname(file));
      const target = join(config.outDir, `${name}.html`);
      try {
        const { html } = await buildDeck(file, config, undefined, { ogImage: pictures ? `${name}.png` : undefined });
        if (pictures) {
          await writeWithPicture(target, html, join(config.outDir, `${name}.png`), (htmlFile) => titleSlidePicture(pictures, htmlFile));
          io.out(`${relative(io.cwd, target)}  ${sizes(html)}, with ${name}.png`);
        } else {
          await writeAtomically(target, html);
          io.out(`${relative(io.cwd, target)}  ${sizes(html)}`);
        }
      } catch (error) {
        failed += 1;
        io.err(error instanceof DeckError ? `${error.format(io.cwd)}\n` : `${relative(io.cwd, file)}: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
  } finally {
    await pictures?.close();
  }
  if (failed > 0) io.err(`${failed} of ${decks.length} deck${decks.length === 1 ? '' : 's'} failed to build.`);
  return failed > 0 ? ExitCode.deckFailed : ExitCode.ok;
}

/** Deck files named on the command line; a folder stands for the .mdx files in it. */
async function findDecks(paths: string[], config: PodiumConfig): Promise<string[]> {
  const decks: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError(`No such deck or folder: ${relative(config.root, path) || path}`, ExitCode.deckFailed);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith('.mdx')).sort();
      decks.push(...names.map((name) => join(path, name)));
    } else {
      decks.push(path);
    }
  }
  if (decks.length === 0) throw new CliError(`No decks (.mdx files) found in ${paths.map((p) => relative(config.root, p) || '.').join(', ')}`, ExitCode.deckFailed);
  const byName = new Map<string, string>();
  for (const deck of decks) {
    const name = basename(deck, extname(deck));
    const other = byName.get(name);
    if (other && other !== deck) throw new CliError(`Two decks would both be written to ${name}.html: ${other} and ${deck}. Rename one.`, ExitCode.deckFailed);
    byName.set(name, deck);
  }
  return [...byName.values()];
}

/** Writes beside the target, then renames, so a reader never sees a half-written deck. */
async function writeAtomically(target: string, content: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The deck and its preview picture appear together or not at all: both are made beside
 * their targets, the picture from the new deck, then both renamed into place.
 */
async function writeWithPicture(target: string, html: string, pictureTarget: string, picture: (htmlFile: string) => Promise<Buffer>): Promise<void> {
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

function sizes(html: string): string {
  const raw = Buffer.byteLength(html);
  const gzip = gzipSync(html, { level: 9 }).length;
  return `${kilobytes(raw)} (${kilobytes(gzip)} gzip)`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

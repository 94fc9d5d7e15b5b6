import { join, relative } from 'node:path';
import type { Deck } from '../compile/index.ts';
import { indexDocument, type IndexEntry } from '../render/indexPage.ts';
import { documentHtml } from '../render/standaloneDocument.ts';
import type { Io } from './io.ts';
import { writeAtomically } from './outputFiles.ts';

/** The name of the page that lists the decks of a build, beside them. */
export const indexFileName = 'index.html';

/** How the index lists a deck just written to `fileName`. */
export function indexEntry(deck: Deck, fileName: string, bytes: number): IndexEntry {
  const { title, meeting, date, description, lang } = deck.meta;
  return { title, meeting, date, description, lang, fileName, bytes };
}

/** Writes index.html listing the decks built; the ones that failed are not on it, and the line says so. */
export async function writeIndex(outDir: string, entries: readonly IndexEntry[], failed: number, io: Io) {
  const target = join(outDir, indexFileName);
  writeAtomically(target, documentHtml(indexDocument(entries)));
  const listed = `lists ${entries.length} deck${entries.length === 1 ? '' : 's'}`;
  io.out(
    `${relative(io.cwd, target)}  ${listed}${failed > 0 ? `; ${failed} that failed ${failed === 1 ? 'is' : 'are'} not listed` : ''}`,
  );
}

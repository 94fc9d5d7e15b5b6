import { componentNames } from './compile/components/index.ts';
import { DeckSandboxes } from './compile/expressions/sandbox.ts';
import { prepareDeck, renderDeck, type Deck } from './compile/index.ts';
import { diskFiles, type DeckFiles } from './compile/deckFiles.ts';
import { DeckError, type Place } from './compile/deckError.ts';
import {
  checkRow,
  metaColumns,
  readRows,
  refuseSameTitle,
  rowColumns,
  rowMeta,
  rowName,
  type DataRow,
} from './compile/deckRows.ts';
import type { PodiumConfig } from './config.ts';
import { runtimeFiles } from './render/runtimeFiles.ts';
import { deckDocument, documentFile, type DocumentFile } from './render/standaloneDocument.ts';
import { loadTheme } from './render/theme.ts';
import { runtimeVariantFor } from './runtimeVariants.ts';

export interface RowsBuild {
  rows: DataRow[];
  /** The deck for one row, as the file `podium build --data` writes. */
  build: (row: DataRow) => Promise<{ deck: Deck; file: DocumentFile }>;
  /** Lets go of what the rows shared (their sandboxes), once every row is built. */
  done: () => Promise<void>;
}

/**
 * One deck, many rows: the deck is parsed, checked and its data read once; each row then only
 * re-evaluates the deck's expressions with its own `row` and renders the document.
 */
export async function prepareRows(
  file: string,
  data: { path: string; text: string },
  config: PodiumConfig,
  files: DeckFiles = diskFiles(config.readableDirs),
): Promise<RowsBuild> {
  const prepared = await prepareDeck({ file, root: config.root, publicDir: config.publicDir, files });
  refuseSameTitle(prepared.meta, prepared.placeOf, prepared.source);
  if (rowName in prepared.data)
    throw new DeckError(`The deck imports data named "${rowName}", the name each row of --data goes by`, {
      place: { file, line: 1, column: 1 },
      hint: `Import it under another name: import figures from './data/….json'.`,
      text: prepared.source,
      ruleId: 'rows-name-taken',
    });
  const rows = readRows(data.path, data.text);
  const used = new Map<string, Place>(rowColumns(prepared.tree, file));
  for (const { key, column } of metaColumns(prepared.meta))
    if (!used.has(column)) used.set(column, prepared.placeOf(key));
  // The theme is the same for every row (or nearly): read and checked once (runtimeFiles keeps the runtime).
  const themes = new Map<string, string>();
  const sandboxes = new DeckSandboxes(componentNames);
  return {
    rows,
    done: () => sandboxes.dispose(),
    build: async (row) => {
      checkRow(row, rows, used, { text: prepared.source, dataText: data.text });
      const deck = await renderDeck(prepared, {
        row: row.values,
        meta: rowMeta(prepared.meta, row.values),
        sandboxes,
      });
      const runtime = runtimeFiles(runtimeVariantFor(deck.chartTypes));
      let themeStyle = themes.get(deck.meta.theme);
      if (themeStyle === undefined) {
        themeStyle = loadTheme(deck, config.themeDirs, files, runtime.style).css;
        themes.set(deck.meta.theme, themeStyle);
      }
      const document = deckDocument(deck, { runtimeScript: runtime.script, runtimeStyle: runtime.style, themeStyle });
      return { deck, file: documentFile(document) };
    },
  };
}

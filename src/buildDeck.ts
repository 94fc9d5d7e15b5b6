import type { Root } from 'hast';
import type { DeckSandboxes } from './compile/expressions/sandbox.ts';
import type { SlideParses } from './compile/slideParses.ts';
import { compileDeck, type Deck } from './compile/index.ts';
import { diskFiles, type DeckFiles } from './compile/deckFiles.ts';
import type { PodiumConfig } from './config.ts';
import { runtimeFiles } from './render/runtimeFiles.ts';
import { deckDocument, documentFile, inlineScriptHash, type DocumentFile } from './render/standaloneDocument.ts';
import { loadTheme } from './render/theme.ts';
import { runtimeVariantFor } from './runtimeVariants.ts';

export interface BuiltDeck {
  deck: Deck;
  /** The document as a tree, for a front door that adds to it (the dev server adds its client). */
  document: Root;
  /** The document as the file `podium build` writes, serialized when first asked for. */
  readonly file: DocumentFile;
  /** The file's text. */
  readonly html: string;
  /** Every file the build read or looked for, theme included. */
  files: string[];
  /** The hash source the document's policy allows its runtime by (a dev page's policy needs it too). */
  runtimeHash: string;
}

export interface BuildOptions {
  /** File name of the title-slide picture written beside the HTML, for link previews. */
  ogImage?: string;
  /** Sandboxes kept from one build of this deck to the next (see CompileOptions). */
  sandboxes?: DeckSandboxes;
  /** Slides' parses kept from deck to deck (see CompileOptions). */
  parses?: SlideParses;
}

/** Deck file → standalone HTML. Every front door (CLI, dev server, PDF) builds through here. */
export async function buildDeck(
  file: string,
  config: PodiumConfig,
  files: DeckFiles = diskFiles(config.readableDirs),
  options: BuildOptions = {},
): Promise<BuiltDeck> {
  const { sandboxes, parses } = options;
  const deck = await compileDeck({ file, root: config.root, publicDir: config.publicDir, files, sandboxes, parses });
  const runtime = runtimeFiles(runtimeVariantFor(deck.chartTypes));
  // The runtime's style is Podium's base stylesheet: the theme's contrast is checked over its defaults.
  const theme = loadTheme(deck, config.themeDirs, files, runtime.style);
  const document = deckDocument(deck, {
    runtimeScript: runtime.script,
    runtimeStyle: runtime.style,
    themeStyle: theme.css,
    ogImage: options.ogImage,
  });
  let serialized: DocumentFile | undefined;
  const serializedFile = () => {
    serialized ??= documentFile(document);
    return serialized;
  };
  return {
    deck,
    document,
    get file() {
      return serializedFile();
    },
    get html() {
      return serializedFile().html;
    },
    files: [...files.used],
    runtimeHash: inlineScriptHash(runtime.script),
  };
}

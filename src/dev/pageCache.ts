import { dirname, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Root } from 'hast';
import { buildDeck } from '../buildDeck.ts';
import { DeckError } from '../compile/deckError.ts';
import { diskFiles } from '../compile/deckFiles.ts';
import { componentNames } from '../compile/components/index.ts';
import { DeckSandboxes } from '../compile/expressions/sandbox.ts';
import type { Deck } from '../compile/index.ts';
import { SlideParses } from '../compile/slideParses.ts';
import type { PodiumConfig } from '../config.ts';
import { devEvents, type DevEventMap } from '../contract/devEvents.ts';
import { overlayError } from './devPage.ts';
import { type SlideChanges, slideChanges } from './slideChanges.ts';

/** A deck page the browser has open: the deck, the files it read, and its last good build. */
export interface DeckPage {
  /** Its address, e.g. /school-support-staff.html */
  page: string;
  file: string;
  dependencies: Set<string>;
  /** Counts the builds, so that a page can say which one it shows. */
  build: number;
  document?: Root;
  /** Which build the document is. */
  documentBuild?: number;
  /** When only slides changed since the good build before: a page showing that build updates in place. */
  changes?: SlideChanges & { from: number };
  /** The last good build's deck: its warnings, and the slides a page measures too tall. */
  compiled?: Deck;
  /** The hash source the last good build's policy allows its runtime by. */
  runtimeHash?: string;
  error?: DeckError;
  building?: Promise<void>;
  /** Its sandboxes, kept from one save to the next: starting the interpreter was a tenth of a rebuild. */
  sandboxes: DeckSandboxes;
}

/** What a page is told after its deck was built again: the new build, the slides it changed, or the error. */
export type PageNews =
  | { event: typeof devEvents.update; data: DevEventMap[typeof devEvents.update] }
  | { event: typeof devEvents.slides; data: DevEventMap[typeof devEvents.slides] }
  | { event: typeof devEvents.error; data: DevEventMap[typeof devEvents.error] };

export interface PageCacheOptions {
  config: PodiumConfig;
  log: (line: string) => void;
  logError: (line: string) => void;
  /** Called with every file a build read or looked for, so that saving it rebuilds the deck. */
  watch: (files: string[]) => void;
}

/**
 * The decks the browser has open, each with its last build, built again when a file it read
 * changes. A deck error is kept to show, never thrown: the server goes on.
 */
export class PageCache {
  readonly #pages = new Map<string, DeckPage>();
  /** Every file given to the watcher so far. */
  readonly #watched = new Set<string>();
  readonly #options: PageCacheOptions;
  /** Slides' parses kept from save to save: a save parses again only the slides it changed. */
  readonly #parses = new SlideParses();

  constructor(options: PageCacheOptions) {
    this.#options = options;
  }

  get(page: string): DeckPage | undefined {
    return this.#pages.get(page);
  }

  /** The page of this deck file at this address, built when it has no good build yet. */
  async open(page: string, file: string): Promise<DeckPage> {
    let deck = this.#pages.get(page);
    if (!deck || deck.file !== file) {
      if (deck) void deck.sandboxes.dispose();
      deck = { page, file, dependencies: new Set([file]), build: 0, sandboxes: new DeckSandboxes(componentNames) };
      this.#pages.set(page, deck);
    }
    if (deck.building !== undefined) await deck.building;
    // A reload of a page in error tries again: the fix may have come from outside the watched files.
    if (deck.document === undefined || deck.error) await this.rebuild(deck);
    return deck;
  }

  /** The pages whose deck read this file. */
  dependents(file: string): DeckPage[] {
    return [...this.#pages.values()].filter((deck) => deck.dependencies.has(file));
  }

  /** Forgets a page whose deck file is gone. */
  close(page: string): void {
    void this.#pages.get(page)?.sandboxes.dispose();
    this.#pages.delete(page);
  }

  /** Lets go of every page's sandboxes, as the server stops. */
  async dispose(): Promise<void> {
    await Promise.all([...this.#pages.values()].map((deck) => deck.sandboxes.dispose()));
    this.#pages.clear();
  }

  /** Builds once however many saves arrive while building. */
  rebuild(deck: DeckPage): Promise<void> {
    deck.building ??= this.#build(deck).finally(() => (deck.building = undefined));
    return deck.building;
  }

  news(deck: DeckPage): PageNews {
    if (deck.error) return { event: devEvents.error, data: { page: deck.page, err: overlayError(deck.error) } };
    if (!deck.changes) return { event: devEvents.update, data: { page: deck.page } };
    const { from, stamp, slides } = deck.changes;
    const data = { page: deck.page, from, build: deck.build, stamp, slides, warnings: this.warnings(deck) };
    return { event: devEvents.slides, data };
  }

  /** The last good build's warnings, one line each, for the bar at a page's foot. */
  warnings(deck: DeckPage): string[] {
    return deck.compiled?.messages.map((warning) => warning.format(dirname(deck.file)).split('\n')[0]!) ?? [];
  }

  async #build(deck: DeckPage): Promise<void> {
    const { config, log, logError, watch } = this.#options;
    const started = performance.now();
    const files = diskFiles(config.readableDirs);
    deck.build += 1;
    try {
      const built = await buildDeck(deck.file, config, files, { sandboxes: deck.sandboxes, parses: this.#parses });
      const from = deck.documentBuild;
      const changes = deck.document && slideChanges(deck.document, built.document);
      deck.changes = changes && from !== undefined ? { ...changes, from } : undefined;
      deck.document = built.document;
      deck.documentBuild = deck.build;
      deck.compiled = built.deck;
      deck.runtimeHash = built.runtimeHash;
      deck.error = undefined;
      log(`built ${relative(config.root, deck.file)} in ${(performance.now() - started).toFixed(0)} ms`);
      for (const warning of built.deck.messages) logError(`${warning.format(config.root)}\n`);
    } catch (error) {
      // Any failure shows in the page; only a deck's own mistakes have a line to point at.
      deck.error =
        error instanceof DeckError
          ? error
          : new DeckError(`The deck could not be built: ${(error as Error).message}`, {
              place: { file: deck.file, line: 1, column: 1 },
              ruleId: 'build-failed',
              cause: error,
            });
      logError(deck.error.format(config.root));
    }
    // Everything the build read or looked for, even when it failed: creating the missing file fixes it.
    deck.dependencies = new Set([deck.file, ...files.used, ...(deck.error ? [deck.error.place.file] : [])]);
    // Data, images and themes may sit outside the project folder Vite watches by default. Each
    // file is given to the watcher once: adding it again made it look at every file again, each save.
    const unwatched = [...deck.dependencies].filter((dependency) => !this.#watched.has(dependency));
    for (const dependency of unwatched) this.#watched.add(dependency);
    if (unwatched.length > 0) watch(unwatched);
  }
}

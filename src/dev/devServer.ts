import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { buildDeck } from '../buildDeck.ts';
import { DeckError } from '../compile/deckError.ts';
import { diskFiles } from '../compile/deckFiles.ts';
import type { PodiumConfig } from '../config.ts';
import { devClientScript } from './devClient.ts';
import { deckIndexPage, listDecks } from './deckIndex.ts';

export interface DevServerOptions {
  config: PodiumConfig;
  /** The port to try first; the next free one is used when it is taken. 0 picks any free port. */
  port?: number;
  log?: (line: string) => void;
  logError?: (line: string) => void;
}

export interface DevServer {
  /** The address of the deck index, e.g. http://localhost:5170/ */
  url: string;
  close(): Promise<void>;
}

/** A deck page the browser has open: the deck, the files it read, and its last good build. */
interface DeckPage {
  /** Its address, e.g. /school-support-staff.html */
  page: string;
  file: string;
  dependencies: Set<string>;
  /** Counts the builds, so that a page can say which one it shows. */
  build: number;
  html?: string;
  error?: DeckError;
  building?: Promise<void>;
}

const indexPage = '/';

/**
 * `podium dev`: a Vite server whose pages are the documents `podium build` writes, plus a
 * small client that reloads the page when a file the deck read changes and shows errors in
 * Vite's overlay. A deck error never stops the server.
 */
export async function startDevServer({ config, port = 5170, log = console.log, logError = console.error }: DevServerOptions): Promise<DevServer> {
  const pages = new Map<string, DeckPage>();
  let vite: ViteDevServer;

  // The page path arrives decoded once; a name is a single file in decks/, never a path.
  const deckFileFor = (page: string) => {
    const name = basename(page, '.html');
    return /[/\\]|^\.\.?$/.test(name) ? undefined : join(config.decksDir, `${name}.mdx`);
  };

  async function build(deck: DeckPage): Promise<void> {
    const started = performance.now();
    const files = diskFiles(config.readableDirs);
    deck.build += 1;
    try {
      // The dev page adds Vite's client and its own script, which the shared file's policy would refuse.
      // The page client goes in as the document is built: Vite's own HTML pass over a whole deck
      // would take longer than the build.
      const built = await buildDeck(deck.file, config, files, { withoutPolicy: true, devClient: devClientScript(deck.page, undefined, deck.build) });
      deck.html = built.html;
      deck.error = undefined;
      log(`built ${relative(config.root, deck.file)} in ${(performance.now() - started).toFixed(0)} ms`);
    } catch (error) {
      // Any failure shows in the page; only a deck's own mistakes have a line to point at.
      deck.error =
        error instanceof DeckError
          ? error
          : new DeckError(`The deck could not be built: ${(error as Error).message}`, { place: { file: deck.file, line: 1, column: 1 }, ruleId: 'build-failed', cause: error });
      logError(deck.error.format(config.root));
    }
    // Everything the build read or looked for, even when it failed: creating the missing file fixes it.
    deck.dependencies = new Set([deck.file, ...files.used, ...(deck.error ? [deck.error.place.file] : [])]);
    // Data, images and themes may sit outside the project folder Vite watches by default.
    vite.watcher.add([...deck.dependencies]);
  }

  /** Builds once however many saves arrive while building. */
  function rebuild(deck: DeckPage): Promise<void> {
    deck.building ??= build(deck).finally(() => (deck.building = undefined));
    return deck.building;
  }

  async function serveDeck(page: string, response: ServerResponse): Promise<boolean> {
    const file = deckFileFor(page);
    if (!file || !existsSync(file)) return false;
    let deck = pages.get(page);
    if (!deck || deck.file !== file) {
      deck = { page, file, dependencies: new Set([file]), build: 0 };
      pages.set(page, deck);
    }
    if (deck.building) await deck.building;
    // A reload of a page in error tries again: the fix may have come from outside the watched files.
    if (deck.html === undefined || deck.error) await rebuild(deck);
    const html = deck.error ? errorDocument(deck.error, devClientScript(page, overlayError(deck.error), deck.build)) : deck.html!;
    response.statusCode = deck.error ? 500 : 200;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.end(html);
    return true;
  }

  function overlayError(error: DeckError) {
    return {
      message: `${error.message}${error.hint ? `\n${error.hint}` : ''}`,
      stack: '',
      id: error.place.file,
      frame: error.frame(),
      plugin: 'podium',
      loc: { file: error.place.file, line: error.place.line, column: error.place.column },
    };
  }

  const plugin: Plugin = {
    name: 'podium:dev',
    configureServer(server) {
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
        const url = request.url ?? '/';
        const respond = async () => {
          const path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
          if (path === '/' || path === '/index.html') {
            response.setHeader('content-type', 'text/html; charset=utf-8');
            response.end(await vite.transformIndexHtml(url, deckIndexPage(await listDecks(config.decksDir), devClientScript(indexPage))));
            return;
          }
          if (/^\/[^/]+\.html$/.test(path) && (await serveDeck(path, response))) return;
          if (path === '/favicon.ico') {
            response.statusCode = 204;
            response.end();
            return;
          }
          next();
        };
        respond().catch(next);
      });
    },
    handleHotUpdate() {
      // Pages update through podium:update below; Vite's own module updates do not apply.
      return [];
    },
  };

  vite = await createServer({
    configFile: false,
    root: config.root,
    appType: 'custom',
    logLevel: 'warn',
    clearScreen: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port, strictPort: false, host: 'localhost' },
    plugins: [plugin],
  });

  const onFile = (event: 'add' | 'change' | 'unlink') => async (file: string) => {
    const path = resolve(file);
    if (path.endsWith('.mdx') && dirname(path) === config.decksDir && event !== 'change') {
      vite.ws.send({ type: 'custom', event: 'podium:update', data: { page: indexPage } });
    }
    for (const [page, deck] of pages) {
      if (!deck.dependencies.has(path)) continue;
      if (event === 'unlink' && path === deck.file) {
        pages.delete(page);
        continue;
      }
      await rebuild(deck).catch((error: unknown) => logError(String(error)));
      vite.ws.send({ type: 'custom', ...pageNews(page, deck) });
    }
  };
  /** What a page is told after its deck was built again: the new build, or the error. */
  const pageNews = (page: string, deck: DeckPage) =>
    deck.error ? { event: 'podium:error', data: { page, err: overlayError(deck.error) } } : { event: 'podium:update', data: { page } };
  vite.ws.on('podium:hello', (data: { page: string; build: number }, client) => {
    const deck = pages.get(data.page);
    if (!deck) return;
    void (deck.building ?? Promise.resolve()).then(() => {
      if (deck.build === data.build) return;
      const news = pageNews(data.page, deck);
      client.send(news.event, news.data);
    });
  });
  vite.ws.on('podium:too-tall', (data: { page: string; tall: Array<{ slide: number; over: number }> }) => {
    const deck = pages.get(data.page);
    const name = deck ? relative(config.root, deck.file) : data.page;
    for (const { slide, over } of data.tall) logError(`${name}: slide ${slide} is ${over} px taller than the slide area; its bottom is cut off when presenting.`);
  });
  vite.watcher.on('add', onFile('add'));
  vite.watcher.on('change', onFile('change'));
  vite.watcher.on('unlink', onFile('unlink'));

  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  return { url, close: () => vite.close() };
}

/** What a deck that does not build shows in place of its slides: the error, in Vite's overlay. */
function errorDocument(error: DeckError, devClient: string): string {
  return toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [h('meta', { charSet: 'utf-8' }), h('title', `Error in ${basename(error.place.file)}`), h('script', { type: 'module' }, devClient)]),
        // The overlay covers this; without script the message is still here.
        h('body', [h('pre', error.format(dirname(error.place.file)))]),
      ]),
    ],
  });
}

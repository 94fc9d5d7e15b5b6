import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { buildDeck } from '../buildDeck.ts';
import { DeckError } from '../compile/deckError.ts';
import type { Deck } from '../compile/index.ts';
import { diskFiles } from '../compile/deckFiles.ts';
import type { PodiumConfig } from '../config.ts';
import { contentSecurityPolicy } from '../render/contentSecurityPolicy.ts';
import { inlineScriptHash } from '../render/standaloneDocument.ts';
import { tallSlideWarnings, type TallSlide } from '../slideFit.ts';
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
  /** The last good build's deck, for its warnings and to name the slides the page measures too tall. */
  compiled?: Deck;
  /** The hash sources of the last good build's inline scripts: the runtime and the page client. */
  scripts: string[];
  error?: DeckError;
  building?: Promise<void>;
}

const indexPage = '/';

/**
 * `podium dev`: a Vite server whose pages are the documents `podium build` writes, plus a
 * small client that reloads the page when a file the deck read changes and shows errors in
 * Vite's overlay. A deck error never stops the server.
 *
 * A deck and its data are as untrusted here as in the shared file: every page runs under the
 * shared file's policy, sent as a header, which adds only the page's client, Vite's client
 * modules and the websocket back to this server. The server answers only for the pages, the
 * favicon and Vite's client; every other address, the project's files included, is not found.
 */
export async function startDevServer({
  config,
  port = 5170,
  log = console.log,
  logError = console.error,
}: DevServerOptions): Promise<DevServer> {
  const pages = new Map<string, DeckPage>();
  let vite: ViteDevServer;
  let listeningPort = 0;

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
      // The page client goes in as the document is built: Vite's own HTML pass over a whole deck
      // would take longer than the build.
      const client = devClientScript(deck.page, undefined, deck.build);
      const built = await buildDeck(deck.file, config, files, { devClient: client });
      deck.html = built.html;
      deck.compiled = built.deck;
      deck.scripts = [built.runtimeHash, inlineScriptHash(client)];
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
    // Data, images and themes may sit outside the project folder Vite watches by default.
    vite.watcher.add([...deck.dependencies]);
  }

  /** Builds once however many saves arrive while building. */
  function rebuild(deck: DeckPage): Promise<void> {
    deck.building ??= build(deck).finally(() => (deck.building = undefined));
    return deck.building;
  }

  async function serveDeck(page: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const file = deckFileFor(page);
    if (!file || !existsSync(file)) return false;
    let deck = pages.get(page);
    if (!deck || deck.file !== file) {
      deck = { page, file, dependencies: new Set([file]), build: 0, scripts: [] };
      pages.set(page, deck);
    }
    if (deck.building !== undefined) await deck.building;
    // A reload of a page in error tries again: the fix may have come from outside the watched files.
    if (deck.html === undefined || deck.error) await rebuild(deck);
    if (deck.error) {
      const client = devClientScript(page, overlayError(deck.error), deck.build);
      await sendPage(request, response, 500, errorDocument(deck.error, client), [inlineScriptHash(client)]);
    } else {
      await sendPage(request, response, 200, deck.html!, deck.scripts);
    }
    return true;
  }

  /** Vite's client and the modules it imports: the only scripts a page loads from the server. */
  let viteClient: Promise<Set<string>> | undefined;
  const viteClientModules = () => {
    viteClient ??= moduleAndImports(vite, '/@vite/client').catch((error: unknown) => {
      viteClient = undefined;
      throw error;
    });
    return viteClient;
  };

  /** A page, under the shared file's policy plus its own inline scripts, Vite's client and the websocket. */
  async function sendPage(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    html: string,
    inlineScripts: string[],
  ) {
    const host = serverHost(request.headers.host, listeningPort);
    const viteScripts = [...(await viteClientModules())].map(
      (path) => `http://${host}${path.replace(/[\s;,]/g, encodeURIComponent)}`,
    );
    response.statusCode = status;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.setHeader(
      'content-security-policy',
      contentSecurityPolicy([...inlineScripts, ...viteScripts], `ws://${host}`),
    );
    response.end(html);
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
      // Before Vite's middlewares that serve files: what this does not answer or pass on is not found.
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
        const respond = async () => {
          const { path, query } = requestedPath(request.url ?? '/');
          if (path === undefined) return plainAnswer(response, 400, 'Bad request: the address is not valid.');
          if (path === '/' || path === '/index.html') {
            const client = devClientScript(indexPage);
            return sendPage(request, response, 200, deckIndexPage(await listDecks(config.decksDir), client), [
              inlineScriptHash(client),
            ]);
          }
          if (/^\/[^/]+\.html$/.test(path) && (await serveDeck(path, request, response))) return;
          if (path === '/favicon.ico') {
            response.statusCode = 204;
            response.end();
            return;
          }
          if (query === undefined && (await viteClientModules()).has(path)) return next();
          plainAnswer(response, 404, 'Not found.');
        };
        respond().catch((error: unknown) => {
          logError(`podium dev could not answer ${request.url}: ${String(error)}`);
          if (!response.headersSent) plainAnswer(response, 500, 'The dev server could not answer; see the terminal.');
          else response.end();
        });
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
    // No cross-origin reads: a page of another local server cannot fetch the decks.
    server: { port, strictPort: false, host: 'localhost', cors: false },
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
    deck.error
      ? { event: 'podium:error', data: { page, err: overlayError(deck.error) } }
      : { event: 'podium:update', data: { page } };
  vite.ws.on('podium:hello', (data: { page: string; build: number }, client) => {
    const deck = pages.get(data.page);
    if (!deck) return;
    void (deck.building ?? Promise.resolve()).then(() => {
      if (deck.build === data.build) {
        // The page shows its deck's warnings in the bar at its foot, as it shows slides too tall.
        const warnings = deck.compiled?.messages.map((warning) => warning.format(dirname(deck.file)).split('\n')[0]);
        if (warnings?.length) client.send('podium:warnings', { page: data.page, warnings });
        return;
      }
      const news = pageNews(data.page, deck);
      client.send(news.event, news.data);
    });
  });
  vite.ws.on('podium:too-tall', (data: { page: string; tall: TallSlide[] }) => {
    const compiled = pages.get(data.page)?.compiled;
    if (!compiled) return;
    // The page's own report, taken only for what it can mean: a slide number and a height.
    const tall = data.tall.filter(({ slide, over }) => Number.isInteger(slide) && Number.isInteger(over));
    for (const warning of tallSlideWarnings(compiled, tall)) logError(`${warning.format(config.root)}\n`);
  });
  vite.watcher.on('add', onFile('add'));
  vite.watcher.on('change', onFile('change'));
  vite.watcher.on('unlink', onFile('unlink'));

  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  listeningPort = Number(new URL(url).port);
  return { url, close: () => vite.close() };
}

/**
 * The decoded path and the query of a request's address; no path when its percent-encoding is
 * malformed. Dot segments stay as sent, so such a path names no page.
 */
function requestedPath(url: string): { path?: string; query?: string } {
  const queryStart = url.indexOf('?');
  const query = queryStart === -1 ? undefined : url.slice(queryStart + 1);
  try {
    return { path: decodeURIComponent(queryStart === -1 ? url : url.slice(0, queryStart)), query };
  } catch {
    return { query };
  }
}

/** The server as the page addresses it (what Vite's client connects back to), else as it is announced. */
function serverHost(requested: string | undefined, port: number): string {
  const names = ['localhost', '127.0.0.1', '[::1]'].map((name) => `${name}:${port}`);
  const host = requested?.toLowerCase();
  return host && names.includes(host) ? host : names[0];
}

function plainAnswer(response: ServerResponse, status: number, text: string) {
  response.statusCode = status;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.setHeader('content-security-policy', "default-src 'none'");
  response.end(`${text}\n`);
}

/** A module Vite serves and every module it imports, by address. */
async function moduleAndImports(vite: ViteDevServer, entry: string): Promise<Set<string>> {
  const { client } = vite.environments;
  const found = new Set<string>();
  const visit = async (url: string) => {
    if (found.has(url)) return;
    found.add(url);
    await client.transformRequest(url);
    const module = await client.moduleGraph.getModuleByUrl(url);
    for (const imported of module?.importedModules ?? []) await visit(imported.url);
  };
  await visit(entry);
  return found;
}

/** What a deck that does not build shows in place of its slides: the error, in Vite's overlay. */
function errorDocument(error: DeckError, devClient: string): string {
  return toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('title', `Error in ${basename(error.place.file)}`),
          h('script', { type: 'module' }, devClient),
        ]),
        // The overlay covers this; without script the message is still here.
        h('body', [h('pre', error.format(dirname(error.place.file)))]),
      ]),
    ],
  });
}

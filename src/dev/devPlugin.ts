import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import type { Root } from 'hast';
import type { Plugin, ViteDevServer } from 'vite';
import type { PodiumConfig } from '../config.ts';
import { contentSecurityPolicy } from '../render/contentSecurityPolicy.ts';
import { documentHtml } from '../render/standaloneDocument.ts';
import { deckIndexPage, listDecks } from './deckIndex.ts';
import { errorDocument, overlayError, pageClient, withClient } from './devPage.ts';
import type { PageCache } from './pageCache.ts';

/** The address of the deck index. */
export const indexPage = '/';

export interface DevPluginOptions {
  config: PodiumConfig;
  pages: PageCache;
  logError: (line: string) => void;
}

/**
 * The Vite plugin that answers `podium dev`'s requests: the deck index, each deck's page (or its
 * error), the favicon and Vite's client. Every other address, the project's files included, is
 * not found.
 *
 * A deck and its data are as untrusted here as in the shared file: every page runs under the
 * shared file's policy, sent as a header, which adds only the page's client, Vite's client
 * modules and the websocket back to this server.
 */
export function podiumDevPlugin({ config, pages, logError }: DevPluginOptions): Plugin {
  return {
    name: 'podium:dev',
    configureServer(vite) {
      const viteClient = viteClientModules(vite);
      // Before Vite's middlewares that serve files: what this does not answer or pass on is not found.
      vite.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
        const respond = async () => {
          const { path, query } = requestedPath(request.url ?? '/');
          if (path === undefined) return plainAnswer(response, 400, 'Bad request: the address is not valid.');
          const send = async (status: number, document: Root, scripts: string[]) => {
            const host = serverHost(request.headers.host, (vite.httpServer?.address() as AddressInfo | null)?.port);
            const viteScripts = [...(await viteClient())].map(
              (module) => `http://${host}${module.replace(/[\s;,]/g, encodeURIComponent)}`,
            );
            response.statusCode = status;
            response.setHeader('content-type', 'text/html; charset=utf-8');
            response.setHeader('cache-control', 'no-store');
            response.setHeader(
              'content-security-policy',
              contentSecurityPolicy([...scripts, ...viteScripts], `ws://${host}`),
            );
            response.end(documentHtml(document));
          };
          if (path === '/' || path === '/index.html') {
            const client = await pageClient({ page: indexPage, build: null, error: null });
            return send(200, deckIndexPage(await listDecks(config.decksDir), client.script), [client.hash]);
          }
          const file = /^\/[^/]+\.html$/.test(path) ? deckFileFor(config, path) : undefined;
          if (file && existsSync(file)) {
            const deck = await pages.open(path, file);
            if (deck.error) {
              const error = overlayError(deck.error);
              const client = await pageClient({ page: path, build: deck.build, error });
              return send(500, errorDocument(deck.error, client), [client.hash]);
            }
            const client = await pageClient({ page: path, build: deck.build, error: null });
            return send(200, withClient(deck.document!, client), [deck.runtimeHash!, client.hash]);
          }
          if (path === '/favicon.ico') {
            response.statusCode = 204;
            response.end();
            return;
          }
          if (query === undefined && (await viteClient()).has(path)) return next();
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
      // Pages update through the podium:update event; Vite's own module updates do not apply.
      return [];
    },
  };
}

/** The deck file a page shows. The page path arrives decoded once; a name is a single file in decks/, never a path. */
function deckFileFor(config: PodiumConfig, page: string): string | undefined {
  const name = basename(page, '.html');
  return /[/\\]|^\.\.?$/.test(name) ? undefined : join(config.decksDir, `${name}.mdx`);
}

/** Vite's client and the modules it imports: the only scripts a page loads from the server. */
function viteClientModules(vite: ViteDevServer): () => Promise<Set<string>> {
  let modules: Promise<Set<string>> | undefined;
  return () => {
    modules ??= moduleAndImports(vite, '/@vite/client').catch((error: unknown) => {
      modules = undefined;
      throw error;
    });
    return modules;
  };
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
function serverHost(requested: string | undefined, port: number | undefined): string {
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

import type { ViteDevServer } from 'vite';
import type { PodiumConfig } from '../config.ts';
import { podiumDevPlugin } from './devPlugin.ts';
import { PageCache } from './pageCache.ts';
import { watchDecks } from './watcher.ts';

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

/**
 * `podium dev`: a Vite server whose pages are the documents `podium build` writes, each with a
 * small client added (which reloads the page when a file its deck read changes and shows errors
 * in Vite's overlay) and its policy sent as a header that allows that client. A deck error never
 * stops the server.
 */
export async function startDevServer({
  config,
  port = 5170,
  log = console.log,
  logError = console.error,
}: DevServerOptions): Promise<DevServer> {
  // The page cache asks the watcher to follow every file a build read, once Vite is up.
  let vite: ViteDevServer | undefined;
  const pages = new PageCache({ config, log, logError, watch: (files) => vite?.watcher.add(files) });
  // Vite is loaded only when the dev server starts: the other commands never need it.
  const { createServer } = await import('vite');
  vite = await createServer({
    configFile: false,
    root: config.root,
    appType: 'custom',
    logLevel: 'warn',
    clearScreen: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    // No cross-origin reads: a page of another local server cannot fetch the decks.
    server: { port, strictPort: false, host: 'localhost', cors: false },
    plugins: [podiumDevPlugin({ config, pages, logError })],
  });
  watchDecks(vite, { config, pages, logError });
  await vite.listen();
  const server = vite;
  return {
    url: vite.resolvedUrls?.local[0] ?? `http://localhost:${port}/`,
    close: async () => {
      await server.close();
      await pages.dispose();
    },
  };
}

import { dirname, resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import type { PodiumConfig } from '../config.ts';
import { devEvents, isHello, isTooTall } from '../contract/devEvents.ts';
import { tallSlideWarnings } from '../slideFit.ts';
import { indexPage } from './devPlugin.ts';
import type { PageCache } from './pageCache.ts';

export interface WatcherOptions {
  config: PodiumConfig;
  pages: PageCache;
  logError: (line: string) => void;
}

/**
 * Keeps open pages current: a saved file rebuilds the decks that read it and tells their pages;
 * a deck added or deleted updates the index. Pages say which build they show when they connect
 * (a save may have come while they loaded), and which slides are too tall.
 */
export function watchDecks(vite: ViteDevServer, { config, pages, logError }: WatcherOptions): void {
  const onFile = (event: 'add' | 'change' | 'unlink') => async (file: string) => {
    const path = resolve(file);
    if (path.endsWith('.mdx') && dirname(path) === config.decksDir && event !== 'change')
      vite.ws.send(devEvents.update, { page: indexPage });
    for (const deck of pages.dependents(path)) {
      if (event === 'unlink' && path === deck.file) {
        pages.close(deck.page);
        continue;
      }
      await pages.rebuild(deck).catch((error: unknown) => logError(String(error)));
      const news = pages.news(deck);
      vite.ws.send(news.event, news.data);
    }
  };
  vite.watcher.on('add', onFile('add'));
  vite.watcher.on('change', onFile('change'));
  vite.watcher.on('unlink', onFile('unlink'));

  vite.ws.on(devEvents.hello, (data: unknown, client) => {
    if (!isHello(data)) return;
    const deck = pages.get(data.page);
    if (!deck) return;
    void (deck.building ?? Promise.resolve()).then(() => {
      if (deck.build === data.build) {
        // The page shows its deck's warnings in the bar at its foot, as it shows slides too tall.
        const warnings = pages.warnings(deck);
        if (warnings.length) client.send(devEvents.warnings, { page: data.page, warnings });
        return;
      }
      const news = pages.news(deck);
      client.send(news.event, news.data);
    });
  });
  vite.ws.on(devEvents.tooTall, (data: unknown) => {
    if (!isTooTall(data)) return;
    const compiled = pages.get(data.page)?.compiled;
    if (!compiled) return;
    for (const warning of tallSlideWarnings(compiled, data.tall)) logError(`${warning.format(config.root)}\n`);
  });
}

import { createRequire } from 'node:module';

type LightningCss = typeof import('lightningcss');

let loaded: LightningCss | undefined;

/**
 * lightningcss, loaded when a build first reads a theme's CSS: it is a native addon that takes
 * longer to load than a small deck takes to compile, and a build whose themes are already known
 * never needs it.
 */
export function lightningcss(): LightningCss {
  loaded ??= createRequire(import.meta.url)('lightningcss') as LightningCss;
  return loaded;
}

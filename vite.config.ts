import type { Plugin as PostcssPlugin, Rule } from 'postcss';
import { defineConfig, type UserConfig } from 'vite';
import { runtimeVariantNames } from './src/contract/chartParts.ts';

// Builds the browser runtime once per variant (`vite build --mode bar|standard|full`):
// reveal.js, the Chart.js parts that variant draws, the chart code and the speaker view, as
// one script, plus reveal's stylesheet. Deck builds inline these files; they never bundle.
// `--mode dev-client` builds the client `podium dev` puts in its pages.
/** Slide and background transitions the runtime never selects (it uses slide, or none). */
const unusedTransition =
  /\.reveal\.(zoom|convex|concave|fade)(?![\w-])|data-transition~?=["']?(zoom|convex|concave|fade)(-in|-out)?["']?\]|data-background-transition~?=["']?(zoom|convex|concave|fade|slide)/;

/** reveal's lightbox and link previews: Podium decks never open one (the ? help overlay stays). */
const unusedPreview = /overlay-preview|preview-(fit|video|image|link)|overlay-(spinner|external|error|viewport)/;

/** Drops reveal.css rules for those transitions and previews: about 15 kB of every deck. */
const dropUnusedRevealStyles: PostcssPlugin = {
  postcssPlugin: 'podium-drop-unused-reveal-styles',
  Rule(rule: Rule) {
    const kept = rule.selectors.filter((selector) => !unusedTransition.test(selector) && !unusedPreview.test(selector));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  },
};

/** What every bundle Podium ships has in common: one folder, no public files, ES2022. */
const shared = {
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'build/runtime',
    emptyOutDir: false,
    // Every browser a deck may open in runs ES2022; older targets cost 10% in size.
    target: 'es2022',
    reportCompressedSize: false,
  },
} satisfies UserConfig;

export default defineConfig(({ mode }) => {
  if (mode === 'dev-client') return devClient;
  if (!(runtimeVariantNames as string[]).includes(mode)) {
    throw new Error(
      `Build the runtime with --mode ${[...runtimeVariantNames, 'dev-client'].join('|')} (got "${mode}"); npm run build:runtime builds all.`,
    );
  }
  return {
    ...shared,
    css: { postcss: { plugins: [dropUnusedRevealStyles] } },
    build: {
      ...shared.build,
      minify: true,
      cssMinify: true,
      lib: {
        entry: `src/runtime/entries/${mode}.ts`,
        formats: ['iife'],
        name: 'Podium',
        fileName: () => `podium-runtime-${mode}.js`,
        cssFileName: 'podium-runtime',
      },
    },
  };
});

/** The dev page client: a module importing Vite's client from the dev server that serves the page. */
const devClient: UserConfig = {
  ...shared,
  build: {
    ...shared.build,
    minify: false,
    lib: { entry: 'src/dev/client/devClient.ts', formats: ['es'], fileName: () => 'podium-dev-client.js' },
    rolldownOptions: { external: ['@vite/client'], output: { paths: { '@vite/client': '/@vite/client' } } },
  },
};

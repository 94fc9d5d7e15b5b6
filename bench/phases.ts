// One cold build in this fresh process, timed phase by phase; prints JSON for bench/run.ts.
import { performance } from 'node:perf_hooks';
import { builtModule } from './tool.ts';

const [deckFile, outDir] = process.argv.slice(2);
const started = performance.now();
const { resolveConfig } = await builtModule<typeof import('../src/config.ts')>('config.js');
const { compileDeck } = await builtModule<typeof import('../src/compile/index.ts')>('compile/index.js');
const loaded = performance.now();
const config = resolveConfig({ outDir });
const deck = await compileDeck({ file: deckFile, root: config.root, publicDir: config.publicDir });
const compiled = performance.now();
const { buildDeck } = await builtModule<typeof import('../src/buildDeck.ts')>('buildDeck.js');
await buildDeck(deckFile, config);
const rendered = performance.now();
process.stdout.write(
  JSON.stringify({
    nodeStart: started,
    loadToolchain: loaded - started,
    compile: compiled - loaded,
    renderAgain: rendered - compiled,
    slides: deck.slides.length,
  }),
);

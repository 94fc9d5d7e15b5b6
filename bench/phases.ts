// A rebuild in a process that has built the deck once, as `podium dev` rebuilds on each save;
// prints JSON for bench/run.ts.
import { performance } from 'node:perf_hooks';
import { builtModule } from './tool.ts';

const [deckFile, outDir] = process.argv.slice(2);
const { resolveConfig } = await builtModule<typeof import('../src/config.ts')>('config.js');
const { buildDeck } = await builtModule<typeof import('../src/buildDeck.ts')>('buildDeck.js');
const config = resolveConfig({ outDir });
const { deck } = await buildDeck(deckFile, config);
const started = performance.now();
await buildDeck(deckFile, config);
process.stdout.write(JSON.stringify({ renderAgain: performance.now() - started, slides: deck.slides.length }));

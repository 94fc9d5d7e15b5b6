// Many decks in one process, as an organizer builds one template for every district.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtModule } from './tool.ts';

const [decksDir, rounds] = [process.argv[2], Number(process.argv[3] ?? 10)];
const { resolveConfig } = await builtModule<typeof import('../src/config.ts')>('config.js');
const { buildDeck } = await builtModule<typeof import('../src/buildDeck.ts')>('buildDeck.js');
const config = resolveConfig();
const decks = readdirSync(decksDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => join(decksDir, name));
await buildDeck(decks[0], config); // loads the toolchain; the batch measures steady state
const start = performance.now();
for (let round = 0; round < rounds; round++) for (const deck of decks) await buildDeck(deck, config);
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({ decks: decks.length * rounds, perSecond: (decks.length * rounds) / seconds }));

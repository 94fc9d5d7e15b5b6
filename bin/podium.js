#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// The deck sandbox's WebAssembly flags (src/compile/expressions/sandbox.ts), set before any code
// is compiled: V8 accepts a code cache only from a process whose flags were the same.
setFlagsFromString('--liftoff-only');
setFlagsFromString('--wasm-lazy-compilation');

const bundle = fileURLToPath(new URL('../lib/podium.cjs', import.meta.url));
const codeCache = `${bundle}.cache`;
let saveCache = () => {};

/**
 * Every command's code, bundled into one file (rolldown.config.ts) and run with V8's code cache,
 * as Node 22's compile cache does: a cold `podium build` then skips compiling most of the code
 * it runs. The cache is written by `npm run build:tool`, and again whenever it is missing, older
 * than the bundle, or refused by V8 (another Node version); a folder Podium cannot write to just
 * goes without one. Help and argument checks (lib/cli/run.js) never load it.
 */
async function loadCommands() {
  const source = readFileSync(bundle, 'utf8');
  let cachedData;
  try {
    if (statSync(codeCache).mtimeMs >= statSync(bundle).mtimeMs) cachedData = readFileSync(codeCache);
  } catch {
    // No cache yet: this run writes one.
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  saveCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      writeFileSync(`${codeCache}.${process.pid}`, script.createCachedData());
      renameSync(`${codeCache}.${process.pid}`, codeCache);
    } catch {
      // A read-only install: every run compiles, as it would without a cache.
    }
  };
  return module.exports;
}

let run;
try {
  ({ run } = await import('../lib/cli/run.js'));
} catch (error) {
  console.error(
    error?.code === 'ERR_MODULE_NOT_FOUND'
      ? 'Podium is not built yet. Run: npm install (or npm run build:tool)'
      : error,
  );
  process.exitCode = 1;
}
if (run) {
  try {
    process.exitCode = await run(process.argv.slice(2), undefined, loadCommands);
  } catch (error) {
    // A fault in Podium itself, not in a deck: say so, with the detail needed to report it.
    console.error(
      `podium: unexpected error: ${error?.code === 'ENOENT' && error.path === bundle ? 'Podium is not built yet. Run: npm install (or npm run build:tool)' : (error?.stack ?? error)}`,
    );
    process.exitCode = 1;
  }
  // After the command, so that the cache holds the code it compiled on the way.
  saveCache();
}

#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code. A CommonJS file
// (bin/package.json), like the bundles it runs: Node starts it without its ES module loader.
const { accessSync, constants, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');

const lib = join(__dirname, '..', 'lib');
const bundle = join(lib, 'podium.cjs');
const codeCache = `${bundle}.cache`;
const notBuilt = 'Podium is not built yet. Run: npm install (or npm run build:tool)';
let saveCache = () => {};

/**
 * Every command's code, bundled into one file (rolldown.config.ts) and run with V8's code cache,
 * as Node 22's compile cache does: a cold `podium build` then skips compiling most of the code
 * it runs. The cache is written by `npm run build:tool`, and again whenever it is missing, older
 * than the bundle, or refused by V8 (another Node version); a folder Podium cannot write to just
 * goes without one. Help and argument checks (lib/podium-cli.cjs) never load it.
 */
async function loadCommands() {
  // The deck sandbox's WebAssembly flags (src/compile/expressions/sandbox.ts), set before the
  // bundle is compiled: V8 accepts a code cache only from a process whose flags were the same.
  // Help and argument checks never get here, and never load node:v8 or node:vm.
  const { setFlagsFromString } = require('node:v8');
  const { Script } = require('node:vm');
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--wasm-lazy-compilation');
  // The bundle is ASCII (rolldown.config.ts): read as Latin-1, it needs no decoding.
  const source = readFileSync(bundle, 'latin1');
  let cachedData;
  try {
    if (statSync(codeCache).mtimeMs >= statSync(bundle).mtimeMs) cachedData = readFileSync(codeCache);
  } catch {
    // No cache yet: this run writes one.
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, lib);
  saveCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      // Making the cache takes a few milliseconds: not for a folder it cannot be written to.
      accessSync(lib, constants.W_OK);
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
  ({ run } = require('../lib/podium-cli.cjs'));
} catch (error) {
  console.error(error?.code === 'MODULE_NOT_FOUND' ? notBuilt : error);
  process.exitCode = 1;
}
if (run) {
  run(process.argv.slice(2), undefined, loadCommands).then(
    (code) => {
      process.exitCode = code;
      // After the command, so that the cache holds the code it compiled on the way.
      saveCache();
    },
    (error) => {
      // A fault in Podium itself, not in a deck: say so, with the detail needed to report it.
      const missing = error?.code === 'ENOENT' && error.path === bundle;
      console.error(missing ? notBuilt : `podium: unexpected error: ${error?.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rolldown';

// Bundles the `podium` command (`npm run build:tool`) into one file, lib/podium.cjs, so that a
// cold `podium build` reads one file instead of resolving and linking hundreds of small modules.
// bin/podium.js runs it with V8's code cache (see there). Each command's code runs only when
// that command does. Packages with files of their own beside their code (a native addon, a
// WebAssembly file) and the large tools only some commands use (Vite, Playwright) stay in
// node_modules, and are required only when first used.
export default defineConfig({
  input: { podium: 'src/cli/commands.ts' },
  platform: 'node',
  // acorn-jsx requires acorn while the MDX parser imports it: one copy serves both.
  resolve: { alias: { acorn: fileURLToPath(import.meta.resolve('acorn')).replace(/acorn\.js$/, 'acorn.mjs') } },
  external: ['vite', 'playwright-core', 'lightningcss', '@jitl/quickjs-wasmfile-release-sync', 'jsonc-parser'],
  output: {
    dir: 'lib',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    codeSplitting: false,
    // A dynamic import of a package becomes a require when it runs: code run from the code cache
    // cannot import, and a require of Vite (an ES module) works from Node 20.19.
    dynamicImportInCjs: false,
    // Without line breaks and comments the file parses faster; names are kept, so that the stack
    // of an unexpected error still says where it happened.
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
  },
});

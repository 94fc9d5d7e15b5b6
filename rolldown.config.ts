import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rolldown';

// Bundles the `podium` command (`npm run build:tool`) into lib/podium.js, so that a cold
// `podium build` loads a few files instead of hundreds of small modules. `podium dev`, `pdf`
// and `new` are chunks of their own, loaded only when those commands run. Packages with files
// of their own beside their code (a native addon, a WebAssembly file) and the large tools only
// some commands use (Vite, Playwright) stay in node_modules.
export default defineConfig({
  input: { podium: 'src/cli/run.ts' },
  platform: 'node',
  // acorn-jsx requires acorn while the MDX parser imports it: one copy serves both.
  resolve: { alias: { acorn: fileURLToPath(import.meta.resolve('acorn')).replace(/acorn\.js$/, 'acorn.mjs') } },
  external: ['vite', 'playwright-core', 'lightningcss', '@jitl/quickjs-wasmfile-release-sync', 'jsonc-parser'],
  output: {
    dir: 'lib',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'podium-[name].js',
    // Without line breaks and comments the files parse faster; names are kept, so that the
    // stack of an unexpected error still says where it happened.
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig, type RolldownOptions } from 'rolldown';

// Bundles the `podium` command (`npm run build:tool`) into two CommonJS files, which
// bin/podium.js loads: lib/podium-cli.cjs, the help and argument checks (small, so that --help
// answers at once), and lib/podium.cjs, every command's code, read from one file instead of
// hundreds of small modules and run from V8's code cache (see bin/podium.js). Each command's
// modules are set up only when it runs. Packages with files of their own beside their code (a
// native addon, a WebAssembly file) and the large tools only some commands use (Vite,
// Playwright) stay in node_modules, and are required only when first used.
const shared = {
  platform: 'node',
  // acorn-jsx requires acorn while the MDX parser imports it: one copy serves both.
  resolve: { alias: { acorn: fileURLToPath(import.meta.resolve('acorn')).replace(/acorn\.js$/, 'acorn.mjs') } },
  external: [
    'vite',
    'playwright-core',
    'lightningcss',
    '@jitl/quickjs-wasmfile-release-sync',
    'jsonc-parser',
    /\/src\/cli\/commands\.ts$/,
  ],
  output: {
    dir: 'lib',
    format: 'cjs',
    codeSplitting: false,
    // A dynamic import of a package becomes a require when it runs: code run from the code cache
    // cannot import, and a require of Vite (an ES module) works from Node 20.19.
    dynamicImportInCjs: false,
    // The commands, when run.ts loads them itself (bin/podium.js gives it a loader of its own).
    paths: (id: string) => (id.endsWith('/src/cli/commands.ts') ? './podium.cjs' : id),
    // Without line breaks and comments a file parses faster; names are kept, so that the stack
    // of an unexpected error still says where it happened.
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    // Only ASCII (other characters escaped): bin/podium.js reads it as Latin-1, with no UTF-8 to decode.
    charset: 'ascii',
  },
} satisfies RolldownOptions;

export default defineConfig([
  { ...shared, input: { 'podium-cli': 'src/cli/run.ts' }, output: { ...shared.output, entryFileNames: '[name].cjs' } },
  {
    ...shared,
    external: shared.external.slice(0, -1),
    input: { podium: 'src/cli/commands.ts' },
    output: { ...shared.output, entryFileNames: '[name].cjs' },
  },
]);

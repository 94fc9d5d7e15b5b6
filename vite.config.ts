import { defineConfig } from 'vite';

// Builds the browser runtime once: reveal.js, its notes plugin, the Chart.js parts Podium
// uses and the chart code, as one script and one stylesheet that every deck build inlines.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'build/runtime',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    minify: true,
    cssMinify: true,
    lib: {
      entry: 'src/runtime/index.ts',
      formats: ['iife'],
      name: 'Podium',
      fileName: () => 'podium-runtime.js',
      cssFileName: 'podium-runtime',
    },
  },
});

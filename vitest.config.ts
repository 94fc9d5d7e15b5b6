import { defineConfig } from 'vitest/config';

// Tests that need neither a browser nor a process of their own: `npm run test:unit`, in seconds.
const unit = [
  'test/compile/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/runtime/**/*.test.ts',
  'test/runtimeVariants.test.ts',
  'test/locale/**/*.test.ts',
  'test/themes/**/*.test.ts',
  'test/cli/run.test.ts',
  'test/dev/slideChanges.test.ts',
  'test/cli/rows.test.ts',
  'test/bench/**/*.test.ts',
  'test/security/allowList.test.ts',
  'test/security/files.test.ts',
  'test/security/robustness.test.ts',
  'test/security/theme.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests each start a Chromium: two at a time suits a 2-core machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: unit, isolate: false } },
      {
        extends: true,
        // Chromium, `podium dev` and `podium` processes, and the long fuzz run: `npm run test:browser`.
        test: {
          name: 'browser',
          include: ['test/**/*.test.ts'],
          exclude: unit,
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
    ],
  },
});

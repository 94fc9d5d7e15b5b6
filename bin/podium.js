#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code.
import('../lib/cli/run.js').then(
  async ({ run }) => {
    process.exitCode = await run(process.argv.slice(2));
  },
  (error) => {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      console.error('Podium is not built yet. Run: npm install (or npm run build:tool)');
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);

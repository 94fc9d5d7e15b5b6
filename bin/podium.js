#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code.
import('../lib/podium.js').then(
  async ({ run }) => {
    try {
      process.exitCode = await run(process.argv.slice(2));
    } catch (error) {
      // A fault in Podium itself, not in a deck: say so, with the detail needed to report it.
      console.error(`podium: unexpected error: ${error?.stack ?? error}`);
      process.exitCode = 1;
    }
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

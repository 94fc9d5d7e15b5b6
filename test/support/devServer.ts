import { resolveConfig } from '../../src/config.ts';
import { startDevServer, type DevServer } from '../../src/dev/devServer.ts';

/** `podium dev` on a free port (or `port`) for the project at `root`; its log lines go to `log`, or nowhere. */
export function devServerFor(
  root: string,
  { port = 0, log = () => {} }: { port?: number; log?: (line: string) => void } = {},
): Promise<DevServer> {
  return startDevServer({ config: resolveConfig({ root }), port, log, logError: log });
}

import { resolve } from 'node:path';
import { resolveConfig } from '../config.ts';
import { startDevServer } from '../dev/devServer.ts';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './run.ts';

/** `podium dev [deck]`: serve the decks with live updates until Ctrl-C. */
export default async function devCommand({ positionals, values }: { positionals: string[]; values: Record<string, unknown> }, io: Io): Promise<number> {
  const config = resolveConfig({ root: io.cwd });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new CliError(`--port must be a port number, not "${String(values.port)}"`);
  const deck = positionals[0];
  if (deck && !resolve(io.cwd, deck).startsWith(config.decksDir)) throw new CliError(`podium dev serves decks in decks/; ${deck} is elsewhere.`);
  const server = await startDevServer({ config, port, log: io.out, logError: io.err });
  const name = deck ? resolve(io.cwd, deck).slice(config.decksDir.length + 1).replace(/\.mdx$/, '') : undefined;
  io.out(`\n  Podium dev server: ${server.url}${name ? `${encodeURIComponent(name)}.html` : ''}\n  Press Ctrl-C to stop.\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return ExitCode.ok;
}

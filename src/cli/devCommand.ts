import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { resolveConfig } from '../config.ts';
import { startDevServer } from '../dev/devServer.ts';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './io.ts';

/** `podium dev [deck]`: serve the decks with live updates until Ctrl-C. */
export default async function devCommand(
  { positionals, values }: { positionals: string[]; values: Record<string, unknown> },
  io: Io,
): Promise<number> {
  const config = resolveConfig({ root: io.cwd });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new CliError(`--port must be a port number, not "${String(values.port)}"`);
  const name = positionals[0] === undefined ? undefined : pageName(positionals[0], io.cwd, config.decksDir);
  const server = await startDevServer({ config, port, log: io.out, logError: io.err });
  io.out(
    `\n  Podium dev server: ${server.url}${name ? `${encodeURIComponent(name)}.html` : ''}\n  Press Ctrl-C to stop.\n`,
  );
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

/** The page name of the deck `podium dev` was given: the server shows only .mdx files directly in decks/. */
function pageName(deck: string, cwd: string, decksDir: string): string {
  const file = resolve(cwd, deck);
  const folder = relative(cwd, decksDir);
  if (dirname(file) !== decksDir || extname(file) !== '.mdx') {
    const moved = join(folder, `${basename(file, extname(file))}.mdx`);
    throw new CliError(
      `podium dev shows the decks in ${folder}/, and ${deck} is not one of them: a deck is a .mdx file directly in ${folder}/.\nMove it there (as ${moved}) and run: npx podium dev ${moved}`,
    );
  }
  if (!existsSync(file))
    throw new CliError(`There is no deck ${relative(cwd, file)}. The decks are the .mdx files in ${folder}/.`);
  return basename(file, '.mdx');
}

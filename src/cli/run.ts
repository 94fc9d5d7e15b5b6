import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './io.ts';
import { packageRoot } from '../packageRoot.ts';

const mainHelp = `podium: build MDX slide decks into standalone reveal.js HTML files

Usage:
  podium build [files or folders…] [--out dir] [--index] [--og-image] [--check] [--strict]
                                                 build decks (default: every deck in decks/)
  podium build <deck> --data <rows.csv|json>     one deck per row, and an index page
  podium dev [deck] [--port n]                   live preview that updates as you save
  podium new <name> [--from deck] [--lang es]    start a deck: decks/<name>.mdx and its data
  podium pdf [decks…] [--out file] [--handout] [--steps] [--strict]
                                                 print decks to PDF (a handout: with notes)
  podium <command> --help                        help for one command

Options:
  -h, --help      show this help
  -v, --version   show Podium's version
`;

/** What each command runs: loaded only when a command runs, so --help stays instant. */
export type CommandModules = typeof import('./commands.ts');
type CommandName = keyof CommandModules;

interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
}

const commands: Record<CommandName, Command> = {
  build: {
    help: `podium build [files or folders…] [--out dir] [--index] [--og-image] [--check] [--strict]
       podium build <deck> --data <rows.csv|rows.json> [--out dir] [--strict]

Builds each deck (.mdx) into one standalone HTML file that opens anywhere with no network.
With no files, builds every deck in decks/. A folder means every .mdx file in it.

What builds but deserves a look (a <Chart> named after its slide's heading, a position
without a quote beside ones with) is printed after the deck's line as
file:line:column: warning: …, with the source line.

One deck per row: with --data, the deck is built once for each row of a CSV file (a header
line, then one line per deck) or a JSON list of objects. The row is {row.district} in the
deck, and "{row.district}" in frontmatter values; the title must name a column. Each file is
named after the row's slug column, else its first column. A row the deck cannot use (an empty
value, text where the other rows have numbers) is reported at its line; the others still build.

Options:
  -o, --out <dir>   where to write the HTML files (default: dist)
  --data <file>     build the one deck named once per row of this .csv or .json file
  --index           also write index.html beside the decks, listing and linking them (always
                    written with --data)
  --og-image        also write a PNG of the title slide beside each file (<name>.png), named
                    in the link-preview tags (needs Chromium)
  --check           also open each deck in Chromium and warn about any slide taller than the
                    slide area, which must be scrolled when presenting (needs Chromium;
                    --og-image checks too, and podium pdf and podium dev always do)
  --strict          count warnings as errors: a deck with any is not written and fails the
                    build. Measures slides as --check does when Chromium is found
  --chrome <path>   the Chromium or Chrome for --og-image and --check (default: CHROME_PATH,
                    then the system's chromium)
  -h, --help        show this help

Exit code: 0 when every deck built, warnings or not; 1 when any deck failed (the others
are still built), or had warnings under --strict.
`,
    options: {
      out: { type: 'string', short: 'o' },
      data: { type: 'string' },
      index: { type: 'boolean' },
      'og-image': { type: 'boolean' },
      check: { type: 'boolean' },
      strict: { type: 'boolean' },
      chrome: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  dev: {
    help: `podium dev [deck] [--port n]

Serves every deck in decks/ on localhost with live updates: saving a deck, a data file it
imports, its theme or an image it uses updates the open page on the same slide. Errors show
in the page and in this terminal; fixing the file clears them. Warnings (a slide taller than
the slide area, and what podium build warns about) show in this terminal and in a bar at the
foot of the page. Ctrl-C stops the server.

Options:
  -p, --port <n>    the port to try first (default 5170; the next free one is used)
  -h, --help        show this help
`,
    options: { port: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } },
  },
  new: {
    help: `podium new <name> [--from deck] [--lang es]

Writes decks/<name>.mdx and its data file, decks/data/<name>.json: a short starter deck for
a three-minute public comment (a title slide, a chart of figures from the data file, two
positions, a cited source, a Sources slide, speaker notes and a time limit), ready to build
and to change into your own. The name becomes the file names: letters, digits and hyphens.
Nothing is ever written over an existing file.

Options:
  --from <deck>     copy this deck instead, with each data file it imports copied beside the
                    new deck (decks/data/<name>.json, or decks/data/<name>-<file> when it
                    imports several), so the copy's figures can change without touching it
  --lang <lang>     the starter deck's language: en (default) or es
  -h, --help        show this help

Exit code: 0 when the files were written; 1 when one of them already exists or the --from
deck cannot be read; 2 when the name or an option is wrong.
`,
    options: { from: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  },
  pdf: {
    help: `podium pdf [decks…] [--out file] [--handout] [--steps] [--strict] [--chrome path]

Prints each deck (.mdx) to a PDF with Chromium: one page per slide with every step shown,
text that can be selected and searched, charts drawn sharp. Nothing is loaded from the
network. With no decks, exports every deck in decks/. A folder means every .mdx file in it.
Warnings (a slide taller than the slide area, which a PDF page shows whole but presenting
must scroll, and what podium build warns about) are printed after the deck's line.

Options:
  -o, --out <file>     where to write the PDF, for one deck (default: dist/<name>.pdf)
      --handout        for the board packet: each slide with its speaker notes beneath it,
                       on letter paper (default file: dist/<name>-handout.pdf)
      --steps          a page for each step of a slide that reveals its points one at a time
      --strict         count warnings as errors: a deck with any is not written
      --chrome <path>  the Chromium or Chrome to print with (default: CHROME_PATH, then the
                       system's chromium)
  -h, --help           show this help

Exit code: 0 when every deck was exported, warnings or not; 1 when any failed (the others
are still exported), had warnings under --strict, or no Chromium was found.
`,
    options: {
      out: { type: 'string', short: 'o' },
      handout: { type: 'boolean' },
      steps: { type: 'boolean' },
      strict: { type: 'boolean' },
      chrome: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
};

/** Runs podium with these arguments and returns the exit code; only bin/ exits the process. */
export async function run(
  argv: readonly string[],
  io: Io = defaultIo(),
  loadCommands: () => Promise<CommandModules> = () => import('./commands.ts'),
): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.out(mainHelp);
      return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (name === '-v' || name === '--version') {
      io.out(await version());
      return ExitCode.ok;
    }
    const command = Object.hasOwn(commands, name) ? commands[name as CommandName] : undefined;
    if (!command) throw new CliError(`Unknown command "${name}".\n\n${mainHelp}`);
    const { positionals, values } = parseCommandArgs(command, rest);
    if (values.help) {
      io.out(command.help);
      return ExitCode.ok;
    }
    const execute = await (await loadCommands())[name as CommandName]();
    return await execute({ positionals, values }, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    throw error;
  }
}

function parseCommandArgs(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${command.help}`);
  }
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(`${packageRoot}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

function defaultIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
  };
}

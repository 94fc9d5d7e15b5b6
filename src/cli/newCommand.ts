import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../packageRoot.ts';
import type { ImportDeclaration, Program } from 'estree';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { resolveConfig } from '../config.ts';
import { CliError, ExitCode } from './cliError.ts';
import type { Io } from './io.ts';

/** Podium's starter decks, shipped beside its code: starter.<lang>.mdx, with their data in data/. */
const templatesDir = join(packageRoot, 'templates/');

/** A deck to write and the data files it imports, each from where it is read to where it goes. */
interface NewDeck {
  deck: { from: string; to: string; text: string };
  data: Array<{ from: string; to: string }>;
}

/** `podium new <name>`: a starter deck (or a copy of one) in decks/, with its data, never over a file. */
export default async function newCommand(
  { positionals, values }: { positionals: string[]; values: Record<string, unknown> },
  io: Io,
): Promise<number> {
  if (positionals.length !== 1)
    throw new CliError('Name the new deck once, such as: podium new library-hours (see podium new --help).');
  const name = deckName(positionals[0]!);
  const config = resolveConfig({ root: io.cwd });
  const from = values.from as string | undefined;
  const lang = values.lang as string | undefined;
  if (from !== undefined && lang !== undefined)
    throw new CliError(
      '--lang chooses the starter deck; a copy made --from a deck keeps its language. Give one or the other.',
    );
  const original =
    from === undefined ? await starterDeck(lang ?? 'en') : await existingDeck(resolve(io.cwd, from), from);
  const planned = await plan(original, join(config.decksDir, `${name}.mdx`), name, io.cwd);
  const shown = (path: string) => relative(io.cwd, path);
  for (const path of [planned.deck.to, ...planned.data.map((file) => file.to)]) {
    if (await exists(path))
      throw new CliError(
        `${shown(path)} already exists, and podium new never writes over a file. Choose another name, or move ${shown(path)} away first.`,
        ExitCode.deckFailed,
      );
  }
  for (const file of planned.data) {
    await mkdir(dirname(file.to), { recursive: true });
    await writeFile(file.to, await readFile(file.from), { flag: 'wx' });
  }
  await mkdir(dirname(planned.deck.to), { recursive: true });
  await writeFile(planned.deck.to, planned.deck.text, { flag: 'wx' });
  for (const path of [planned.deck.to, ...planned.data.map((file) => file.to)]) io.out(`Wrote ${shown(path)}`);
  io.out(nextSteps(shown(planned.deck.to)));
  return ExitCode.ok;
}

/**
 * The name as given (`library-hours` or `library-hours.mdx`) if it is file-safe; otherwise
 * an error that offers the file-safe form, so that the built `<name>.html` works in any address.
 */
function deckName(given: string): string {
  const name = given.replace(/\.mdx$/i, '');
  if (/^[a-z0-9][a-z0-9_-]*$/i.test(name)) return name;
  const safe = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  throw new CliError(
    `"${given}" cannot be a deck's name: use letters, digits and hyphens only, starting with a letter or digit${safe ? `, such as: podium new ${safe}` : ''}.`,
  );
}

async function starterDeck(lang: string): Promise<string> {
  const path = join(templatesDir, `starter.${lang}.mdx`);
  if (await exists(path)) return path;
  const langs = (await readdir(templatesDir))
    .map((file) => /^starter\.(.+)\.mdx$/.exec(file)?.[1])
    .filter((found) => found !== undefined);
  throw new CliError(`There is no starter deck in "${lang}". Starter decks: ${langs.sort().join(', ')}.`);
}

async function existingDeck(path: string, given: string): Promise<string> {
  if (extname(path).toLowerCase() !== '.mdx' || !(await exists(path)))
    throw new CliError(`--from names no deck: there is no .mdx file ${given}.`, ExitCode.deckFailed);
  return path;
}

/**
 * The copy of `original` and of each data file it imports. The copies are the new deck's own,
 * to change for another place without touching the original's: decks/data/<name>.json, or
 * decks/data/<name>-<file> when the deck imports more than one.
 */
async function plan(original: string, target: string, name: string, cwd: string): Promise<NewDeck> {
  const text = await readFile(original, 'utf8');
  const imports = dataImports(text, relative(cwd, original));
  const originals = [...new Set(imports.map((found) => resolve(dirname(original), found.specifier)))];
  const copyOf = new Map(
    originals.map((path) => {
      const file = originals.length === 1 ? `${name}${extname(path)}` : `${name}-${basename(path)}`;
      return [path, `./data/${file}`];
    }),
  );
  for (const path of originals) {
    if (!(await exists(path)))
      throw new CliError(
        `${relative(cwd, original)} imports ${relative(cwd, path)}, which does not exist: fix the deck's import first.`,
        ExitCode.deckFailed,
      );
  }
  // From the last import back, so each offset still points where it did.
  let copied = text;
  for (const found of [...imports].reverse()) {
    const specifier = copyOf.get(resolve(dirname(original), found.specifier))!;
    copied = `${copied.slice(0, found.start)}'${specifier}'${copied.slice(found.end)}`;
  }
  return {
    deck: { from: original, to: target, text: copied },
    data: originals.map((path) => ({ from: path, to: resolve(dirname(target), copyOf.get(path)!) })),
  };
}

/** Each relative import in a deck: its path as written, and where the quoted path stands in the text. */
function dataImports(text: string, shownPath: string): Array<{ specifier: string; start: number; end: number }> {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).parse(text);
  } catch (error) {
    throw new CliError(
      `Cannot read ${shownPath}: ${(error as Error).message}. Run podium build ${shownPath} to see where.`,
      ExitCode.deckFailed,
    );
  }
  return tree.children.flatMap((node) => {
    if (node.type !== 'mdxjsEsm') return [];
    const program = node.data?.estree as Program | undefined;
    return (program?.body ?? [])
      .filter((statement): statement is ImportDeclaration => statement.type === 'ImportDeclaration')
      .map((statement) => statement.source)
      .filter((source) => typeof source.value === 'string' && /^\.{1,2}\//.test(source.value))
      .map((source) => ({ specifier: String(source.value), start: source.range![0], end: source.range![1] }));
  });
}

function nextSteps(deck: string): string {
  const steps = [
    ['npx podium dev', 'a live preview in the browser, as you edit'],
    [`npx podium build ${deck}`, `writes dist/${basename(deck, '.mdx')}.html, the file to present and share`],
  ];
  const width = Math.max(...steps.map(([command]) => command!.length)) + 3;
  return `\nNext:\n${steps.map(([command, what]) => `  ${command!.padEnd(width)}${what}`).join('\n')}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

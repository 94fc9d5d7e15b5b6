import type { ImportDeclaration, Program } from 'estree';
import type { Root } from 'mdast';
import { dirname, extname, resolve } from 'node:path';
import { didYouMean } from './suggest.ts';
import { parseCsv } from './csvData.ts';
import type { VFile } from 'vfile';
import { failOn, type Fail } from './deckMessages.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';
import { parseJson } from './jsonData.ts';

export interface DataImportsOptions {
  files: DeckFiles;
  /** Receives the data, by the name the deck gives it, for the deck's expressions. */
  onData: (data: Record<string, unknown>) => void;
}

/** Data a deck can import, by file extension. */
const dataReaders: Record<string, (path: string, text: string) => unknown> = {
  '.json': parseJson,
  '.csv': parseCsv,
};

/**
 * Resolves `import x from './data/x.json'` (or `.csv`) at build time: the data is read now and
 * handed to the deck's expressions as values. A deck holds no code: any other import or export
 * is refused where it is written.
 */
export function remarkDataImports({ files, onData }: DataImportsOptions) {
  return (tree: Root, file: VFile) => {
    const fail: Fail = failOn(file);
    const data: Record<string, unknown> = {};
    // MDX reads imports and exports only at the start of a line outside any block: they are all
    // among the tree's top-level nodes.
    for (const node of tree.children) {
      if (node.type !== 'mdxjsEsm') continue;
      const program = node.data?.estree as Program | undefined;
      for (const statement of program?.body ?? []) {
        if (statement.type === 'ImportDeclaration') {
          Object.assign(data, readImport(statement, file.path, fail));
          continue;
        }
        const at = statement.loc?.start;
        const exported = statement.type.startsWith('Export');
        fail(exported ? 'A deck cannot export anything' : 'Only imports of data files can stand outside the slides', {
          place: { line: at?.line ?? 1, column: (at?.column ?? 0) + 1 },
          hint: "A deck holds text and data, not code: put values in a data file (import figures from './data/figures.json') and show them with {figures.total}.",
          ruleId: 'deck-code',
        });
      }
    }
    tree.children = tree.children.filter((node) => node.type !== 'mdxjsEsm');
    onData(data);
  };

  function readImport(statement: ImportDeclaration, file: string, fail: Fail): Record<string, unknown> {
    const specifier = String(statement.source.value);
    const at = statement.source.loc?.start;
    const place = { line: at?.line ?? 1, column: (at?.column ?? 0) + 1 };
    if (!/^\.{1,2}\//.test(specifier)) {
      fail(`Cannot import "${specifier}"`, {
        place,
        hint: "A deck can import data files that sit beside it, such as './data/figures.json'.",
        ruleId: 'import-not-relative',
      });
    }
    const read = dataReaders[extname(specifier).toLowerCase()];
    if (!read) {
      fail(`Cannot import "${specifier}": only data files can be imported`, {
        place,
        hint: 'Use a .json or .csv file; components such as <BarChart> are available without importing them.',
        ruleId: 'import-not-data',
      });
    }
    const path = resolve(dirname(file), specifier);
    const text = readInsideProject(
      () => files.readText(path),
      () =>
        fail(`Cannot import "${specifier}": the file is outside the project`, {
          place,
          hint: outsideProjectHint,
          ruleId: 'file-outside-project',
        }),
    );
    if (text === undefined) {
      fail(`Cannot find the data file "${specifier}"`, {
        place,
        hint: "Check the file name; the path is relative to the deck's folder (./data/… means a data folder beside the deck).",
        ruleId: 'import-missing',
      });
    }
    const value = read(path, text!);
    return Object.fromEntries(
      statement.specifiers.map((spec) => {
        if (spec.type !== 'ImportSpecifier') return [spec.local.name, value];
        const key = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
        const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
        if (!keys.includes(key)) {
          // Otherwise the name would hold nothing, and the slides would show a silent gap.
          const suggestion = didYouMean(key, keys);
          // At the import itself: MDX places its specifiers past where they stand when frontmatter comes first.
          const at = statement.loc?.start;
          fail(`"${specifier}" has no key "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`, {
            place: { line: at?.line ?? place.line, column: (at?.column ?? 0) + 1 },
            hint: keys.length
              ? `Its keys are: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}. Or import the whole file: import name from '${specifier}'.`
              : `It holds no keys to pick from: import the whole file, import name from '${specifier}'.`,
            ruleId: 'import-missing-key',
          });
        }
        return [spec.local.name, (value as Record<string, unknown>)[key]];
      }),
    );
  }
}

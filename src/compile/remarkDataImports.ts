import type { ImportDeclaration, Program, Statement } from 'estree';
import { valueToEstree } from 'estree-util-value-to-estree';
import type { Root } from 'mdast';
import { dirname, extname, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import { parseCsv } from './csvData.ts';
import { DeckError } from './deckError.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';
import { parseJson } from './jsonData.ts';

export interface DataImportsOptions {
  file: string;
  source: string;
  files: DeckFiles;
}

/** Data a deck can import, by file extension. */
const dataReaders: Record<string, (path: string, text: string) => unknown> = {
  '.json': parseJson,
  '.csv': parseCsv,
};

/**
 * Resolves `import x from './data/x.json'` (or `.csv`) at build time: the data is read now and inlined
 * as a constant, so props and text can use it and the deck runs with no module loading.
 */
export function remarkDataImports({ file, source, files }: DataImportsOptions) {
  return (tree: Root) => {
    visit(tree, 'mdxjsEsm', (node) => {
      const program = node.data?.estree as Program | undefined;
      if (!program) return;
      program.body = program.body.flatMap((statement): Statement[] => {
        if (statement.type !== 'ImportDeclaration') return [statement as Statement];
        return inlineImport(statement);
      });
    });
  };

  function inlineImport(statement: ImportDeclaration): Statement[] {
    const specifier = String(statement.source.value);
    const at = statement.source.loc?.start;
    const place = { file, line: at?.line ?? 1, column: (at?.column ?? 0) + 1 };
    const fail = (reason: string, hint: string, ruleId: string): never => {
      throw new DeckError(reason, { place, hint, source, ruleId });
    };
    if (!/^\.{1,2}\//.test(specifier)) {
      fail(`Cannot import "${specifier}"`, `A deck can import data files that sit beside it, such as './data/figures.json'.`, 'import-not-relative');
    }
    const read = dataReaders[extname(specifier).toLowerCase()];
    if (!read) {
      fail(`Cannot import "${specifier}": only data files can be imported`, `Use a .json or .csv file; components such as <BarChart> are available without importing them.`, 'import-not-data');
    }
    const path = resolve(dirname(file), specifier);
    const text = readInsideProject(
      () => files.readText(path),
      () => fail(`Cannot import "${specifier}": the file is outside the project`, outsideProjectHint, 'file-outside-project'),
    );
    if (text === undefined) {
      fail(`Cannot find the data file "${specifier}"`, `Check the file name; the path is relative to the deck's folder (./data/… means a data folder beside the deck).`, 'import-missing');
    }
    const value = read(path, text!);
    return statement.specifiers.map((spec) => {
      const picked =
        spec.type === 'ImportSpecifier'
          ? (value as Record<string, unknown>)[spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value)]
          : value;
      return {
        type: 'VariableDeclaration',
        kind: 'const',
        declarations: [{ type: 'VariableDeclarator', id: { type: 'Identifier', name: spec.local.name }, init: valueToEstree(picked) }],
      };
    });
  }
}

import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { failOn, type Point } from './deckMessages.ts';

/** Far deeper than any slide nests; far shallower than what exhausts the stack or slows the parser. */
export const maxNesting = 100;

/** Nodes that each add a level: what a deck can nest without end. */
const nestingTypes = new Set([
  'blockquote',
  'listItem',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'emphasis',
  'strong',
  'delete',
]);

const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const thematicBreak = /^(?:[-*_][ \t]*){3,}$/;

/**
 * Refuses block quotes and lists nested past `maxNesting`, line by line, before the Markdown
 * parser sees them: a thousand nested list items take it most of a minute and then exhaust the
 * stack. A line's depth is its `>` and list markers, plus the list items it continues, each of
 * which needs at least two columns of indentation; so the count never falls short of the
 * real depth, and overcounts only by an ordered list's wider indentation.
 */
export function refuseDeepNesting(file: VFile): void {
  for (const [index, line] of String(file.value).split('\n').entries()) {
    const column = columnPastLimit(line);
    if (column !== undefined) tooDeep(file, { line: index + 1, column });
  }
}

/** Where a line's start first opens a container past `maxNesting`, or undefined when it stays within it. */
function columnPastLimit(line: string): number | undefined {
  let markers = 0;
  let indentation = 0;
  // Columns after a marker that belong to it (one after `>`, up to four after a list marker).
  let ownSpace = 0;
  for (let index = 0; index < line.length; ) {
    const char = line[index];
    if (char === ' ' || char === '\t') {
      const width = char === '\t' ? 4 : 1;
      if (ownSpace > 0) ownSpace -= width;
      else indentation += width;
      index += 1;
      continue;
    }
    const marker =
      char === '>' ? '>' : thematicBreak.test(line.slice(index)) ? undefined : listMarker.exec(line.slice(index))?.[0];
    if (!marker) return undefined;
    markers += 1;
    if (markers + Math.floor(indentation / 2) > maxNesting) return index + 1;
    index += marker.length;
    ownSpace = marker === '>' ? 1 : 4;
  }
  return undefined;
}

/**
 * Refuses anything nested past `maxNesting` in the parsed deck (components in components, emphasis
 * in emphasis, …), before passes that recurse over the tree. Walks with its own stack, not recursion.
 */
export function remarkNestingLimit() {
  return (tree: Root, file: VFile) => {
    const pending: Array<{ node: Node; depth: number }> = [{ node: tree, depth: 0 }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const depth = next.depth + (nestingTypes.has(next.node.type) ? 1 : 0);
      if (depth > maxNesting) {
        tooDeep(file, next.node.position?.start ?? { line: 1, column: 1 });
      }
      // Children pushed last-first, so they are checked in document order.
      const children = (next.node as Parent).children ?? [];
      for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index], depth });
    }
  };
}

function tooDeep(file: VFile, place: Point): never {
  return failOn(file)(`Lists, block quotes, components or emphasis are nested more than ${maxNesting} deep here`, {
    place,
    hint: 'A slide needs a few levels at most: close the components and lists above this line, or split the content into several slides.',
    ruleId: 'nesting-too-deep',
  });
}

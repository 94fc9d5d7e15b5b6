import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { DeckError } from './deckError.ts';
import { didYouMean } from './suggest.ts';

export interface KnownComponentsOptions {
  file: string;
  source: string;
  known: readonly string[];
}

/**
 * Fails at build time, with a place, on a component Podium does not have: MDX itself would
 * only fail when the deck runs, without saying where.
 */
export function remarkKnownComponents({ file, source, known }: KnownComponentsOptions) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = (node as MdxJsxFlowElement).name;
      // Lowercase names are HTML elements; fragments (`<>`) have no name.
      if (!name || (/^[a-z]/.test(name) && !name.includes('.')) || known.includes(name)) return;
      const suggestion = didYouMean(name, known);
      const start = node.position?.start;
      throw new DeckError(`Unknown component <${name}>${suggestion ? `; did you mean <${suggestion}>?` : ''}`, {
        place: { file, line: start?.line ?? 1, column: start?.column ?? 1 },
        hint: `Components Podium has: ${known.map((k) => `<${k}>`).join(', ')}.`,
        source,
        ruleId: 'unknown-component',
      });
    });
  };
}

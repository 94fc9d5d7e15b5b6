import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { refusedElement } from './allowList.ts';
import { failOn, type Fail } from './deckMessages.ts';
import { didYouMean } from './suggest.ts';
import { eachNode } from './eachNode.ts';

export interface KnownComponentsOptions {
  known: readonly string[];
}

/**
 * Fails, with a place and the nearest name, on a component Podium does not have: rendering
 * the slides would otherwise take the name for a value of the deck and fail without saying
 * where. HTML elements outside the allow-list (a refresh to a tracker, a frame of a local
 * file, a video) are refused here too, at their line; the allow-list pass over the finished
 * slides catches those made any other way.
 */
export function remarkKnownComponents({ known }: KnownComponentsOptions) {
  return (tree: Root, file: VFile) => {
    const fail: Fail = failOn(file);
    eachNode(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = (node as MdxJsxFlowElement).name;
      // Fragments (`<>`) have no name.
      if (!name || known.includes(name)) return;
      const place = node.position?.start ?? { line: 1, column: 1 };
      const component = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      if (component) {
        // <notes> would be an unknown HTML element shown on the slide: private notes in public.
        fail(`<${name}> must be written <${component}>`, {
          place,
          hint: 'Component names start with a capital letter; in lowercase the text would show on the slide.',
          ruleId: 'component-case',
        });
      }
      // Other lowercase names are HTML elements.
      if (/^[a-z]/.test(name) && !name.includes('.')) {
        const refusal = refusedElement(name);
        if (refusal) fail(refusal.reason, { place, hint: refusal.hint, ruleId: refusal.ruleId });
        return;
      }
      const suggestion = didYouMean(name, known);
      fail(`Unknown component <${name}>${suggestion ? `; did you mean <${suggestion}>?` : ''}`, {
        place,
        hint: `Components Podium has: ${known.map((k) => `<${k}>`).join(', ')}.`,
        ruleId: 'unknown-component',
      });
    });
  };
}

import type { Program } from 'estree';
import type { Node } from 'unist';

/** An expression in braces, as MDX parsed it, and where it is written. */
export interface DeckExpression {
  program: Program | undefined;
  /**
   * `attribute`: a JSX attribute's value (`values={…}`); `spread`: attributes spread onto an
   * element (`{...props}`); `content`: braces on their own, shown on the slide.
   */
  kind: 'attribute' | 'spread' | 'content';
}

/**
 * The expressions a node of the deck's tree holds, as the syntax trees MDX parsed them to: a
 * JSX element's attribute values in braces, or an expression in braces on its own.
 */
export function expressionsIn(node: Node): DeckExpression[] {
  const mdx = node as Node & {
    attributes?: Array<{ type: string; data?: { estree?: unknown }; value?: unknown }>;
    data?: { estree?: unknown };
  };
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    return (mdx.attributes ?? []).map((attribute) =>
      attribute.type === 'mdxJsxExpressionAttribute'
        ? { program: attribute.data?.estree as Program | undefined, kind: 'spread' }
        : {
            program:
              typeof attribute.value === 'object'
                ? ((attribute.value as { data?: { estree?: unknown } } | null)?.data?.estree as Program | undefined)
                : undefined,
            kind: 'attribute',
          },
    );
  }
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    return [{ program: mdx.data?.estree as Program | undefined, kind: 'content' }];
  }
  return [];
}

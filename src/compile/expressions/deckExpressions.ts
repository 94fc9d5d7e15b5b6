import type { Program } from 'estree';
import type { Node } from 'unist';

/**
 * The expressions a node of the deck's tree holds, as the syntax trees MDX parsed them to: a
 * JSX element's attribute values in braces, or an expression in braces on its own.
 */
export function expressionPrograms(node: Node): Array<Program | undefined> {
  const mdx = node as Node & {
    attributes?: Array<{ type: string; data?: { estree?: unknown }; value?: unknown }>;
    data?: { estree?: unknown };
  };
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    return (mdx.attributes ?? []).map(
      (attribute) =>
        (attribute.type === 'mdxJsxExpressionAttribute'
          ? attribute.data?.estree
          : typeof attribute.value === 'object'
            ? (attribute.value as { data?: { estree?: unknown } } | null)?.data?.estree
            : undefined) as Program | undefined,
    );
  }
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    return [mdx.data?.estree as Program | undefined];
  }
  return [];
}

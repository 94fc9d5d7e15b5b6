import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * A paragraph holding only components and expressions (`<BarChart … />` on a line of its own)
 * is not a paragraph: its contents take its place, as MDX does, so no `<p>` wraps a chart.
 */
export function remarkUnravel() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const blank = (child: RootContent) => child.type === 'text' && child.value.trim() === '';
      const flow = (child: RootContent) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression';
      if (!node.children.every((child) => blank(child) || flow(child)) || !node.children.some(flow)) return;
      const unravelled = node.children.flatMap((child): RootContent[] => {
        if (child.type === 'mdxJsxTextElement') return [{ ...child, type: 'mdxJsxFlowElement' } as RootContent];
        if (child.type === 'mdxTextExpression') return [{ ...child, type: 'mdxFlowExpression' } as RootContent];
        return /^[\t\r\n ]+$/.test(child.type === 'text' ? child.value : '') ? [] : [child];
      });
      parent.children.splice(index, 1, ...unravelled);
      return index;
    });
  };
}

import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import { eachNode } from './eachNode.ts';

/**
 * A paragraph holding only components and expressions (`<BarChart … />` on a line of its own)
 * is not a paragraph: its contents take its place, as MDX does, so no `<p>` wraps a chart.
 */
export function remarkUnravel() {
  return (tree: Root) => {
    const unravelled: Array<{ node: Paragraph; parent: Parent; children: RootContent[] }> = [];
    eachNode(tree, (found, parent) => {
      if (found.type !== 'paragraph' || !parent) return;
      const node = found as Paragraph;
      const blank = (child: RootContent) => child.type === 'text' && child.value.trim() === '';
      const flow = (child: RootContent) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression';
      if (!node.children.every((child) => blank(child) || flow(child)) || !node.children.some(flow)) return;
      const children = node.children.flatMap((child): RootContent[] => {
        if (child.type === 'mdxJsxTextElement') return [{ ...child, type: 'mdxJsxFlowElement' } as RootContent];
        if (child.type === 'mdxTextExpression') return [{ ...child, type: 'mdxFlowExpression' } as RootContent];
        return /^[\t\r\n ]+$/.test(child.type === 'text' ? child.value : '') ? [] : [child];
      });
      unravelled.push({ node, parent: parent as Parent, children });
    });
    for (const { node, parent, children } of unravelled)
      parent.children.splice(parent.children.indexOf(node), 1, ...children);
  };
}

import type { Node, Parent } from 'unist';

/**
 * Calls `look` on every node of a tree, each before its children, for passes that only read
 * nodes or change them in place. unist-util-visit, which can also go on after a pass rearranged
 * the tree, makes a closure and a list of ancestors at every node: over the passes that walk a
 * whole deck, that was a tenth of building it, and most of what the build left to collect.
 */
export function eachNode(node: Node, look: (node: Node) => void): void {
  look(node);
  const { children } = node as Partial<Parent>;
  if (children) for (const child of children) eachNode(child, look);
}

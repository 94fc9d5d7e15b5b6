import type { Node, Parent } from 'unist';

/**
 * Calls `look` on every node of a tree, each before its children, with the node's parent, for
 * passes that read nodes or change them in place (a pass that takes nodes out does so after the
 * walk). unist-util-visit, which can also go on while a pass rearranges the tree, makes a closure
 * and a list of ancestors at every node: over the passes that walk a whole deck, that was a
 * tenth of building it, and the most of what the build left to collect.
 */
export function eachNode(node: Node, look: (node: Node, parent: Parent | undefined) => void, parent?: Parent): void {
  look(node, parent);
  const { children } = node as Partial<Parent>;
  if (children) for (const child of children) eachNode(child, look, node as Parent);
}

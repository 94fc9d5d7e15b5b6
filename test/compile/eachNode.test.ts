import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { expect, it } from 'vitest';
import { eachNode } from '../../src/compile/eachNode.ts';

// The passes that only read the deck's tree walk it with eachNode: they must meet every node
// unist-util-visit meets, in the same order (a pass that fails reports the first problem).
it('meets every node of a deck, in the order unist-util-visit does', () => {
  const processor = unified().use(remarkMdx).use(remarkGfm).use(remarkFrontmatter).freeze();
  for (const deck of ['school-support-staff.mdx', 'city-budget.mdx']) {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'decks', deck), 'utf8');
    const tree = fromMarkdown(text, {
      extensions: processor.data('micromarkExtensions') ?? [],
      mdastExtensions: processor.data('fromMarkdownExtensions') ?? [],
    });
    const visited: Node[] = [];
    visit(tree, (node) => {
      visited.push(node);
    });
    const met: Node[] = [];
    eachNode(tree, (node) => met.push(node));
    expect(met.length).toBeGreaterThan(50);
    expect(met.length).toBe(visited.length);
    expect(met.every((node, index) => node === visited[index])).toBe(true);
  }
});

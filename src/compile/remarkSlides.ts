import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';

/** Nodes that belong to the whole deck, not to a slide. */
const deckLevel = new Set(['yaml', 'mdxjsEsm']);

/**
 * Splits the deck on top-level `---` into `<section>` elements, one per slide.
 * Frontmatter and imports stay at the top; empty stretches (a trailing `---`) make no slide.
 */
export function remarkSlides() {
  return (tree: Root) => {
    const top: RootContent[] = [];
    const slides: MdxJsxFlowElement[] = [];
    let current: RootContent[] = [];
    const close = () => {
      const content = current.filter((node) => !deckLevel.has(node.type));
      if (content.length > 0) {
        slides.push({
          type: 'mdxJsxFlowElement',
          name: 'section',
          attributes: [],
          children: content as MdxJsxFlowElement['children'],
          position: content[0].position && {
            start: content[0].position.start,
            end: content.at(-1)!.position!.end,
          },
        });
      }
      current = [];
    };
    for (const node of tree.children) {
      if (deckLevel.has(node.type)) top.push(node);
      else if (node.type === 'thematicBreak') close();
      else current.push(node);
    }
    close();
    tree.children = [...top, ...slides];
  };
}

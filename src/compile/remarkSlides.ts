import type { Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { failOn, type Fail } from './deckMessages.ts';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';

/** Nodes that belong to the whole deck, not to a slide. */
const deckLevel = new Set(['yaml', 'mdxjsEsm']);

/**
 * Splits the deck on top-level `---` into `<section>` elements, one per slide.
 * Frontmatter and imports stay at the top; empty stretches (a trailing `---`) make no slide.
 */
export function remarkSlides() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const fail: Fail = failOn(file);
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
      if (node.type === 'heading' && node.depth === 2) refuseUnderlinedText(node.position, source, fail);
      if (deckLevel.has(node.type)) top.push(node);
      else if (node.type === 'thematicBreak') close();
      else current.push(node);
    }
    close();
    tree.children = [...top, ...slides];
  };
}

/**
 * Markdown reads a line of text directly above `---` as a heading underlined, so the slide
 * break silently disappears. Say so where it happens.
 */
function refuseUnderlinedText(position: Position | undefined, source: string, fail: Fail): void {
  if (!position || position.start.line === position.end.line) return;
  const underline = source.split(/\r?\n/)[position.end.line - 1];
  if (!/^\s*-{3,}\s*$/.test(underline ?? '')) return;
  fail('This --- does not start a new slide: the line above it has no blank line after it', {
    place: { line: position.end.line, column: 1 },
    hint: 'Put an empty line between the text and --- (Markdown otherwise makes the text a heading).',
    ruleId: 'slide-break-underline',
  });
}

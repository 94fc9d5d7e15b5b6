import type { Root, RootContent } from 'hast';
import type { Place } from './deckError.ts';

/** The heading of the slide that holds a place, as plain text; none when it has none or it shows data. */
export type SlideHeadingAt = (place: Place) => string | undefined;

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Each slide's first heading, by the lines the slide spans, read before the slides render so
 * a component may borrow its slide's heading as a name (a `<Chart>` without a title).
 */
export function slideHeadings(tree: Root): SlideHeadingAt {
  const slides = tree.children.flatMap((node) => {
    if (node.type !== 'mdxJsxFlowElement' || node.name !== 'section' || !node.position) return [];
    const heading = node.children.find((child) => child.type === 'element' && headingTags.has(child.tagName));
    const text = heading && plainText(heading);
    return [{ from: node.position.start.line, to: node.position.end.line, heading: text?.trim() || undefined }];
  });
  return ({ line }) => slides.find((slide) => slide.from <= line && line <= slide.to)?.heading;
}

/** The text of a heading written as text; undefined when braces in it show data, known only once it runs. */
function plainText(node: RootContent): string | undefined {
  if (node.type === 'text') return node.value;
  if (node.type.startsWith('mdx')) return undefined;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) {
    const part = plainText(child);
    if (part === undefined) return undefined;
    text += part;
  }
  return text;
}

import type { Element, ElementContent } from 'hast';
import { phrasing } from '../slideSchema.ts';
import type { RenderContext } from './defineComponent.ts';

/** Elements that sit inside a line of text; anything else starts a block of its own. */
const phrasingTags = new Set(phrasing);

export function isWhitespace(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
}

/** True when the nodes are a run of text (what a component gets when written without blank lines). */
export function isPhrasing(nodes: readonly ElementContent[]): boolean {
  return nodes.every((node) => node.type !== 'element' || phrasingTags.has(node.tagName));
}

export function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}

/** A copy of the element with more classes; a class it already has is not repeated. */
export function withClasses(element: Element, names: readonly string[]): Element {
  const current = Array.isArray(element.properties.className) ? element.properties.className.map(String) : [];
  return { ...element, properties: { ...element.properties, className: [...new Set([...current, ...names])] } };
}

export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export interface ItemRule {
  /** The container's name as the deck writes it, e.g. `Positions`. */
  container: string;
  /** The item component's name, e.g. `Position`. */
  item: string;
  /** The class the item component renders with, which tells its elements apart. */
  itemClass: string;
  min: number;
  max: number;
  /** How to write one item, for the hint, e.g. `<Position org="…" stance="…" />`. */
  example: string;
}

/**
 * The items a container holds, checked: only items of its own kind (and whitespace), and
 * between `min` and `max` of them. Items written on one line come wrapped in a paragraph,
 * which is unwrapped.
 */
export function containedItems(
  children: readonly ElementContent[],
  rule: ItemRule,
  { fail }: RenderContext,
): Element[] {
  const holdsItem = (node: ElementContent) =>
    node.type === 'element' &&
    node.children.some((child) => child.type === 'element' && hasClass(child, rule.itemClass));
  const nodes = children.flatMap((node) =>
    node.type === 'element' && node.tagName === 'p' && holdsItem(node) ? node.children : [node],
  );
  const items: Element[] = [];
  for (const node of nodes) {
    if (isWhitespace(node)) continue;
    if (node.type === 'element' && hasClass(node, rule.itemClass)) {
      items.push(node);
      continue;
    }
    fail(`<${rule.container}> may hold only <${rule.item}> elements, but it holds ${described(node)}`, {
      hint: `Move other content out of <${rule.container}>, or into one of its <${rule.item}> elements: ${rule.example}.`,
      ruleId: `${rule.container}-children`,
    });
  }
  if (items.length < rule.min || items.length > rule.max) {
    fail(`<${rule.container}> holds ${items.length} <${rule.item}>; it needs ${rule.min} to ${rule.max}`, {
      hint:
        items.length < rule.min
          ? `Add ${rule.min - items.length === 1 ? 'another' : `${rule.min - items.length} more`} inside it: ${rule.example}.`
          : `Keep at most ${rule.max}: split the rest onto another slide.`,
      ruleId: `${rule.container}-count`,
    });
  }
  return items;
}

function described(node: ElementContent): string {
  const text = textOf(node).trim().replace(/\s+/g, ' ');
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  if (node.type === 'text' || (node.type === 'element' && node.tagName === 'p')) return `the text "${shown}"`;
  return node.type === 'element' ? `a <${node.tagName}>${shown ? ` ("${shown}")` : ''}` : 'other content';
}

import type { Element, Nodes, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { ChangedSlide } from '../contract/devEvents.ts';
import { classNames } from '../contract/markup.ts';

/** What a page needs to show a new build in place: the slides that changed, and the new build's stamp. */
export interface SlideChanges {
  slides: ChangedSlide[];
  stamp: string;
}

/** The stamp's hast property name (`data-deck`): it changes with any slide, so it is compared apart. */
const stampProperty = 'dataDeck';

/**
 * The slides of `after` that differ from `before`, when nothing else differs: same number of
 * slides, and the same document around them (head, theme, runtime, frontmatter settings). Anything
 * else, or a slide that holds slides of its own (a vertical stack), gives none: the page reloads.
 */
export function slideChanges(before: Root, after: Root): SlideChanges | undefined {
  const [old, next] = [deckParts(before), deckParts(after)];
  if (!old || !next || old.slides.length !== next.slides.length || !sameNode(before, after)) return undefined;
  const slides: ChangedSlide[] = [];
  next.slides.forEach((slide, index) => {
    const html = toHtml(slide);
    if (html !== toHtml(old.slides[index]!)) slides.push({ index, html });
  });
  const stacked = slides.some(({ index }) => next.slides[index]!.children.some(isSection));
  const stamp = next.deck.properties[stampProperty];
  return stacked || typeof stamp !== 'string' ? undefined : { slides, stamp };
}

function deckParts(document: Root): { deck: Element; slides: Element[] } | undefined {
  const deck = findElement(document, (element) => hasClass(element, classNames.deck));
  const slides = deck && findElement(deck, (element) => hasClass(element, 'slides'));
  return deck && slides ? { deck, slides: slides.children.filter(isSection) } : undefined;
}

function findElement(node: Nodes, test: (element: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/**
 * Two trees alike but for their slides and the deck's stamp. The large texts (runtime, styles) are
 * the same strings build after build, so they compare at once.
 */
function sameNode(a: Nodes, b: Nodes): boolean {
  if (a.type !== b.type) return false;
  if ('value' in a) return a.value === (b as typeof a).value;
  if (a.type === 'element') {
    const other = b as Element;
    const ignored = hasClass(a, classNames.deck) ? stampProperty : undefined;
    if (a.tagName !== other.tagName || !sameProperties(a.properties, other.properties, ignored)) return false;
  }
  if (!('children' in a)) return true;
  const slidesElement = a.type === 'element' && hasClass(a, 'slides');
  const kept = (children: Nodes[]) => (slidesElement ? children.filter((child) => !isSection(child)) : children);
  const [ours, theirs] = [kept(a.children), kept((b as typeof a).children)];
  return ours.length === theirs.length && ours.every((child, index) => sameNode(child, theirs[index]!));
}

function sameProperties(a: Properties, b: Properties, ignored: string | undefined): boolean {
  const keys = (properties: Properties) => Object.keys(properties).filter((key) => key !== ignored);
  const [ours, theirs] = [keys(a), keys(b)];
  return ours.length === theirs.length && ours.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

function isSection(node: Nodes): node is Element {
  return node.type === 'element' && node.tagName === 'section';
}

function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}

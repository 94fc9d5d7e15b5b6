import type { ElementContent, Properties, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { Place } from './deckError.ts';
import { failOn, type Fail } from './deckMessages.ts';

/** What a component receives besides its props: where it stands in the deck. */
export interface ComponentContext {
  place: Place;
}

/** A deck component: props (already the deck author's values) in, hast out. */
export type ComponentFunction = (props: Record<string, unknown>, context: ComponentContext) => HastChild;

export type HastChild = RootContent | Root | string | number | boolean | null | undefined | HastChild[];

interface SourceInfo {
  fileName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

export const Fragment = Symbol('podium.fragment');

/**
 * Nodes made by Podium's JSX runtime and components. Only these become elements: an object
 * from a data file shaped like a hast node is still data, never markup.
 */
const made = new WeakSet<object>();

/** Marks what a component rendered as Podium's own nodes. */
export function madeByPodium<T extends HastChild>(value: T): T {
  if (Array.isArray(value)) value.forEach(madeByPodium);
  else if (value !== null && typeof value === 'object') made.add(value);
  return value;
}

/** True for a node Podium made (see `made`). */
export function isMadeByPodium(value: unknown): boolean {
  return value !== null && typeof value === 'object' && made.has(value);
}

/** Something other than text or Podium's nodes where a child was expected. */
export class NotAChild extends Error {
  constructor(readonly value: unknown) {
    super('A value that is not text was given as content');
  }
}

/** Turns whatever JSX produced into a flat list of hast nodes. */
export function toHastChildren(value: HastChild): RootContent[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (typeof value === 'string' || typeof value === 'number') return [{ type: 'text', value: String(value) }];
  if (Array.isArray(value)) return value.flatMap(toHastChildren);
  if (!made.has(value)) throw new NotAChild(value);
  if (value.type === 'root') return value.children;
  return [value];
}

/** A value as a deck author would call it: "an object with district, total" or "a list of 3 values". */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} value${value.length === 1 ? '' : 's'}`;
  if (value === null || typeof value !== 'object') return typeof value;
  const keys = Object.keys(value);
  return keys.length
    ? `an object with ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}`
    : 'an empty object';
}

/** JSX's style objects (`{textAlign: 'left'}`) as the CSS text hast expects. */
function styleText(style: unknown): string | undefined {
  if (style === null || typeof style !== 'object') return typeof style === 'string' ? style : undefined;
  return Object.entries(style as Record<string, unknown>)
    .map(([key, value]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${String(value)}`)
    .join('; ');
}

/**
 * The JSX runtime MDX runs against: elements become hast nodes directly, so a deck renders
 * to a syntax tree (serialized once, with escaping) and never to HTML strings.
 */
export function createHastJsx(deck: VFile) {
  const file = deck.path;
  const fail: Fail = failOn(deck);
  function jsxDEV(
    type: unknown,
    props: Record<string, unknown>,
    _key?: unknown,
    _static?: unknown,
    source?: SourceInfo,
  ): HastChild {
    const { children, ...rest } = props;
    // Text gets `undefined` only from an expression that found nothing: a misspelt data key,
    // which would otherwise leave a silent gap on the slide ("We have  staff").
    if (Array.isArray(children) ? children.includes(undefined) : children === undefined && 'children' in props) {
      fail('An expression in braces here gives nothing', {
        place: { line: source?.lineNumber ?? 1, column: source?.columnNumber ?? 1 },
        hint: 'A data key in it may be misspelt or missing from the data file: check it against the file.',
        ruleId: 'expression-empty',
      });
    }
    const place = { file, line: source?.lineNumber ?? 1, column: source?.columnNumber ?? 1 };
    if (type === Fragment) return madeByPodium(childrenAt(children as HastChild, place));
    if (typeof type === 'function') return madeByPodium((type as ComponentFunction)(props, { place }));
    if (typeof type !== 'string') throw new TypeError(`Cannot render element of type ${String(type)}`);
    const properties: Properties = {};
    for (const [key, value] of Object.entries(rest)) {
      if (key === 'style') {
        const text = styleText(value);
        if (text) properties.style = text;
      } else if (value !== undefined && value !== null && typeof value !== 'function' && typeof value !== 'object') {
        properties[key] = value as string | number | boolean;
      } else if (Array.isArray(value)) {
        properties[key] = value.map(String);
      }
    }
    const element = h(type, properties, childrenAt(children as HastChild, place) as ElementContent[]);
    // Where the deck wrote it, so checks made once the deck has run (the allow-list) can point there.
    if (source?.lineNumber)
      element.position = {
        start: { line: place.line, column: place.column },
        end: { line: place.line, column: place.column },
      };
    return madeByPodium(element);
  }

  /** The children of the element at `place`; data where content belongs is refused there. */
  function childrenAt(children: HastChild, place: Place): RootContent[] {
    try {
      return toHastChildren(children);
    } catch (error) {
      if (!(error instanceof NotAChild)) throw error;
      return fail(`Content here is ${describeValue(error.value)}, not text`, {
        place,
        hint: 'Show one of its fields in braces, such as {figures.total}; data gives values, never elements.',
        ruleId: 'expression-not-text',
      });
    }
  }
  return { Fragment, jsx: jsxDEV, jsxs: jsxDEV, jsxDEV };
}

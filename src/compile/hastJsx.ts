import type { ElementContent, Properties, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { DeckError, type Place } from './deckError.ts';

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

const Fragment = Symbol('podium.fragment');

/** Turns whatever JSX produced into a flat list of hast nodes. */
export function toHastChildren(value: HastChild): RootContent[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (typeof value === 'string' || typeof value === 'number') return [{ type: 'text', value: String(value) }];
  if (Array.isArray(value)) return value.flatMap(toHastChildren);
  if (value.type === 'root') return value.children;
  return [value];
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
export function createHastJsx(file: string, deckSource?: string) {
  function jsxDEV(type: unknown, props: Record<string, unknown>, _key?: unknown, _static?: unknown, source?: SourceInfo): HastChild {
    const { children, ...rest } = props;
    // Text gets `undefined` only from an expression that found nothing: a misspelt data key,
    // which would otherwise leave a silent gap on the slide ("We have  staff").
    if (Array.isArray(children) ? children.includes(undefined) : children === undefined && 'children' in props) {
      throw new DeckError('An expression in braces here gives nothing', {
        place: { file, line: source?.lineNumber ?? 1, column: source?.columnNumber ?? 1 },
        hint: 'A data key in it may be misspelt or missing from the data file: check it against the file.',
        source: deckSource,
        ruleId: 'expression-empty',
      });
    }
    if (type === Fragment) return toHastChildren(children as HastChild);
    if (typeof type === 'function') {
      const place = { file, line: source?.lineNumber ?? 1, column: source?.columnNumber ?? 1 };
      return (type as ComponentFunction)(props, { place });
    }
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
    const element = h(type, properties, toHastChildren(children as HastChild) as ElementContent[]);
    // Where the deck wrote it, so checks made once the deck has run (the allow-list) can point there.
    if (source?.lineNumber) element.position = { start: { line: source.lineNumber, column: source.columnNumber ?? 1 }, end: { line: source.lineNumber, column: source.columnNumber ?? 1 } };
    return element;
  }
  return { Fragment, jsx: jsxDEV, jsxs: jsxDEV, jsxDEV };
}

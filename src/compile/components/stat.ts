import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { z } from 'zod';
import { citation, sourceSchema } from './citations.ts';
import { defineComponent } from './defineComponent.ts';
import { withPropSynonyms } from './propSynonyms.ts';
import { numberFormat } from '../../locale/formats.ts';

/** A number (formatted in the deck's language) or text for figures a number cannot say, like "2,000+". */
const statValue = z
  .custom<number | string>(
    (value) =>
      (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== ''),
    {
      error: (issue) => `must be a number (value={328}) or text (value="2,000+"), but it is ${described(issue.input)}`,
    },
  )
  .transform((value) => (typeof value === 'string' ? value.trim() : value));

function described(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'empty';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

const statProps = z.strictObject({
  value: statValue,
  label: z.string().trim().min(1),
  source: sourceSchema.optional(),
});

const statComponent = defineComponent('Stat', statProps, ({ value, label, source }, { deck }) => {
  const shown = typeof value === 'number' ? numberFormat(deck.lang).format(value) : value;
  return h('div', { className: ['podium-stat'] }, [
    // The theme shrinks a long figure to fit its column, which needs its length in characters.
    h('p', { className: [valueClass], style: lengthStyle([...shown].length) }, shown),
    h('p', { className: ['podium-stat-label'] }, label),
    ...(source ? [citation(deck, source)] : []),
  ]);
});

const statClass = 'podium-stat';
const valueClass = 'podium-stat-value';

function lengthStyle(length: number): string {
  return `--podium-stat-length: ${length}`;
}

/**
 * Stats written one after another share a row, and one type size: the longest figure in the row
 * gives the length every figure in it is sized by, so "14 million" and "3.5" beside it match.
 */
export function shareStatSizes(slides: Element[]): void {
  for (const slide of slides) shareWithin(slide);
}

/** Sizes each row of stats among the element's children alike, then does the same inside each child. */
function shareWithin(parent: Element): void {
  let row: Element[] = [];
  for (const child of parent.children) {
    if (hasClass(child, statClass)) row.push(child);
    else if (child.type !== 'text' || child.value.trim() !== '') row = sizeAlike(row);
    if (child.type === 'element') shareWithin(child);
  }
  sizeAlike(row);
}

/** Gives every figure in a row of stats the length of the longest; returns a new, empty row. */
function sizeAlike(row: Element[]): Element[] {
  if (row.length < 2) return [];
  const values = row.flatMap((stat) => stat.children.filter((child) => hasClass(child, valueClass)));
  const longest = Math.max(...values.map((value) => [...textOf(value)].length));
  for (const value of values) value.properties.style = lengthStyle(longest);
  return [];
}

function hasClass(node: ElementContent, name: string): node is Element {
  return (
    node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes(name)
  );
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** `<Stat value label source? />`: one big number and what it counts; Stats in a row sit side by side. */
export const stat = withPropSynonyms(statComponent, Object.keys(statProps.shape), {
  value: ['number', 'figure', 'amount'],
  label: ['caption', 'text', 'title', 'description'],
});

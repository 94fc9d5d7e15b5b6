import { h } from 'hastscript';
import { z } from 'zod';
import { citation, sourceSchema } from './citations.ts';
import { defineComponent } from './defineComponent.ts';
import { withPropSynonyms } from './propSynonyms.ts';

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
  const shown = typeof value === 'number' ? new Intl.NumberFormat(deck.lang).format(value) : value;
  return h('div', { className: ['podium-stat'] }, [
    // The theme shrinks a long figure to fit its column, which needs its length in characters.
    h('p', { className: ['podium-stat-value'], style: `--podium-stat-length: ${[...shown].length}` }, shown),
    h('p', { className: ['podium-stat-label'] }, label),
    ...(source ? [citation(deck, source)] : []),
  ]);
});

/** `<Stat value label source? />`: one big number and what it counts; Stats in a row sit side by side. */
export const stat = withPropSynonyms(statComponent, Object.keys(statProps.shape), {
  value: ['number', 'figure', 'amount'],
  label: ['caption', 'text', 'title', 'description'],
});

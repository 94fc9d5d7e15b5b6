import type { Element } from 'hast';
import { h } from 'hastscript';
import { z } from 'zod';
import { DeckError } from '../deckError.ts';
import { containedItems, isPhrasing, isWhitespace, textOf } from './childContent.ts';
import { citation, sourceSchema } from './citations.ts';
import { defineComponent, type RenderContext } from './defineComponent.ts';
import { withPropSynonyms } from './propSynonyms.ts';

const text = z.string().trim().min(1);

/** Quoted words as said; Podium adds the curly quotes, so marks the author typed would double them. */
const quoteText = text.refine((quote) => !/^["“”„'‘’«‹].*["“”'‘’»›]$/s.test(quote), {
  message: 'leave out the quotation marks around the words; Podium adds them',
});

const positionProps = z.strictObject({
  org: text,
  speaker: text.optional(),
  stance: text,
  quote: quoteText.optional(),
  source: sourceSchema.optional(),
});

const positionComponent = defineComponent(
  'Position',
  positionProps,
  ({ org, speaker, stance, quote, source }, { deck, children }) => {
    const body = children.filter((node) => !isWhitespace(node));
    return h('article', { className: ['podium-position'] }, [
      h('h3', org),
      ...(speaker ? [h('p', { className: ['podium-position-speaker'] }, speaker)] : []),
      h('p', { className: ['podium-position-stance'] }, stance),
      ...(quote ? [h('blockquote', { className: ['podium-position-quote'] }, h('p', `“${quote}”`))] : []),
      ...(body.length > 0
        ? [h('div', { className: ['podium-position-body'] }, isPhrasing(body) ? [h('p', children)] : children)]
        : []),
      ...(source ? [citation(deck, source)] : []),
    ]);
  },
);

/**
 * `<Position org stance speaker? quote? source?>…</Position>`: one side of a question. Every
 * position has the same parts in the same order, so no side looks weightier for its markup.
 * A Position outside `<Positions>` is allowed and shows alone.
 */
export const position = withPropSynonyms(positionComponent, Object.keys(positionProps.shape), {
  org: ['organization', 'organisation', 'group', 'side'],
  stance: ['position', 'view', 'summary'],
  speaker: ['author', 'person'],
});

/** `<Positions>`: two to four `<Position>`s side by side, in equal columns. */
export const positions = defineComponent('Positions', z.strictObject({}), (_props, context) => {
  const items = containedItems(
    context.children,
    {
      container: 'Positions',
      item: 'Position',
      itemClass: 'podium-position',
      min: 2,
      max: 4,
      example: '<Position org="…" stance="…" />',
    },
    context,
  );
  requireQuotesForAllOrNone(items, context);
  return h('div', { className: ['podium-positions'] }, items);
});

/** A quote gives a side a voice; one side without it would look weaker, so it is all or none. */
function requireQuotesForAllOrNone(items: Element[], { place, deck }: RenderContext): void {
  const quoted = items.filter((item) =>
    item.children.some((child) => child.type === 'element' && child.tagName === 'blockquote'),
  );
  if (quoted.length === 0 || quoted.length === items.length) return;
  const unquoted = items.filter((item) => !quoted.includes(item)).map(orgOf);
  throw new DeckError(
    `${quoted.length} of the ${items.length} positions in <Positions> ${quoted.length === 1 ? 'has' : 'have'} a quote, but ${unquoted.map((org) => `"${org}"`).join(' and ')} ${unquoted.length === 1 ? 'has' : 'have'} none`,
    {
      place,
      hint: 'Give every position a quote, or none, so each side is presented with the same weight.',
      source: deck.source,
      ruleId: 'Positions-quotes',
    },
  );
}

function orgOf(item: Element): string {
  const heading = item.children.find((child) => child.type === 'element' && child.tagName === 'h3');
  return heading ? textOf(heading) : '?';
}

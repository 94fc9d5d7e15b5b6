import type { Element } from 'hast';
import { h } from 'hastscript';
import { z } from 'zod';
import { containedItems, hasClass, isPhrasing, isWhitespace, textOf } from './childContent.ts';
import { citation, sourceSchema } from './citations.ts';
import { defineComponent, type RenderContext } from './defineComponent.ts';
import { withPropSynonyms } from './propSynonyms.ts';

const text = z.string().trim().min(1);
const stanceClass = 'podium-position-stance';

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
  ({ org, speaker, stance, quote, source }, { place, deck, children }) => {
    const body = children.filter((node) => !isWhitespace(node));
    const card = h('article', { className: ['podium-position'] }, [
      h('h3', org),
      ...(speaker ? [h('p', { className: ['podium-position-speaker'] }, speaker)] : []),
      h('p', { className: [stanceClass] }, stance),
      ...(quote ? [h('blockquote', { className: ['podium-position-quote'] }, h('p', `“${quote}”`))] : []),
      ...(body.length > 0
        ? [h('div', { className: ['podium-position-body'] }, isPhrasing(body) ? [h('p', children)] : children)]
        : []),
      ...(source ? [citation(deck, source)] : []),
    ]);
    // Where the deck wrote it, so <Positions> can point at one of its positions.
    card.position = {
      start: { line: place.line, column: place.column },
      end: { line: place.line, column: place.column },
    };
    return card;
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
  return h('div', { className: ['podium-positions'] }, withQuotesForAllOrNone(items, context));
});

/**
 * A quote gives a side a voice; a side without one would look weaker. Each card without a
 * quote keeps an empty quote block in its place, so every card has the same parts, and the
 * author is warned at that position.
 */
function withQuotesForAllOrNone(items: Element[], { place, warn }: RenderContext): Element[] {
  const quoted = items.filter((item) =>
    item.children.some((child) => child.type === 'element' && child.tagName === 'blockquote'),
  );
  if (quoted.length === 0 || quoted.length === items.length) return items;
  return items.map((item) => {
    if (quoted.includes(item)) return item;
    const at = item.position?.start;
    warn(
      `"${orgOf(item)}" has no quote, but ${quoted.length} of the ${items.length} positions in <Positions> ${quoted.length === 1 ? 'has' : 'have'} one`,
      {
        place: at ? { file: place.file, line: at.line, column: at.column } : place,
        hint: 'Give every position a quote, or none, so each side is presented with the same weight.',
        ruleId: 'Positions-quotes',
      },
    );
    const stance = item.children.findIndex((child) => child.type === 'element' && hasClass(child, stanceClass));
    const emptyQuote = h('blockquote', {
      className: ['podium-position-quote', 'podium-position-no-quote'],
      ariaHidden: 'true',
    });
    return { ...item, children: item.children.toSpliced(stance + 1, 0, emptyQuote) };
  });
}

function orgOf(item: Element): string {
  const heading = item.children.find((child) => child.type === 'element' && child.tagName === 'h3');
  return heading ? textOf(heading) : '?';
}

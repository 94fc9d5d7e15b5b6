import { h } from 'hastscript';
import { z } from 'zod';
import { isPhrasing, isWhitespace } from './childContent.ts';
import { citation, sourceSchema } from './citations.ts';
import { defineComponent } from './defineComponent.ts';
import { withPropSynonyms } from './propSynonyms.ts';

const quoteProps = z.strictObject({
  by: z.string().trim().min(1),
  role: z.string().trim().min(1).optional(),
  source: sourceSchema.optional(),
});

const quoteComponent = defineComponent('Quote', quoteProps, ({ by, role, source }, { deck, children, fail }) => {
  const words = children.filter((node) => !isWhitespace(node));
  if (words.length === 0) {
    return fail(`<Quote> by ${by} has no words`, {
      hint: `Write the quoted words between the tags: <Quote by="${by}">…</Quote>.`,
      ruleId: 'Quote-empty',
    });
  }
  return h('figure', { className: ['podium-quote'] }, [
    // Words written without blank lines arrive as bare text: a paragraph keeps them styled like the rest.
    h('blockquote', isPhrasing(words) ? [h('p', children)] : children),
    h('figcaption', [`— ${by}${role ? `, ${role}` : ''}`, ...(source ? [' · ', citation(deck, source)] : [])]),
  ]);
});

/** `<Quote by role? source?>…</Quote>`: someone's words, with who said them and where it was reported. */
export const quote = withPropSynonyms(quoteComponent, Object.keys(quoteProps.shape), {
  by: ['author', 'speaker', 'person'],
});

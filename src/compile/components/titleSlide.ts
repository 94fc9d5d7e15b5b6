import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { z } from 'zod';
import type { DeckTranslation } from '../deckTranslation.ts';
import { isWhitespace } from './childContent.ts';
import { defineComponent } from './defineComponent.ts';
import { dateFormat } from '../../locale/formats.ts';

/**
 * `<TitleSlide />`: the deck's title, subtitle, meeting, date, author and logo, from the
 * frontmatter, so they are written once. Anything between the tags goes under them.
 */
export const titleSlide = defineComponent('TitleSlide', z.strictObject({}), (_, { deck, children }) => {
  const { meta, brand } = deck;
  const line = (name: string, content: Array<ElementContent | string>) =>
    h('p', { className: [`podium-title-${name}`] }, content);
  const occasion = [
    ...(meta.meeting ? [meta.meeting] : []),
    ...(meta.meeting && meta.date ? [h('br')] : []),
    ...(meta.date ? [dateShown(meta.date, deck.lang)] : []),
  ];
  const more = children.filter((node) => !isWhitespace(node));
  return h('div', { className: ['podium-title-slide'] }, [
    ...(brand.logo ? [h('img', { className: ['podium-title-logo'], src: brand.logo.src, alt: brand.logo.alt })] : []),
    h('h1', meta.title),
    ...(meta.subtitle ? [line('subtitle', [meta.subtitle])] : []),
    ...(occasion.length > 0 ? [line('occasion', occasion)] : []),
    ...(meta.author ? [line('author', [meta.author])] : []),
    ...(deck.translation ? [translationLink(deck.translation)] : []),
    ...more,
  ]);
});

/** "Español" on the English deck, "English" on the Spanish one: the other version, in its own language. */
function translationLink({ href, lang, name }: DeckTranslation): ElementContent {
  return h('p', { className: ['podium-title-translation'] }, [h('a', { href, hrefLang: lang, lang }, name)]);
}

/** An ISO date (2026-12-08) in the deck's language ("December 8, 2026"); any other text as written. */
function dateShown(date: string, lang: string): ElementContent {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const day = iso && new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  // 2026-02-30 would roll over to March: such a date is shown as written.
  if (!iso || !day || day.toISOString().slice(0, 10) !== iso[0]) return { type: 'text', value: date };
  return h('time', { dateTime: iso[0] }, dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(day));
}

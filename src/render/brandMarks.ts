import type { Element } from 'hast';
import { h } from 'hastscript';
import type { DeckBrand } from '../compile/deckBrand.ts';
import { classNames } from '../contract/markup.ts';

/**
 * The logo and footer line every slide shows, written once: they sit in reveal's slide box
 * beside the slides (so they scale with them and stay put as slides change), and the runtime
 * copies them onto each printed page.
 */
export function brandMarks({ logo, footer }: DeckBrand): Element[] {
  const corner = logo?.everySlide ? [h('img', { className: ['podium-brand-logo'], src: logo.src, alt: logo.alt })] : [];
  const line = footer ? [h('p', { className: ['podium-brand-footer'] }, footer)] : [];
  if (corner.length + line.length === 0) return [];
  return [h('div', { className: [classNames.brand] }, [...corner, ...line])];
}

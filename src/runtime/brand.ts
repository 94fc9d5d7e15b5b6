import './theme/brand.css';
import { classNames, deckAttributes } from '../contract/markup.ts';
import { slideSizeOf } from '../contract/slideSize.ts';

/** The slide box the deck was built for (its `aspect`), for reveal.js's width and height. */
export function deckSlideSize(): { width: number; height: number } {
  return slideSizeOf(document.querySelector(`.${classNames.deck}`)?.getAttribute(deckAttributes.aspect));
}

/**
 * Puts a copy of the logo and footer on every printed page: printing, reveal.js moves each slide
 * onto a page of its own. The copies are page furniture, left out of the PDF's tags.
 */
export function printBrand(deck: Element): void {
  const brand = deck.querySelector(`.slides > .${classNames.brand}`);
  if (!brand) return;
  for (const page of deck.querySelectorAll('.slides > .pdf-page')) {
    if (page.querySelector(`:scope > .${classNames.brand}`)) continue;
    const copy = brand.cloneNode(true) as Element;
    copy.setAttribute('aria-hidden', 'true');
    page.append(copy);
  }
}

/** The slide box's shape as a CSS ratio (`16 / 9`) on `<html>`, for the speaker view's previews. */
export function markSlideRatio(): void {
  const { width, height } = deckSlideSize();
  document.documentElement.style.setProperty('--podium-slide-ratio', `${width} / ${height}`);
}

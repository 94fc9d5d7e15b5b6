/*
 * How the dev client hands new slides to the runtime of the page: a cancelable event on the
 * document, which the runtime cancels once it has put them in place (and a page whose runtime
 * cannot, such as the reading view, reloads instead).
 */

export const slideReplacementEvent = 'podium:replace-slides';

export interface SlideReplacement {
  /** New `<section>`s, each for the slide at its index among the deck's slides. */
  slides: Array<{ index: number; section: HTMLElement }>;
  /** The new build's stamp of its slides (deckAttributes.stamp). */
  stamp: string;
}

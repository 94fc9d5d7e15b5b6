import { deckAttributes } from '../contract/markup.ts';
import { type SlideReplacement, slideReplacementEvent } from '../contract/slideReplacement.ts';
import type { ChartController } from './charts.ts';
import type { SlideSemantics } from './slideSemantics.ts';

/** The reveal.js calls replacing slides needs. */
export interface LiveDeck {
  getIndices(): { h: number; v?: number; f?: number };
  getHorizontalSlides(): HTMLElement[];
  getCurrentSlide(): HTMLElement | undefined;
  getRevealElement(): HTMLElement | null;
  isOverview(): boolean;
  isScrollView(): boolean;
  isPrintView(): boolean;
  sync(): void;
  syncSlide(slide: HTMLElement): void;
  slide(h: number, v?: number, f?: number): void;
}

/**
 * Slides replaced in place while the deck is shown (`podium dev` after a save): the new sections
 * take the old ones' places, the deck stays on its slide and step, and each new slide gets what
 * the runtime gives a slide as it starts (its label and role, its steps, its charts once shown).
 * Charts on the other slides are left as they are.
 */
export class LiveSlides {
  readonly #deck: LiveDeck;
  readonly #charts: ChartController;
  readonly #semantics: SlideSemantics;
  readonly #replace = (event: Event) => {
    if (event instanceof CustomEvent && this.#replaced(event.detail as SlideReplacement)) event.preventDefault();
  };

  constructor(deck: LiveDeck, charts: ChartController, semantics: SlideSemantics) {
    this.#deck = deck;
    this.#charts = charts;
    this.#semantics = semantics;
    document.addEventListener(slideReplacementEvent, this.#replace);
  }

  /** False when the deck is laid out other than one slide at a time, or the slides are not where they were. */
  #replaced({ slides, stamp }: SlideReplacement): boolean {
    const deck = this.#deck;
    if (deck.isOverview() || deck.isScrollView() || deck.isPrintView()) return false;
    const columns = deck.getHorizontalSlides();
    const old = slides.map(({ index }) => columns[index]);
    if (old.some((slide) => !slide || slide.querySelector('section'))) return false;
    const { h, v, f } = deck.getIndices();
    const focused = document.activeElement;
    const hadFocus = focused !== null && (deck.getCurrentSlide()?.contains(focused) ?? false);
    slides.forEach(({ section }, at) => {
      this.#charts.forget(old[at]!);
      old[at]!.replaceWith(section);
    });
    deck.getRevealElement()?.setAttribute(deckAttributes.stamp, stamp);
    deck.sync();
    for (const { section } of slides) deck.syncSlide(section);
    // Back to the same step: the new current slide's steps shown as far as the old one's were.
    deck.slide(h, v, f);
    this.#semantics.label();
    const current = deck.getCurrentSlide();
    if (current && slides.some(({ section }) => section === current)) {
      this.#charts.show(current);
      if (hadFocus) this.#semantics.focus(current);
    }
    return true;
  }

  destroy(): void {
    document.removeEventListener(slideReplacementEvent, this.#replace);
  }
}

import { say } from './strings.ts';

/** The reveal.js calls naming the slide number needs. */
export interface SlideNumberDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  getRevealElement(): HTMLElement | null;
}

/**
 * Names reveal's slide-number link ("3 / 10" on screen) "Slide 3 / 10". The name keeps the visible
 * "3 / 10" whole (WCAG 2.5.3, label in name), so a speech-input user can say what they see. reveal.js rewrites the
 * link after it announces `slidechanged`, so the name follows each rewrite rather than the event.
 */
export class SlideNumber {
  readonly #deck: SlideNumberDeck;
  readonly #rewrites = new MutationObserver(() => this.#name());
  #element: Element | null = null;

  constructor(deck: SlideNumberDeck) {
    this.#deck = deck;
    deck.on('ready', this.#watch);
  }

  readonly #watch = (): void => {
    this.#element = this.#deck.getRevealElement()?.querySelector(':scope > .slide-number') ?? null;
    if (!this.#element) return;
    this.#name();
    this.#rewrites.observe(this.#element, { childList: true });
  };

  #name(): void {
    const link = this.#element?.querySelector('a');
    const current = link?.querySelector('.slide-number-a')?.textContent?.trim();
    if (!link || !current) return;
    const total = link.querySelector('.slide-number-b')?.textContent?.trim();
    link.setAttribute(
      'aria-label',
      total ? say('slideNumberLabel', { current, total }) : say('slideNumberAlone', { current }),
    );
  }

  /** Stops following the slide number; the name last given stays. */
  destroy(): void {
    this.#deck.off('ready', this.#watch);
    this.#rewrites.disconnect();
  }
}

/** The reveal.js calls the overview's focus rule needs. */
export interface OverviewDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  getSlidesElement(): HTMLElement | null;
}

const slideSelector = '.slides section';

/**
 * In the overview (Esc) reveal.js shows every slide and lifts `inert` from all of them, while it
 * still marks all but the current one `aria-hidden`: Tab would reach links a screen reader is
 * told are not there. While the overview is open, the contents of each hidden slide are inert.
 * The slide itself is not, so a click on it still picks it.
 */
export class OverviewFocus {
  readonly #deck: OverviewDeck;
  readonly #madeInert = new Set<Element>();
  readonly #observer = new MutationObserver(() => this.#match());
  readonly #opened = () => {
    const slides = this.#deck.getSlidesElement();
    if (!slides) return;
    this.#match();
    this.#observer.observe(slides, { subtree: true, attributes: true, attributeFilter: ['aria-hidden'] });
  };
  readonly #closed = () => {
    this.#observer.disconnect();
    for (const element of this.#madeInert) element.removeAttribute('inert');
    this.#madeInert.clear();
  };

  constructor(deck: OverviewDeck) {
    this.#deck = deck;
    deck.on('overviewshown', this.#opened);
    deck.on('overviewhidden', this.#closed);
  }

  #match(): void {
    for (const slide of this.#deck.getSlidesElement()?.querySelectorAll(slideSelector) ?? []) {
      const hidden = slide.getAttribute('aria-hidden') === 'true';
      // A slide's own slides (a vertical stack) are matched on their own.
      for (const part of slide.children) {
        if (part.matches('section')) continue;
        if (hidden && !part.hasAttribute('inert')) {
          part.setAttribute('inert', '');
          this.#madeInert.add(part);
        } else if (!hidden && this.#madeInert.delete(part)) {
          part.removeAttribute('inert');
        }
      }
    }
  }

  destroy(): void {
    this.#closed();
    this.#deck.off('overviewshown', this.#opened);
    this.#deck.off('overviewhidden', this.#closed);
  }
}

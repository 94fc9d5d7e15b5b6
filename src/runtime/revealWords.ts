import { say } from './strings.ts';

/** The reveal.js calls naming its controls needs. */
export interface RevealWordsDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  getRevealElement(): HTMLElement | null;
}

const controlLabels = {
  '.controls .navigate-left': 'previousSlide',
  '.controls .navigate-right': 'nextSlide',
  '.controls .navigate-up': 'slideAbove',
  '.controls .navigate-down': 'slideBelow',
} as const;

/**
 * reveal.js writes a few words of its own, in English: its arrow buttons' names, the button on the
 * black screen, the "go to slide" field (G). These put the deck's language in their place; the
 * field joins the page only when shown, so it is worded as it arrives.
 */
export class RevealWords {
  readonly #deck: RevealWordsDeck;
  readonly #arrivals = new MutationObserver(() => this.#wordJumpField());

  constructor(deck: RevealWordsDeck) {
    this.#deck = deck;
    deck.on('ready', this.#ready);
  }

  readonly #ready = (): void => {
    const root = this.#deck.getRevealElement();
    if (!root) return;
    for (const [selector, key] of Object.entries(controlLabels)) {
      for (const button of root.querySelectorAll(selector)) button.setAttribute('aria-label', say(key));
    }
    const resume = root.querySelector('.pause-overlay .resume-button');
    if (resume) resume.textContent = say('resumePresentation');
    this.#arrivals.observe(root, { childList: true });
  };

  #wordJumpField(): void {
    const field = this.#deck.getRevealElement()?.querySelector<HTMLInputElement>(':scope > .jump-to-slide input');
    if (field && field.placeholder !== say('jumpToSlide')) field.placeholder = say('jumpToSlide');
  }

  destroy(): void {
    this.#deck.off('ready', this.#ready);
    this.#arrivals.disconnect();
  }
}

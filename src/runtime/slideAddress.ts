/** The reveal.js calls the deck's address needs. */
export interface AddressedDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  getCurrentSlide(): HTMLElement | undefined;
  /** `/3`, `/3/0/1` on a step, or `/sources` for a slide with an id. */
  getSlidePath(): string;
  isPrintView(): boolean;
}

/** Events after which the address names a different place. */
const moves = ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden'];

/**
 * Keeps the address on the slide shown (`#/3`), as reveal.js's `hash: true` does, with two
 * differences that let citations take steps in history: it writes at once, never later from a
 * timer that could overwrite an entry pushed since, and it leaves an address that names an
 * element on the shown slide (`#source-4`) as it is. reveal.js still reads the address, on
 * load and on every hash change.
 */
export class SlideAddress {
  readonly #deck: AddressedDeck;
  readonly #write = () => this.write();

  constructor(deck: AddressedDeck) {
    this.#deck = deck;
    for (const event of moves) deck.on(event, this.#write);
  }

  write(): void {
    const deck = this.#deck;
    const slide = deck.getCurrentSlide();
    if (!slide || deck.isPrintView() || slide.contains(namedElement())) return;
    const path = deck.getSlidePath();
    const address = path === '/' ? `${location.pathname}${location.search}` : `#${path}`;
    if (new URL(address, location.href).href !== location.href) history.replaceState(null, '', address);
  }

  destroy(): void {
    for (const event of moves) this.#deck.off(event, this.#write);
  }
}

/** The element the address's fragment names, when it is an id rather than reveal's `#/…`. */
function namedElement(): Element | null {
  const fragment = location.hash.slice(1);
  if (!fragment || fragment.startsWith('/')) return null;
  try {
    return document.getElementById(decodeURIComponent(fragment));
  } catch {
    return null;
  }
}

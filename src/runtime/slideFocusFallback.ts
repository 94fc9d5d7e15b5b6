/*
 * A stand-in until slide semantics move focus to the new slide's heading on every slide change
 * (issue 11, item 2): remove this file and its line in start.ts then.
 */

/** The reveal.js calls the stand-in needs. */
export interface FocusedDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  getCurrentSlide(): HTMLElement | undefined;
}

/** After a slide change, focus left on a slide now hidden moves to the shown slide's heading. */
export function keepFocusOnShownSlide(deck: FocusedDeck): () => void {
  const moved = () => {
    const focused = document.activeElement;
    const shown = deck.getCurrentSlide();
    if (!shown || !focused?.closest('.slides section') || shown.contains(focused)) return;
    const heading = shown.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6') ?? shown;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  };
  deck.on('slidechanged', moved);
  return () => deck.off('slidechanged', moved);
}

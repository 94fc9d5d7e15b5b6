import type { PacedSlide } from './timeLeft.ts';

/**
 * The slides of the deck as the speaker view's own document holds them: the speaker view is the
 * deck's file opened again, so notes are read here rather than sent from the presentation.
 */
export class DeckSlides {
  readonly #stacks: HTMLElement[];

  constructor(reveal: HTMLElement | null) {
    this.#stacks = reveal ? [...reveal.querySelectorAll<HTMLElement>(':scope > .slides > section')] : [];
  }

  /** The slide at reveal's indices. */
  at(indexh: number, indexv: number): HTMLElement | undefined {
    const stack = this.#stacks[indexh];
    const vertical = stack ? [...stack.querySelectorAll<HTMLElement>(':scope > section')] : [];
    return vertical.length > 0 ? vertical[indexv] : stack;
  }

  /** Copies of the slide's speaker notes, for the notes pane. */
  notes(slide: HTMLElement): Node[] {
    return [...slide.querySelectorAll('aside.notes')]
      .filter((notes) => notes.closest('section') === slide)
      .flatMap((notes) => [...notes.childNodes].map((node) => node.cloneNode(true)));
  }

  /**
   * Where the slide falls among those the time limit is shared by: every slide but a list of
   * sources, which is there for readers and is not spoken to.
   */
  paced(slide: HTMLElement): PacedSlide | undefined {
    const paced = this.#all().filter((candidate) => !candidate.querySelector('ol.podium-sources'));
    const index = paced.indexOf(slide);
    return index < 0 ? undefined : { index, count: paced.length };
  }

  #all(): HTMLElement[] {
    return this.#stacks.flatMap((stack) => {
      const vertical = [...stack.querySelectorAll<HTMLElement>(':scope > section')];
      return vertical.length > 0 ? vertical : [stack];
    });
  }
}

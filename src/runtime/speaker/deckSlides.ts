import { classNames } from '../../contract/markup.ts';
import type { PacedSlide } from './timeLeft.ts';

/**
 * The slides of the deck as the speaker view's own document holds them: the speaker view is the
 * deck's file opened again, so notes are read here rather than sent from the presentation.
 */
export class DeckSlides {
  /** The slides by reveal's indices: a column per horizontal slide, one slide high unless it is a stack. */
  readonly #columns: HTMLElement[][];
  /** Every slide in reading order, vertical ones in their place. */
  readonly #all: HTMLElement[];
  /** The slides spoken to: all but those listing sources, which are there for readers. */
  readonly #spoken: Set<HTMLElement>;

  constructor(reveal: HTMLElement | null) {
    const stacks = reveal ? [...reveal.querySelectorAll<HTMLElement>(':scope > .slides > section')] : [];
    this.#columns = stacks.map((stack) => {
      const vertical = [...stack.querySelectorAll<HTMLElement>(':scope > section')];
      return vertical.length > 0 ? vertical : [stack];
    });
    this.#all = this.#columns.flat();
    this.#spoken = new Set(this.#all.filter((slide) => !slide.querySelector(`ol.${classNames.sources}`)));
  }

  /** The slide at reveal's indices. */
  at(indexh: number, indexv: number): HTMLElement | undefined {
    return this.#columns[indexh]?.[indexv];
  }

  /** Copies of the slide's speaker notes, for the notes pane; their links open beside the speaker view. */
  notes(slide: HTMLElement): Node[] {
    const copies = [...slide.querySelectorAll('aside.notes')]
      .filter((notes) => notes.closest('section') === slide)
      .flatMap((notes) => [...notes.childNodes].map((node) => node.cloneNode(true)));
    for (const copy of copies) {
      if (!(copy instanceof Element)) continue;
      for (const link of [...(copy.matches('a[href]') ? [copy] : []), ...copy.querySelectorAll('a[href]')]) {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener noreferrer');
      }
    }
    return copies;
  }

  /**
   * Where the slide falls among those the time limit is shared by: the slides spoken to from the
   * one the clock started on (time spent before it was not counted). None for a slide before the
   * start or not spoken to.
   */
  paced(slide: HTMLElement, startedOn: HTMLElement | undefined): PacedSlide | undefined {
    const from = startedOn ? Math.max(0, this.#all.indexOf(startedOn)) : 0;
    const paced = this.#all.slice(from).filter((candidate) => this.#spoken.has(candidate));
    const index = paced.indexOf(slide);
    return index < 0 ? undefined : { index, count: paced.length };
  }
}

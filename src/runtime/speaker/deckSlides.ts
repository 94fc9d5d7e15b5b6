import type { PacedSlide } from './timeLeft.ts';

/**
 * The slides of the deck as the speaker view's own document holds them: the speaker view is the
 * deck's file opened again, so notes are read here rather than sent from the presentation.
 */
export class DeckSlides {
  readonly #stacks: HTMLElement[];
  /** Every slide in reading order, vertical ones in their place. */
  readonly #all: HTMLElement[];

  constructor(reveal: HTMLElement | null) {
    this.#stacks = reveal ? [...reveal.querySelectorAll<HTMLElement>(':scope > .slides > section')] : [];
    this.#all = this.#stacks.flatMap((stack) => {
      const vertical = verticalSlides(stack);
      return vertical.length > 0 ? vertical : [stack];
    });
  }

  /** The slide at reveal's indices. */
  at(indexh: number, indexv: number): HTMLElement | undefined {
    const stack = this.#stacks[indexh];
    const vertical = stack ? verticalSlides(stack) : [];
    return vertical.length > 0 ? vertical[indexv] : stack;
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
   * Where the slide falls among those the time limit is shared by: the slides from the one the
   * clock started on (time spent before it was not counted), but for a list of sources, which is
   * there for readers and is not spoken to. None for a slide before the start or not paced.
   */
  paced(slide: HTMLElement, startedOn: HTMLElement | undefined): PacedSlide | undefined {
    const from = startedOn ? Math.max(0, this.#all.indexOf(startedOn)) : 0;
    const paced = this.#all.slice(from).filter((candidate) => !candidate.querySelector('ol.podium-sources'));
    const index = paced.indexOf(slide);
    return index < 0 ? undefined : { index, count: paced.length };
  }
}

function verticalSlides(stack: HTMLElement): HTMLElement[] {
  return [...stack.querySelectorAll<HTMLElement>(':scope > section')];
}

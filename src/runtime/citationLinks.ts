import './citationLinks.css';
import { classNames } from '../contract/markup.ts';
import { textElement } from './dom.ts';
import { say } from './strings.ts';

/** The reveal.js calls citations need. */
export interface CitingDeck {
  getIndices(slide?: HTMLElement): { h: number; v: number; f?: number };
  getSlidePath(slide?: HTMLElement): string;
  slide(h: number, v?: number, f?: number): void;
}

const selectors = {
  citation: `a.${classNames.cite}`,
  entry: '.podium-sources > li[id]',
  slide: '.slides section',
};

const backLinkClass = 'podium-cite-back';

/** What Podium keeps in a history entry: the citation it left from, and where the deck stood; or the citing slide. */
interface CitationState {
  podiumCitation?: { link: number; h: number; v: number; f?: number };
  podiumCitedFrom?: number;
}

/**
 * A citation `[4]` takes the reader to entry 4 of the Sources list: the deck shows the Sources
 * slide, the entry gets focus, and a "Back to slide N" link sits beside it. Each jump is a step
 * in the browser's history, so Back returns to the citing slide, with focus on the citation.
 * Without script the link is still a plain anchor to the entry.
 */
export class CitationLinks {
  readonly #deck: CitingDeck;
  readonly #root: HTMLElement;
  readonly #listening = new AbortController();

  constructor(deck: CitingDeck, root: HTMLElement) {
    this.#deck = deck;
    this.#root = root;
    const signal = this.#listening.signal;
    // Before reveal.js's own handler for `#…` links on the slides, which would take the click.
    root.addEventListener('click', (event) => this.#clicked(event), { signal, capture: true });
    window.addEventListener('popstate', (event) => this.#returned(event.state as CitationState | null), { signal });
  }

  #clicked(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest(`.${backLinkClass}`) && citationState()?.podiumCitedFrom !== undefined) {
      // The entry was reached by a citation: going back is a step back, not one more step forward.
      event.preventDefault();
      history.back();
      return;
    }
    const link = target?.closest<HTMLAnchorElement>(selectors.citation);
    const entry = link && this.#entryFor(link);
    const citing = link?.closest<HTMLElement>(selectors.slide);
    if (!link || !entry || !citing) return;
    event.preventDefault();
    const place = { link: this.#citations().indexOf(link), ...this.#deck.getIndices() };
    const citedFrom = this.#deck.getIndices(citing).h;
    history.replaceState({ ...citationState(), podiumCitation: place }, '', location.href);
    history.pushState({ podiumCitedFrom: citedFrom }, '', `#${entry.id}`);
    this.#showEntry(entry, citedFrom);
  }

  /** Back or Forward through the entries citations made. */
  #returned(state: CitationState | null): void {
    const named = location.hash.startsWith('#/') ? null : this.#entryById(location.hash.slice(1));
    if (named) {
      this.#showEntry(named, state?.podiumCitedFrom);
      return;
    }
    this.#removeBackLink();
    const place = state?.podiumCitation;
    const link = place && this.#citations()[place.link];
    if (!place || !link) return;
    // The deck as it was, steps included; reveal.js's own reading of the address then finds it there.
    this.#deck.slide(place.h, place.v, place.f);
    link.focus();
  }

  #showEntry(entry: HTMLElement, citedFrom: number | undefined): void {
    const slide = entry.closest<HTMLElement>(selectors.slide);
    if (!slide) return;
    const { h, v } = this.#deck.getIndices(slide);
    this.#deck.slide(h, v);
    this.#removeBackLink();
    if (citedFrom !== undefined) {
      const back = textElement('a', backLinkClass, say('backToSlide', { number: citedFrom + 1 }));
      back.href = `#${this.#deck.getSlidePath(this.#slideAt(citedFrom))}`;
      entry.append(' ', back);
    }
    entry.tabIndex = -1;
    entry.focus({ preventScroll: true });
    entry.scrollIntoView({ block: 'nearest' });
  }

  #removeBackLink(): void {
    for (const link of this.#root.querySelectorAll(`.${backLinkClass}`)) {
      const space = link.previousSibling;
      if (space?.nodeType === Node.TEXT_NODE && space.textContent === ' ') space.remove();
      link.remove();
    }
  }

  #entryFor(link: HTMLAnchorElement): HTMLElement | null {
    const fragment = link.getAttribute('href') ?? '';
    return fragment.startsWith('#') ? this.#entryById(fragment.slice(1)) : null;
  }

  #entryById(id: string): HTMLElement | null {
    if (!id) return null;
    const found = this.#root.ownerDocument.getElementById(id);
    return found?.matches(selectors.entry) ? found : null;
  }

  #citations(): HTMLAnchorElement[] {
    return [...this.#root.querySelectorAll<HTMLAnchorElement>(selectors.citation)];
  }

  #slideAt(h: number): HTMLElement | undefined {
    return this.#root.querySelectorAll<HTMLElement>('.slides > section')[h];
  }

  destroy(): void {
    this.#listening.abort();
    this.#removeBackLink();
  }
}

function citationState(): CitationState | null {
  const state: unknown = history.state;
  return state && typeof state === 'object' ? (state as CitationState) : null;
}

import { classNames, readingViewQuery } from '../contract/markup.ts';
import { textElement } from './dom.ts';
import { say } from './strings.ts';

/** What a slide is called to assistive technology: "3 of 10: its heading". */
function slideLabel(number: number, total: number, heading: string): string {
  return heading ? say('slideLabel', { number, total, heading }) : say('slideLabelUntitled', { number, total });
}

/** How long an announcement stays in the page: long enough to be spoken, not to be read again later. */
const announcementMs = 3000;

/** The reveal.js calls the semantics need. */
export interface SemanticDeck {
  on(type: string, listener: (event: Event & { previousSlide?: Element; currentSlide?: Element }) => void): void;
  off(type: string, listener: (event: Event & { previousSlide?: Element; currentSlide?: Element }) => void): void;
  getRevealElement(): HTMLElement | null;
  getSlides(): HTMLElement[];
  getCurrentSlide(): HTMLElement | undefined;
  getIndices(): { h: number; v?: number };
}

/**
 * What a screen reader meets in the presentation. reveal.js makes the deck one
 * `role="application"` (in which screen readers stop reading line by line) and pours the whole
 * slide, hidden steps included, into a live region that stays in the page. Instead: the deck is a
 * document; each slide a group, "slide", labelled "3 of 10: its heading"; a change of slide
 * announces that label and nothing more, and moves focus to the new slide's heading when focus
 * was on the old slide or on nothing.
 */
export class SlideSemantics {
  readonly #deck: SemanticDeck;
  readonly #region = textElement('div', 'sr-only');
  #clearing: ReturnType<typeof setTimeout> | undefined;

  constructor(deck: SemanticDeck) {
    this.#deck = deck;
    this.#region.setAttribute('aria-live', 'polite');
    this.#region.setAttribute('aria-atomic', 'true');
    deck.on('ready', this.#ready);
    deck.on('slidechanged', this.#changed);
  }

  readonly #ready = () => {
    const root = this.#deck.getRevealElement();
    if (!root) return;
    root.removeAttribute('role');
    // reveal's own status keeps receiving the whole slide; hidden, it is not in the page for anyone.
    const status = root.querySelector<HTMLElement>('.aria-status');
    status?.removeAttribute('aria-live');
    status?.setAttribute('hidden', '');
    root.append(this.#region);
    this.label();
    this.#updateReadLink();
  };

  /** Names each slide a group, "slide", labelled by its place and heading; again when slides were replaced. */
  label(): void {
    const slides = this.#deck.getSlides();
    slides.forEach((slide, index) => {
      slide.setAttribute('role', 'group');
      slide.setAttribute('aria-roledescription', say('slideRole'));
      slide.setAttribute('aria-label', slideLabel(index + 1, slides.length, headingOf(slide)?.textContent ?? ''));
    });
  }

  /** Moves focus to the slide's heading, as a change of slide does. */
  focus(slide: HTMLElement): void {
    focusSlide(slide);
  }

  readonly #changed = (event: { previousSlide?: Element; currentSlide?: Element }) => {
    const current = event.currentSlide ?? this.#deck.getCurrentSlide();
    if (!current) return;
    this.#announce(current.getAttribute('aria-label') ?? '');
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || focused === document.documentElement;
    // A page without focus (a speaker view's preview, a window behind another) leaves focus where it is.
    if (document.hasFocus() && (lost || (event.previousSlide?.contains(focused) ?? false))) focusSlide(current);
    this.#updateReadLink();
  };

  #announce(text: string): void {
    clearTimeout(this.#clearing);
    this.#region.textContent = text;
    this.#clearing = setTimeout(() => {
      this.#region.textContent = '';
    }, announcementMs);
  }

  /** "Read as one page" opens the reading view at the slide being shown. */
  #updateReadLink(): void {
    const link = document.querySelector<HTMLAnchorElement>(`a.${classNames.readLink}`);
    if (link) link.href = `?${readingViewQuery}#/${this.#deck.getIndices().h}`;
  }

  destroy(): void {
    this.#deck.off('ready', this.#ready);
    this.#deck.off('slidechanged', this.#changed);
    clearTimeout(this.#clearing);
    this.#region.remove();
  }
}

function headingOf(slide: Element): HTMLElement | null {
  return slide.querySelector<HTMLElement>('h1, h2, h3');
}

/** Focus on the slide's heading (or the slide), without scrolling reveal's laid-out slides. */
function focusSlide(slide: HTMLElement | Element): void {
  const target = (headingOf(slide) ?? slide) as HTMLElement;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

import { classNames } from '../contract/markup.ts';
import { say } from './strings.ts';

const shownClass = 'podium-show-data';

/**
 * Shows a chart's data table on demand: the "Show data" button under a chart, or the T key
 * for every chart on the current slide. Until then the table is hidden from everyone (the
 * theme's CSS), as the button's `aria-expanded` says; the canvas's name carries the summary.
 */
export class DataTables {
  readonly #root: HTMLElement;
  readonly #listening = new AbortController();
  /** Each button's words as built ("Show data", in the deck's language), to put back when the table hides. */
  readonly #showLabels = new WeakMap<Element, string>();

  constructor(root: HTMLElement) {
    this.#root = root;
    root.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest?.(`button.${classNames.dataToggle}`);
        if (button) this.toggle(button.closest(`figure.${classNames.chart}`));
      },
      { signal: this.#listening.signal },
    );
  }

  toggle(figure: Element | null, show?: boolean): void {
    if (!figure) return;
    const shown = figure.classList.toggle(shownClass, show);
    const button = figure.querySelector(`button.${classNames.dataToggle}`);
    button?.setAttribute('aria-expanded', String(shown));
    if (!button) return;
    if (!this.#showLabels.has(button)) this.#showLabels.set(button, button.textContent ?? '');
    button.textContent = shown ? say('hideData') : (this.#showLabels.get(button) ?? '');
  }

  /** Toggles every table on a slide together, as the T key does. */
  toggleAll(slide: Element | undefined): void {
    const figures = [...(slide ?? this.#root).querySelectorAll(`figure.${classNames.chart}`)];
    const show = figures.some((figure) => !figure.classList.contains(shownClass));
    for (const figure of figures) this.toggle(figure, show);
  }

  /** Stops answering the buttons. */
  destroy(): void {
    this.#listening.abort();
  }
}

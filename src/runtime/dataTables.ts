/**
 * Shows a chart's data table on demand: the "Show data" button under a chart, or the T key
 * for every chart on the current slide. Screen readers reach the table either way.
 */
export class DataTables {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
    root.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest?.('button.podium-data-toggle');
      if (button) this.toggle(button.closest('figure.podium-chart'));
    });
  }

  toggle(figure: Element | null, show?: boolean): void {
    if (!figure) return;
    const shown = figure.classList.toggle('podium-show-data', show);
    const button = figure.querySelector('button.podium-data-toggle');
    button?.setAttribute('aria-expanded', String(shown));
    if (button) button.textContent = shown ? 'Hide data' : 'Show data';
  }

  /** Toggles every table on a slide together, as the T key does. */
  toggleAll(slide: Element | undefined): void {
    const figures = [...(slide ?? this.#root).querySelectorAll('figure.podium-chart')];
    const show = figures.some((figure) => !figure.classList.contains('podium-show-data'));
    for (const figure of figures) this.toggle(figure, show);
  }
}

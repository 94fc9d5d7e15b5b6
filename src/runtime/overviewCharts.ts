import type { ChartController } from './charts.ts';

/** The reveal.js calls the overview's charts need. */
export interface OverviewChartsDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  isOverview(): boolean;
  getRevealElement(): HTMLElement | null;
}

/**
 * The overview (Esc) shows every slide, small, so their charts are drawn there rather than only
 * once their slide has been shown. reveal.js lays out only the slides within ten of the present
 * one; the others are drawn as moving about the overview brings them in. Each chart is drawn at
 * its slide's own size and the presentation's density (ChartController), as if its slide had
 * been shown, so it is sharp when the overview opens onto it.
 */
export class OverviewCharts {
  readonly #deck: OverviewChartsDeck;
  readonly #draw: () => void;

  constructor(deck: OverviewChartsDeck, charts: ChartController) {
    this.#deck = deck;
    this.#draw = () => {
      const root = deck.getRevealElement();
      if (root && deck.isOverview()) charts.showLaidOut(root);
    };
    deck.on('overviewshown', this.#draw);
    deck.on('slidechanged', this.#draw);
  }

  destroy(): void {
    this.#deck.off('overviewshown', this.#draw);
    this.#deck.off('slidechanged', this.#draw);
  }
}

import type { Element } from 'hast';
import { h } from 'hastscript';
import { podiumPart } from '../allowList.ts';
import type { PodiumChartOptions } from '../../contract/chartOptions.ts';
import { classNames } from '../../contract/markup.ts';
import { citation, type Source } from './citations.ts';
import type { DeckState } from './deckState.ts';

export interface ChartFigureOptions {
  title: string;
  source?: Source;
  /** The Chart.js configuration the runtime draws from. */
  config: {
    type: string;
    data: { labels?: string[]; datasets: Array<Record<string, unknown>> };
    options?: Record<string, unknown> & { podium?: PodiumChartOptions };
  };
  /** One sentence a listener or screen reader gets instead of the picture. */
  summary: string;
  /** What the numbers count ("students", "million dollars"); the data table's caption names it. */
  unit?: string;
  /** The data as a table: a column per series, a row per category. */
  table: { corner?: string; columns: string[]; rows: Array<[string, ...string[]]> };
}

/**
 * The markup every chart shares: a caption with the title, the source and the "Show data"
 * button, a canvas the runtime draws into, the chart's config as JSON, and the data table the
 * button shows (as do print and the phone view). The figure is named by its title alone and
 * only the canvas carries the summary, so a screen reader hears each once. The caption comes
 * first (HTML wants it first or last), so the table it reveals follows the button.
 */
export function chartFigure(
  deck: DeckState,
  { title, source, config, summary, unit, table }: ChartFigureOptions,
): Element {
  deck.chartCount += 1;
  deck.chartTypes.add(config.type);
  for (const dataset of config.data.datasets) if (typeof dataset.type === 'string') deck.chartTypes.add(dataset.type);
  const tableId = `podium-data-${deck.chartCount}`;
  const titleId = `podium-chart-title-${deck.chartCount}`;
  return h('figure', { className: [classNames.chart], dataChartType: config.type, ariaLabelledBy: titleId }, [
    h('figcaption', [
      h('span', { className: ['podium-chart-title'], id: titleId }, title),
      ...(source ? [' ', citation(deck, source, { line: deck.strings.sourceLine })] : []),
      ' ',
      podiumPart(
        h(
          'button',
          { type: 'button', className: [classNames.dataToggle], ariaExpanded: 'false', ariaControls: tableId },
          deck.strings.showData,
        ),
      ),
    ]),
    h('div', { className: ['podium-chart-canvas'] }, [h('canvas', { role: 'img', ariaLabel: `${title}. ${summary}` })]),
    podiumPart(h('script', { type: 'application/json', className: [classNames.chartConfig] }, scriptJson(config))),
    h('div', { className: ['podium-data'], id: tableId }, [
      h('table', { className: ['podium-data-table'] }, [
        h('caption', tableCaption(title, unit)),
        h('thead', [
          h('tr', [
            table.corner ? h('th', { scope: 'col' }, table.corner) : h('td'),
            ...table.columns.map((cell) => h('th', { scope: 'col' }, cell)),
          ]),
        ]),
        h(
          'tbody',
          table.rows.map(([label, ...cells]) =>
            h('tr', [h('th', { scope: 'row' }, label), ...cells.map((cell) => h('td', cell))]),
          ),
        ),
      ]),
    ]),
  ]);
}

/** The table's name: the chart's title and what its numbers count, unless the title says so already. */
function tableCaption(title: string, unit: string | undefined): string {
  return unit && !title.toLowerCase().includes(unit.toLowerCase()) ? `${title} (${unit})` : title;
}

/**
 * JSON for a `<script type="application/json">`. Script content is raw text in HTML, so the
 * serializer cannot escape it: `<` becomes `\u003c`, which keeps `</script>` in data inert.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

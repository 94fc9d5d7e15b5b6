import type { Element } from 'hast';
import { h } from 'hastscript';

export interface ChartFigureOptions {
  /** Chart.js chart type, e.g. `bar`. */
  type: string;
  title: string;
  source?: string;
  /** The Chart.js configuration the runtime draws from. */
  config: { type: string; data: unknown; options?: unknown };
  /** One sentence a listener or screen reader gets instead of the picture. */
  summary: string;
  /** The data as a table: a column per series, a row per category. */
  table: { columns: string[]; rows: Array<[string, ...string[]]> };
}

/**
 * The markup every chart shares: a canvas the runtime draws into, the chart's config as
 * JSON, a caption with the source, and a text alternative (summary and data table).
 */
export function chartFigure({ type, title, source, config, summary, table }: ChartFigureOptions): Element {
  return h('figure', { className: ['podium-chart'], dataChartType: type }, [
    h('div', { className: ['podium-chart-canvas'] }, [h('canvas', { role: 'img', ariaLabel: `${title}. ${summary}` })]),
    h('script', { type: 'application/json', className: ['podium-chart-config'] }, scriptJson(config)),
    h('figcaption', [
      h('span', { className: ['podium-chart-title'] }, title),
      ...(source ? [' ', h('span', { className: ['podium-source'] }, `Source: ${source}`)] : []),
    ]),
    h('table', { className: ['podium-data-table', 'sr-only'] }, [
      h('caption', `${title}. ${summary}`),
      h('thead', [h('tr', [h('td'), ...table.columns.map((cell) => h('th', { scope: 'col' }, cell))])]),
      h('tbody', table.rows.map(([label, ...cells]) => h('tr', [h('th', { scope: 'row' }, label), ...cells.map((cell) => h('td', cell))]))),
    ]),
  ]);
}

/**
 * JSON for a `<script type="application/json">`. Script content is raw text in HTML, so the
 * serializer cannot escape it: `<` becomes `\u003c`, which keeps `</script>` in data inert.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

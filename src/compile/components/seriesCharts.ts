import { z } from 'zod';
import { format as fill, type Strings } from '../../locale/index.ts';
import { sourceSchema } from './citations.ts';
import { chartFigure } from './chartFigure.ts';
import { defineComponent, type Component } from './defineComponent.ts';
import { numberFormat } from '../../locale/formats.ts';

const number = z.number().finite();
const seriesSchema = z.array(z.strictObject({ name: z.string().min(1), values: z.array(number) })).min(1);

/** What sets one series chart apart from another: its Chart.js type and what it allows. */
interface SeriesChartKind {
  name: string;
  type: 'bar' | 'line' | 'doughnut' | 'pie';
  /** Several series make sense (bars, lines); a pie shows one whole. */
  allowsSeries: boolean;
  allowsHorizontal: boolean;
}

function schemaFor(kind: SeriesChartKind) {
  return z
    .strictObject({
      title: z.string().min(1),
      labels: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
      values: z.array(number).optional(),
      ...(kind.allowsSeries ? { series: seriesSchema.optional() } : {}),
      unit: z.string().optional(),
      source: sourceSchema.optional(),
      ...(kind.allowsHorizontal ? { horizontal: z.boolean().optional() } : {}),
    })
    .superRefine((props, context) => {
      const series = (props as { series?: z.output<typeof seriesSchema> }).series;
      if ((props.values === undefined) === (series === undefined)) {
        const forms = kind.allowsSeries
          ? 'either values={[…]} (one series) or series={[{ name, values }]} (several), not both or neither'
          : 'values={[…]}, one number per label';
        context.addIssue({ code: 'custom', path: ['values'], message: `give ${forms}` });
        return;
      }
      const lists = props.values
        ? [{ name: 'values', values: props.values, path: ['values'] }]
        : series!.map((s, i) => ({
            name: `values in series "${s.name}"`,
            values: s.values,
            path: ['series', i, 'values'],
          }));
      for (const list of lists) {
        if (list.values.length !== props.labels.length) {
          context.addIssue({
            code: 'custom',
            path: list.path,
            message: `has ${list.values.length} ${list.name} but ${props.labels.length} labels; give one value per label`,
          });
        }
      }
      if (!kind.allowsSeries && props.values?.some((value) => value < 0)) {
        context.addIssue({ code: 'custom', path: ['values'], message: 'a share cannot be negative' });
      }
    });
}

function seriesChart(kind: SeriesChartKind): Component {
  return defineComponent(
    kind.name,
    z.lazy(() => schemaFor(kind)),
    (props, { deck }) => {
      const given = props as typeof props & {
        series?: Array<{ name: string; values: number[] }>;
        horizontal?: boolean;
      };
      const series = given.series ?? [{ name: props.unit ?? props.title, values: props.values! }];
      const { strings } = deck;
      const format = numberFormat(deck.lang);
      const percent = numberFormat(deck.lang, { style: 'percent', maximumFractionDigits: 1 });
      const withUnit = (value: number) => `${format.format(value)}${props.unit ? ` ${props.unit}` : ''}`;
      const isShare = kind.type === 'doughnut' || kind.type === 'pie';
      const total = series[0].values.reduce((sum, value) => sum + value, 0);
      // Slices carry their names, so a pie reads without matching colours to a legend.
      const pointLabels = isShare
        ? [
            series[0].values.map(
              (value, index) => `${props.labels[index]}\n${percent.format(total ? value / total : 0)}`,
            ),
          ]
        : series.map((s) => s.values.map((value) => format.format(value)));
      return chartFigure(deck, {
        title: props.title,
        source: props.source,
        config: {
          type: kind.type,
          data: { labels: props.labels, datasets: series.map((s) => ({ label: s.name, data: s.values })) },
          options: {
            ...(kind.type === 'bar' ? { indexAxis: given.horizontal ? 'y' : 'x' } : {}),
            podium: { unit: isShare ? null : (props.unit ?? null), legend: series.length > 1, labels: pointLabels },
          },
        },
        summary: isShare
          ? shareSummary(props.labels, series[0].values, total, withUnit, percent, strings)
          : `${series.map((s) => (kind.type === 'line' ? trend : extremes)(s.name, s.values, props.labels, withUnit, series.length > 1, strings)).join('; ')}.`,
        unit: props.unit,
        table: {
          columns: isShare ? [props.unit ?? strings.valueColumn, strings.shareColumn] : series.map((s) => s.name),
          rows: props.labels.map((label, index) =>
            isShare
              ? [
                  label,
                  format.format(series[0].values[index]),
                  percent.format(total ? series[0].values[index] / total : 0),
                ]
              : [label, ...series.map((s) => format.format(s.values[index]))],
          ),
        },
      });
    },
  );
}

export function extremes(
  name: string,
  values: number[],
  labels: string[],
  format: (n: number) => string,
  named: boolean,
  strings: Strings,
): string {
  const [high, low] = highLow(values);
  if (values.length === 1) return `${named ? `${name}: ` : ''}${labels[0]}, ${format(values[0])}`;
  return fill(named ? strings.summaryNamedHighestLowest : strings.summaryHighestLowest, {
    name,
    high: labels[high],
    highValue: format(values[high]),
    low: labels[low],
    lowValue: format(values[low]),
  });
}

function trend(
  name: string,
  values: number[],
  labels: string[],
  format: (n: number) => string,
  named: boolean,
  strings: Strings,
): string {
  const [high, low] = highLow(values);
  const last = values.length - 1;
  const change = values[last] - values[0];
  const direction = change === 0 ? strings.trendUnchanged : change > 0 ? strings.trendUp : strings.trendDown;
  return fill(named ? strings.summaryNamedTrend : strings.summaryTrend, {
    name,
    first: format(values[0]),
    firstLabel: labels[0],
    last: format(values[last]),
    lastLabel: labels[last],
    direction,
    high: labels[high],
    low: labels[low],
  });
}

function shareSummary(
  labels: string[],
  values: number[],
  total: number,
  format: (n: number) => string,
  percent: Intl.NumberFormat,
  strings: Strings,
): string {
  const [high, low] = highLow(values);
  const share = (index: number) => percent.format(total ? values[index] / total : 0);
  return fill(strings.summaryShares, {
    high: labels[high],
    highValue: format(values[high]),
    highShare: share(high),
    low: labels[low],
    lowValue: format(values[low]),
    lowShare: share(low),
    total: format(total),
  });
}

function highLow(values: number[]): [number, number] {
  let high = 0;
  let low = 0;
  values.forEach((value, index) => {
    if (value > values[high]) high = index;
    if (value < values[low]) low = index;
  });
  return [high, low];
}

export const barChart = seriesChart({ name: 'BarChart', type: 'bar', allowsSeries: true, allowsHorizontal: true });
export const lineChart = seriesChart({ name: 'LineChart', type: 'line', allowsSeries: true, allowsHorizontal: false });
export const doughnutChart = seriesChart({
  name: 'DoughnutChart',
  type: 'doughnut',
  allowsSeries: false,
  allowsHorizontal: false,
});
export const pieChart = seriesChart({ name: 'PieChart', type: 'pie', allowsSeries: false, allowsHorizontal: false });

import { z } from 'zod';
import { chartFigure } from './chartFigure.ts';
import { defineComponent } from './defineComponent.ts';

const number = z.number().finite();

export const barChartSchema = z
  .strictObject({
    title: z.string().min(1),
    labels: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
    values: z.array(number).optional(),
    series: z.array(z.strictObject({ name: z.string().min(1), values: z.array(number) })).min(1).optional(),
    unit: z.string().optional(),
    source: z.string().optional(),
    horizontal: z.boolean().optional(),
  })
  .superRefine((props, context) => {
    if ((props.values === undefined) === (props.series === undefined)) {
      context.addIssue({ code: 'custom', path: ['values'], message: 'give either values={[…]} (one series) or series={[{ name, values }]} (several), not both or neither' });
      return;
    }
    const lists = props.values ? [{ name: 'values', values: props.values, path: ['values'] }] : props.series!.map((s, i) => ({ name: `values of series "${s.name}"`, values: s.values, path: ['series', i, 'values'] }));
    for (const list of lists) {
      if (list.values.length !== props.labels.length) {
        context.addIssue({
          code: 'custom',
          path: list.path,
          message: `has ${list.values.length} ${list.name} but ${props.labels.length} labels; give one value per label`,
        });
      }
    }
  });

export type BarChartProps = z.output<typeof barChartSchema>;

/** `<BarChart>`: one series (`values`) or several (`series`) across `labels`. */
export const barChart = defineComponent('BarChart', barChartSchema, (props, { deck }) => {
  const series = props.series ?? [{ name: props.unit ?? props.title, values: props.values! }];
  const format = new Intl.NumberFormat(deck.lang);
  const withUnit = (value: number) => `${format.format(value)}${props.unit ? ` ${props.unit}` : ''}`;
  deck.chartCount += 1;
  return chartFigure({
    type: 'bar',
    title: props.title,
    source: props.source,
    config: {
      type: 'bar',
      data: { labels: props.labels, datasets: series.map((s) => ({ label: s.name, data: s.values })) },
      options: { indexAxis: props.horizontal ? 'y' : 'x', podium: { unit: props.unit ?? null, legend: series.length > 1 } },
    },
    summary: series.map((s) => extremes(s.name, s.values, props.labels, withUnit, series.length > 1)).join(' '),
    table: {
      columns: series.map((s) => s.name),
      rows: props.labels.map((label, index) => [label, ...series.map((s) => format.format(s.values[index]))]),
    },
  });
});

function extremes(name: string, values: number[], labels: string[], format: (n: number) => string, named: boolean): string {
  let high = 0;
  let low = 0;
  values.forEach((value, index) => {
    if (value > values[high]) high = index;
    if (value < values[low]) low = index;
  });
  const prefix = named ? `${name}: ` : '';
  if (values.length === 1) return `${prefix}${labels[0]}, ${format(values[0])}.`;
  return `${prefix}highest ${labels[high]}, ${format(values[high])}; lowest ${labels[low]}, ${format(values[low])}.`;
}

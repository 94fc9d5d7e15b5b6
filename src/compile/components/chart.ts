import { z } from 'zod';
import { format as fill, type Strings } from '../../locale/index.ts';
import { chartParts } from '../../contract/chartParts.ts';
import { chartTypes } from '../../runtimeVariants.ts';
import { warnOfBlackOrWhite } from './chartColours.ts';
import { chartFigure } from './chartFigure.ts';
import { sourceSchema } from './citations.ts';
import { defineComponent, type RenderContext } from './defineComponent.ts';
import { extremes } from './seriesCharts.ts';
import { numberFormat } from '../../locale/formats.ts';

/** Top-level Chart.js 4 options (Chart.defaults and the per-type overrides), checked against Chart.js in the tests. */
export const chartOptionKeys = [
  'animation',
  'animations',
  'transitions',
  'backgroundColor',
  'borderColor',
  'color',
  'datasets',
  'elements',
  'events',
  'font',
  'hover',
  'hoverBackgroundColor',
  'hoverBorderColor',
  'hoverColor',
  'indexAxis',
  'interaction',
  'layout',
  'parsing',
  'plugins',
  'scale',
  'scales',
  'showLine',
  'drawActiveElementsOnTop',
  'aspectRatio',
  'spanGaps',
  'cutout',
  'radius',
  'rotation',
  'circumference',
] as const;

/** Chart.js plugins a deck can configure: those the largest runtime registers, value labels included. */
export const chartPluginKeys = chartParts.full.plugins;

/** Scale types the largest runtime registers (time scales would need a date library). */
export const chartScaleTypes = chartParts.full.scales;

const point = z.union([
  z.number().finite(),
  z.null(),
  z.strictObject({ x: z.union([z.number(), z.string()]), y: z.number(), r: z.number().optional() }),
]);

const noFunctions = (value: unknown): boolean =>
  typeof value !== 'function' &&
  (value === null || typeof value !== 'object' || Object.values(value).every(noFunctions));

const scaleSchema = z.looseObject({ type: z.enum(chartScaleTypes).optional() });

/** Made when a deck first uses <Chart>: Chart.js's option names take a while to set up. */
const chartSchema = z.lazy(() =>
  z.strictObject({
    type: z.enum(chartTypes as [string, ...string[]]),
    /** The chart's name; without one it borrows the slide's heading (with a warning). */
    title: z.string().min(1).optional(),
    data: z.strictObject({
      labels: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
      datasets: z
        .array(
          z.looseObject({
            label: z.string().optional(),
            type: z.enum(chartTypes as [string, ...string[]]).optional(),
            data: z.array(point),
          }),
        )
        .min(1),
    }),
    options: z
      .strictObject({
        ...Object.fromEntries(chartOptionKeys.map((key) => [key, z.unknown().optional()])),
        scales: z.record(z.string(), scaleSchema).optional(),
        plugins: z
          .strictObject(Object.fromEntries(chartPluginKeys.map((key) => [key, z.unknown().optional()])))
          .optional(),
      })
      .refine(noFunctions, { message: 'functions cannot be kept in a standalone deck; use plain values' })
      .optional(),
    /** What the chart shows, in one sentence, for people who cannot see it. */
    summary: z.string().min(1).optional(),
    /** What the numbers count ("students", "million dollars"), named in the data table's caption. */
    unit: z.string().min(1).optional(),
    source: sourceSchema.optional(),
  }),
);

/**
 * `<Chart type data options />`: any Chart.js chart the runtime can draw, for what the named
 * chart components do not cover. Its config is checked against what Chart.js accepts.
 */
export const chart = defineComponent('Chart', chartSchema, (props, context) => {
  const { deck } = context;
  const { strings } = deck;
  const seriesName = (index: number) => fill(strings.seriesColumn, { number: index + 1 });
  const format = numberFormat(deck.lang);
  const show = (value: z.output<typeof point>) =>
    value === null
      ? ''
      : typeof value === 'number'
        ? format.format(value)
        : `(${value.x}, ${format.format(value.y)}${value.r === undefined ? '' : `, ${value.r}`})`;
  const { datasets, labels } = props.data;
  // The scales and plugins the options name: the deck gets a runtime that registers them.
  const options = (props.options ?? {}) as {
    scales?: Record<string, { type?: string }>;
    plugins?: Record<string, unknown>;
  };
  for (const scale of Object.values(options.scales ?? {}))
    if (scale.type !== undefined) deck.chartTypes.add(`scale:${scale.type}`);
  for (const [plugin, setting] of Object.entries(options.plugins ?? {}))
    if (setting !== undefined) deck.chartTypes.add(`plugin:${plugin}`);
  if (datasets.some((dataset) => dataset.fill !== undefined && dataset.fill !== false))
    deck.chartTypes.add('plugin:filler');
  warnOfBlackOrWhite(props, context);
  const rows = Math.max(labels?.length ?? 0, ...datasets.map((dataset) => dataset.data.length));
  return chartFigure(deck, {
    title: chartTitle(props.title, context),
    source: props.source,
    config: {
      type: props.type,
      data: props.data as { labels?: string[]; datasets: Array<Record<string, unknown>> },
      options: props.options as Record<string, unknown> | undefined,
    },
    summary: props.summary ?? defaultSummary(props.type, datasets, labels, format, strings),
    unit: props.unit,
    table: {
      columns: datasets.map((dataset, index) => dataset.label ?? seriesName(index)),
      rows: Array.from({ length: rows }, (_, index) => [
        labels?.[index] ?? String(index + 1),
        ...datasets.map((dataset) => (dataset.data[index] === undefined ? '' : show(dataset.data[index]))),
      ]),
    },
  });
});

/** Screen readers and the data table name the chart: without a title it borrows its slide's heading. */
function chartTitle(title: string | undefined, { warn, fail, slideHeading }: RenderContext): string {
  if (title !== undefined) return title;
  const heading = slideHeading();
  if (heading === undefined) {
    return fail('<Chart> needs a title: its slide has no heading (written as text) to name it after', {
      hint: 'Name what the chart shows with title="…"; screen readers and the data table use it.',
      ruleId: 'Chart-props',
    });
  }
  warn(`<Chart> has no title, so it is named after its slide's heading, "${heading}"`, {
    hint: 'Give it a name of its own with title="…" if the heading does not say what the chart shows.',
    ruleId: 'Chart-title',
  });
  return heading;
}

/** Without a written summary: each series' highest and lowest, where the data are plain numbers. */
function defaultSummary(
  type: string,
  datasets: Array<{ label?: string; data: Array<z.output<typeof point>> }>,
  labels: string[] | undefined,
  format: Intl.NumberFormat,
  strings: Strings,
): string {
  const described = datasets.flatMap((dataset, index) => {
    const values = dataset.data;
    if (!labels || !values.every((value): value is number => typeof value === 'number')) return [];
    const name = dataset.label ?? fill(strings.seriesColumn, { number: index + 1 });
    return [extremes(name, values, labels, (n) => format.format(n), true, strings)];
  });
  if (described.length > 0) return `${described.join('; ')}.`;
  const series = datasets.map(
    (dataset, index) => dataset.label ?? fill(strings.seriesInSentence, { number: index + 1 }),
  );
  return fill(strings.summaryChartOf, { type, series: series.join(', ') });
}

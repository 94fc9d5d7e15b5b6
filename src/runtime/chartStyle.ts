import type { BarElement, ChartConfiguration, ChartDataset } from 'chart.js';
import type { PodiumChartOptions } from '../contract/chartOptions.ts';
import { lineMarks, seriesFill, type ChartTheme } from './chartTheme.ts';

export type DeckChartConfig = ChartConfiguration & {
  options?: ChartConfiguration['options'] & { podium?: PodiumChartOptions };
};

export interface StyleOptions {
  pixelRatio: number;
  /** The chart's width when it is made: narrow charts wrap their labels sooner. */
  width: number;
  animate: boolean;
  lang: string;
}

/**
 * Turns the config a deck carries into what Chart.js draws: theme colours and fonts, value
 * labels on the data, and marks that do not rely on colour. A `<Chart>` written by hand keeps
 * its own options; only what it leaves unset is filled in. The deck's config is left as it is.
 */
export function styledConfig(
  config: DeckChartConfig,
  theme: ChartTheme,
  { pixelRatio, width, animate, lang }: StyleOptions,
): ChartConfiguration {
  const { podium, ...options } = config.options ?? {};
  // Type shrinks with the chart (beside its data table, on a printed page) so labels still fit.
  const font = ({ chart }: Sized): Font => ({
    family: theme.font,
    size: Math.max(14, Math.min(theme.size, Math.round(chart.width / 30))),
  });
  const labelFont = (context: Sized): Font => ({ ...font(context), weight: 'bold' });
  const baseFont = { family: theme.font, size: theme.size };
  const type = config.type;
  const isShare = type === 'doughnut' || type === 'pie';
  const horizontal = (options as { indexAxis?: string }).indexAxis === 'y';
  const references = new Set(podium?.references ?? []);
  const labels = podium?.labels;
  let seriesIndex = 0;
  // Podium's axes wrap category names as they draw, at the chart's width then (it narrows when
  // the data table opens beside it); other charts wrap theirs once, at the width they start at.
  const categories =
    !podium || isShare
      ? config.data.labels?.map((label) => wrapLabel(String(label), wrapWidth(width)))
      : config.data.labels;
  // A pie's labels are laid out at the chart's size as it draws: their lines, and the room they
  // take. Every label and the padding ask for it; it is worked out once for each size.
  const slices =
    isShare && labels ? oncePerSize((chart: Measuring) => sliceLayout(chart, labels, labelFont({ chart }))) : undefined;
  // The values written after the longest bar or a line's end, which need room to the right.
  const endLabels = labels
    ? type === 'line'
      ? labels.map((values) => values.at(-1) ?? null)
      : labels.filter((_, index) => !references.has(index)).flat()
    : [];
  const labelRoom = ({ chart }: { chart: Measuring }) => {
    if (slices) return slices(chart).room;
    // A value label moved past a mark at the axis's end starts a mark's width further out.
    if (horizontal || type === 'line')
      return {
        right:
          endRoom(chart, endLabels, labelFont({ chart }), type === 'line' ? lineLabel : barLabel) +
          (references.size > 0 ? markWidth : 0),
      };
    return { top: 40 };
  };
  // The n-th series' colour and marks, by the way its type draws.
  const seriesStyle = (dataset: ChartDataset, colour: string, n: number): object => {
    if (isShare) {
      const count = (dataset.data as unknown[]).length;
      return {
        backgroundColor: Array.from({ length: count }, (_, i) =>
          seriesFill(theme.palette[i % theme.palette.length], Math.floor(i / theme.palette.length)),
        ),
        // Gaps between slices in the slide's own colour.
        borderColor: theme.background,
        borderWidth: 2,
      };
    }
    if ((dataset.type ?? type) === 'line') {
      return {
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 4,
        pointRadius: 7,
        pointHoverRadius: 9,
        ...lineMarks[n % lineMarks.length],
      };
    }
    if (outlined.has(dataset.type ?? type)) {
      // Areas drawn over each other (radar) stay see-through, so the grid and other series show.
      return {
        borderColor: colour,
        backgroundColor: translucent(colour),
        borderWidth: 3,
        pointRadius: 5,
        ...lineMarks[n % lineMarks.length],
      };
    }
    // Beside a reference mark, a thinner bar leaves room in its band for the mark's label.
    return {
      backgroundColor: seriesFill(colour, n),
      borderColor: colour,
      borderWidth: 2,
      ...(references.size > 0 ? { barPercentage: 0.42, categoryPercentage: 1 } : {}),
    };
  };

  const datasets = config.data.datasets.map((dataset: ChartDataset, index): ChartDataset => {
    if (references.has(index)) return { ...dataset, ...referenceStyle(theme) };
    if (dataset.backgroundColor !== undefined || dataset.borderColor !== undefined) return dataset;
    const colour = theme.palette[seriesIndex % theme.palette.length];
    const style = seriesStyle(dataset, colour, seriesIndex);
    seriesIndex += 1;
    return { ...dataset, ...style } as ChartDataset;
  });

  const scales = podium && !isShare ? axes(options, podium, theme, font, lang) : options.scales;
  return {
    ...config,
    data: { ...config.data, labels: categories, datasets },
    options: {
      ...options,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: pixelRatio,
      animation: animate ? (options.animation ?? { duration: 600 }) : false,
      color: theme.text,
      font: baseFont,
      ...(scales ? { scales } : {}),
      // Room on the canvas for the labels written around the pie, beyond the longest bar or after
      // a line's end: as much as they take at this width, so none is cut.
      ...(podium && labels ? { layout: { padding: labelRoom } } : {}),
      plugins: {
        ...options.plugins,
        legend: {
          display: podium ? Boolean(podium.legend) : true,
          position: isShare ? 'right' : 'top',
          labels: {
            color: theme.text,
            font,
            usePointStyle: type === 'line',
            boxWidth: 36,
            boxHeight: type === 'line' ? 14 : 24,
            sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) =>
              (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
          ...options.plugins?.legend,
        },
        tooltip: { titleFont: baseFont, bodyFont: baseFont, ...options.plugins?.tooltip },
        datalabels: labels
          ? dataLabels(labels, slices, references, type, theme, labelFont)
          : { display: false, ...options.plugins?.datalabels },
      },
    },
  } as ChartConfiguration;
}

const outlined = new Set(['radar', 'scatter', 'bubble', 'polarArea']);

/** A #rrggbb colour at a quarter strength; other colour forms are left as they are. */
function translucent(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}40` : colour;
}

/**
 * Theme fonts and colours as Chart.js defaults, so parts no Podium style reaches (a radar's
 * point labels in a hand-written <Chart>) still read from the back of the room.
 */
export function applyThemeDefaults(
  defaults: { font: { family?: string; size?: number }; color: unknown; borderColor: unknown },
  theme: ChartTheme,
): void {
  defaults.font.family = theme.font;
  defaults.font.size = theme.size;
  defaults.color = theme.text;
  defaults.borderColor = theme.grid;
}

/** A recommendation drawn as a dark mark across its category, not as another bar. */
function referenceStyle(theme: ChartTheme) {
  return {
    backgroundColor: theme.text,
    borderColor: theme.text,
    borderWidth: 0,
    grouped: false,
    barPercentage: 1,
    categoryPercentage: 0.85,
    minBarLength: markWidth,
    order: -1,
  };
}

/** A recommendation's mark is a zero-length floating bar, which Chart.js draws this thick from its value outward. */
const markWidth = 6;

function axes(
  options: NonNullable<ChartConfiguration['options']>,
  podium: PodiumChartOptions,
  theme: ChartTheme,
  font: (context: Sized) => Font,
  lang: string,
) {
  const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const plain = new Intl.NumberFormat(lang);
  const horizontal = (options as { indexAxis?: string }).indexAxis === 'y';
  const valueAxis = {
    beginAtZero: true,
    // Millions read as "14M" from the back of a room; small numbers stay exact.
    ticks: {
      color: theme.text,
      font,
      maxTicksLimit: 6,
      maxRotation: 0,
      callback: (value: number | string) => (Math.abs(Number(value)) >= 10_000 ? compact : plain).format(Number(value)),
    },
    grid: { color: theme.grid },
    title: podium.unit ? { display: true, text: podium.unit, color: theme.text, font } : { display: false },
  };
  const categoryAxis = {
    ticks: {
      color: theme.text,
      font,
      autoSkip: false,
      maxRotation: 0,
      callback(this: CategoryScale, value: number | string) {
        return wrapLabel(String(this.getLabelForValue(Number(value))), wrapWidth(this.chart.width));
      },
    },
    grid: { display: false },
  };
  return horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
}

interface Sized {
  chart: { width: number };
}

interface Measuring {
  width: number;
  height: number;
  ctx: CanvasRenderingContext2D;
}

interface CategoryScale {
  chart: { width: number };
  getLabelForValue(value: number): string;
}

/** Characters per line of a category name: narrow charts wrap sooner. */
function wrapWidth(chartWidth: number): number {
  return Math.max(10, Math.min(22, Math.round(chartWidth / 28)));
}

/** `layout`, remembered until the chart is drawn at another size. */
function oncePerSize<T>(layout: (chart: Measuring) => T): (chart: Measuring) => T {
  let last: { width: number; height: number; value: T } | undefined;
  return (chart) => {
    if (last?.width !== chart.width || last.height !== chart.height)
      last = { width: chart.width, height: chart.height, value: layout(chart) };
    return last.value;
  };
}

/** How a slice's label sits beyond its slice; the pie leaves exactly this much room around it. */
const sliceLabel = { offset: 6, padding: 4, lineHeight: 1.2 };
/** Slice names on one line, or wrapped ("Housing & human services" in two); the share has a line of its own. */
const sliceWraps = [Number.POSITIVE_INFINITY, 14, 9];

interface SliceLayout {
  /** Each slice's label as the lines it is drawn in. */
  lines: Array<Array<string[] | null>>;
  room: { top: number; bottom: number; left: number; right: number };
  /** The pie's diameter that leaves. */
  pie: number;
}

/**
 * How a pie's labels are written at this size and the room they need around it: the widest
 * label beside it, the tallest above and below, so each fits on the canvas wherever its slice
 * falls. Of names on one line or wrapped, the one that leaves the larger pie is used.
 */
function sliceLayout(chart: Measuring, labels: Array<Array<string | null>>, font: Font): SliceLayout {
  const around = 2 * sliceLabel.padding + sliceLabel.offset;
  const layouts = sliceWraps.map((wrapAt): SliceLayout => {
    const lines = labels.map((dataset) =>
      dataset.map((text) => (text ? text.split('\n').flatMap((line) => wrapLabel(line, wrapAt)) : null)),
    );
    const shown = lines.flat().filter((label) => label !== null);
    const side = Math.ceil(widestLine(chart, shown.flat(), font) + around);
    const above = Math.ceil(
      Math.max(0, ...shown.map((label) => label.length)) * font.size * sliceLabel.lineHeight + around,
    );
    return {
      lines,
      room: { top: above, bottom: above, left: side, right: side },
      pie: Math.min(chart.width - 2 * side, chart.height - 2 * above),
    };
  });
  return layouts.reduce((best, layout) => (layout.pie > best.pie ? layout : best));
}

/** How a value label sits after its bar or its line's end. */
const barLabel = { offset: 4, padding: { top: 2, bottom: 2, left: 4, right: 4 } };
const lineLabel = { offset: 10, padding: { top: 4, bottom: 4, left: 4, right: 4 } };

/** Room to the right of the plot for the widest value written there; at most 40% of the chart, so the bars keep theirs. */
function endRoom(chart: Measuring, values: Array<string | null>, font: Font, label: typeof barLabel): number {
  const width = widestLine(
    chart,
    values.filter((value) => value !== null),
    font,
  );
  return Math.ceil(Math.min(chart.width * 0.4, width + label.offset + label.padding.left + label.padding.right));
}

function widestLine(chart: Measuring, lines: string[], font: Font): number {
  chart.ctx.save();
  chart.ctx.font = `${font.weight ?? 'normal'} ${font.size}px ${font.family}`;
  const width = Math.max(0, ...lines.map((line) => chart.ctx.measureText(line).width));
  chart.ctx.restore();
  return width;
}

interface Font {
  family: string;
  size: number;
  weight?: 'bold' | 'normal';
}

interface LabelContext {
  datasetIndex: number;
  dataIndex: number;
  chart: Measuring & {
    options: { indexAxis?: string };
    data: { datasets: Array<{ data: unknown[] }> };
    getDatasetMeta(index: number): { data: unknown[]; vScale?: { getPixelForValue(value: number): number } };
  };
}

/** Direct labels: each value written on its bar, point or slice. */
function dataLabels(
  labels: Array<Array<string | null>>,
  slices: ((chart: Measuring) => SliceLayout) | undefined,
  references: Set<number>,
  type: string,
  theme: ChartTheme,
  font: (context: Sized) => Font,
) {
  return {
    // Lines are labelled at their ends, not at every point; labels that would collide give
    // way (the data table keeps every value).
    display: (context: { datasetIndex: number; dataIndex: number; dataset: { data: unknown[] } }) => {
      if (!labels[context.datasetIndex]?.[context.dataIndex]) return false;
      if (type === 'line' && context.dataIndex !== context.dataset.data.length - 1) return false;
      return slices || type === 'line' ? 'auto' : true;
    },
    formatter: (_value: unknown, context: { datasetIndex: number; dataIndex: number; chart: Measuring }) =>
      slices
        ? (slices(context.chart).lines[context.datasetIndex]?.[context.dataIndex] ?? []).join('\n')
        : (labels[context.datasetIndex]?.[context.dataIndex] ?? ''),
    color: theme.text,
    font,
    clamp: true,
    ...(slices
      ? {
          anchor: 'end',
          align: 'end',
          offset: sliceLabel.offset,
          padding: sliceLabel.padding,
          font: (context: Sized) => ({ ...font(context), lineHeight: sliceLabel.lineHeight }),
        }
      : type === 'line'
        ? { anchor: 'center', align: 'right', ...lineLabel }
        : {
            anchor: (context: LabelContext) => (references.has(context.datasetIndex) ? 'center' : 'end'),
            align: (context: LabelContext) =>
              references.has(context.datasetIndex)
                ? context.chart.options.indexAxis === 'y'
                  ? 'bottom'
                  : 'right'
                : context.chart.options.indexAxis === 'y'
                  ? 'right'
                  : 'top',
            // A value label keeps the slide's background behind it where a mark crosses it.
            backgroundColor: references.size > 0 ? theme.background : null,
            font: (context: LabelContext) =>
              references.has(context.datasetIndex)
                ? { ...font(context), size: Math.round(font(context).size * 0.85), weight: 'normal' }
                : font(context),
            padding: barLabel.padding,
            // A value label sits clear of the marks on its row; a mark's label, just clear of the data bar it crosses.
            offset: (context: LabelContext) => {
              if (!references.has(context.datasetIndex))
                return references.size > 0 ? clearOfMarks(context, references, labels, font(context)) : barLabel.offset;
              const bar = context.chart.getDatasetMeta(0).data[context.dataIndex] as BarElement | undefined;
              const size = bar?.getProps(['width', 'height'], true);
              const thickness = context.chart.options.indexAxis === 'y' ? size?.height : size?.width;
              return (thickness ?? 0) / 2 + 2;
            },
          }),
  };
}

/**
 * How far past its bar's end a value label starts: just after the bar, or, where a recommendation
 * mark on its row falls within the label, just after the mark, so the label's background never
 * hides it. A mark starts within the value axis, so the label still ends in the room kept past it.
 */
function clearOfMarks(
  context: LabelContext,
  references: Set<number>,
  labels: Array<Array<string | null>>,
  font: Font,
): number {
  const { chart, datasetIndex, dataIndex } = context;
  const scale = chart.getDatasetMeta(datasetIndex).vScale;
  const value = chart.data.datasets[datasetIndex]?.data[dataIndex];
  if (!scale || typeof value !== 'number') return barLabel.offset;
  // Value labels go right of a horizontal bar and above a vertical one.
  const horizontal = chart.options.indexAxis === 'y';
  const along = (pixel: number) => (horizontal ? 1 : -1) * (pixel - scale.getPixelForValue(value));
  const { padding } = barLabel;
  const length = horizontal
    ? widestLine(chart, [labels[datasetIndex]?.[dataIndex] ?? ''], font) + padding.left + padding.right
    : font.size * 1.2 + padding.top + padding.bottom;
  // Labels are laid out as each dataset is updated, before the marks are placed, so marks are found on the scale.
  const marks = [...references]
    .map((index) => chart.data.datasets[index]?.data[dataIndex])
    .flatMap((mark) =>
      typeof mark === 'number' ? [mark] : Array.isArray(mark) ? [(Number(mark[0]) + Number(mark[1])) / 2] : [],
    )
    .map((mark) => along(scale.getPixelForValue(mark)))
    .sort((a, b) => a - b);
  let offset = barLabel.offset;
  for (const mark of marks)
    if (mark + markWidth > offset && mark < offset + length) offset = mark + markWidth + barLabel.offset;
  return offset;
}

/** Long category labels as several lines, so they are not cut off beside the bars. */
function wrapLabel(label: string, width = 22): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

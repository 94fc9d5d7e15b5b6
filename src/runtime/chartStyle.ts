import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { lineMarks, seriesFill, type ChartTheme } from './chartTheme.ts';

/** What a deck build puts in `options.podium` beside Chart.js's own options. */
export interface PodiumOptions {
  unit?: string | null;
  legend?: boolean;
  /** Text for each data point, per dataset, already formatted in the deck's language. */
  labels?: Array<Array<string | null>>;
  /** Datasets that mark a reference value (a recommendation) rather than data. */
  references?: number[];
}

export type DeckChartConfig = ChartConfiguration & { options?: ChartConfiguration['options'] & { podium?: PodiumOptions } };

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
 * its own options; only what it leaves unset is filled in.
 */
export function styledConfig(config: DeckChartConfig, theme: ChartTheme, { pixelRatio, width, animate, lang }: StyleOptions): ChartConfiguration {
  const { podium, ...options } = config.options ?? {};
  // Type shrinks with the chart (beside its data table, on a printed page) so labels still fit.
  const font = ({ chart }: Sized): Font => ({ family: theme.font, size: Math.max(14, Math.min(theme.size, Math.round(chart.width / 30))) });
  const labelFont = (context: Sized): Font => ({ ...font(context), weight: 'bold' });
  const baseFont = { family: theme.font, size: theme.size };
  const type = config.type;
  const isShare = type === 'doughnut' || type === 'pie';
  const horizontal = (options as { indexAxis?: string }).indexAxis === 'y';
  const references = new Set(podium?.references ?? []);
  const labels = podium?.labels;
  let seriesIndex = 0;
  const wrapAt = Math.max(10, Math.min(22, Math.round(width / 28)));
  config.data.labels = config.data.labels?.map((label) => wrapLabel(String(label), wrapAt));
  (config.data.datasets as Array<ChartDataset & Record<string, unknown>>).forEach((dataset, index) => {
    if (references.has(index)) {
      Object.assign(dataset, referenceStyle(theme));
      return;
    }
    if (dataset.backgroundColor !== undefined || dataset.borderColor !== undefined) return;
    const colour = theme.palette[seriesIndex % theme.palette.length];
    if (isShare) {
      const count = (dataset.data as unknown[]).length;
      Object.assign(dataset, {
        backgroundColor: Array.from({ length: count }, (_, i) => seriesFill(theme.palette[i % theme.palette.length], Math.floor(i / theme.palette.length))),
        borderColor: '#ffffff',
        borderWidth: 2,
      });
    } else if ((dataset.type ?? type) === 'line') {
      Object.assign(dataset, { borderColor: colour, backgroundColor: colour, borderWidth: 4, pointRadius: 7, pointHoverRadius: 9, ...lineMarks[seriesIndex % lineMarks.length] });
    } else if (outlined.has(dataset.type ?? type)) {
      // Areas drawn over each other (radar) stay see-through, so the grid and other series show.
      Object.assign(dataset, { borderColor: colour, backgroundColor: translucent(colour), borderWidth: 3, pointRadius: 5, ...lineMarks[seriesIndex % lineMarks.length] });
    } else {
      // Beside a reference mark, a thinner bar leaves room in its band for the mark's label.
      Object.assign(dataset, { backgroundColor: seriesFill(colour, seriesIndex), borderColor: colour, borderWidth: 2, ...(references.size > 0 ? { barPercentage: 0.42, categoryPercentage: 1 } : {}) });
    }
    seriesIndex += 1;
  });

  const scales = isShare || !podium ? options.scales : axes(options, podium, theme, font, lang);
  return {
    ...config,
    options: {
      ...options,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: pixelRatio,
      animation: animate ? (options.animation ?? { duration: 600 }) : false,
      color: theme.text,
      font: baseFont,
      ...(scales ? { scales } : {}),
      // Room for the labels written beyond the longest bar or around the pie: a share of a
      // narrow chart (one beside its data table) rather than a fixed width.
      ...(podium && labels
        ? { layout: { padding: ({ chart }: { chart: { width: number } }) => (isShare ? Math.min(90, chart.width * 0.1) : horizontal || type === 'line' ? { right: Math.min(150, chart.width * 0.3) } : { top: 40 }) } }
        : {}),
      plugins: {
        ...options.plugins,
        legend: {
          display: podium ? Boolean(podium.legend) : true,
          position: isShare ? 'right' : 'top',
          labels: { color: theme.text, font, usePointStyle: type === 'line', boxWidth: 36, boxHeight: type === 'line' ? 14 : 24, sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
          ...options.plugins?.legend,
        },
        tooltip: { titleFont: baseFont, bodyFont: baseFont, ...options.plugins?.tooltip },
        datalabels: labels ? dataLabels(labels, references, isShare, type, theme, labelFont) : { display: false, ...options.plugins?.datalabels },
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
export function applyThemeDefaults(defaults: { font: { family?: string; size?: number }; color: unknown; borderColor: unknown }, theme: ChartTheme): void {
  defaults.font.family = theme.font;
  defaults.font.size = theme.size;
  defaults.color = theme.text;
  defaults.borderColor = theme.grid;
}

/** A recommendation drawn as a dark mark across its category, not as another bar. */
function referenceStyle(theme: ChartTheme) {
  return { backgroundColor: theme.text, borderColor: theme.text, borderWidth: 0, grouped: false, barPercentage: 1, categoryPercentage: 0.85, minBarLength: 6, order: -1 };
}

function axes(options: NonNullable<ChartConfiguration['options']>, podium: PodiumOptions, theme: ChartTheme, font: (context: Sized) => Font, lang: string) {
  const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const plain = new Intl.NumberFormat(lang);
  const horizontal = (options as { indexAxis?: string }).indexAxis === 'y';
  const valueAxis = {
    beginAtZero: true,
    // Millions read as "14M" from the back of a room; small numbers stay exact.
    ticks: { color: theme.text, font, maxTicksLimit: 6, maxRotation: 0, callback: (value: number | string) => (Math.abs(Number(value)) >= 10_000 ? compact : plain).format(Number(value)) },
    grid: { color: theme.grid },
    title: podium.unit ? { display: true, text: podium.unit, color: theme.text, font } : { display: false },
  };
  const categoryAxis = { ticks: { color: theme.text, font, autoSkip: false, maxRotation: 0 }, grid: { display: false } };
  return horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
}

interface Sized {
  chart: { width: number };
}

interface Font {
  family: string;
  size: number;
  weight?: 'bold' | 'normal';
}

interface LabelContext {
  datasetIndex: number;
  dataIndex: number;
  chart: { width: number; options: { indexAxis?: string }; getDatasetMeta(index: number): { data: unknown[] } };
}

/** Direct labels: each value written on its bar, point or slice. */
function dataLabels(labels: Array<Array<string | null>>, references: Set<number>, isShare: boolean, type: string, theme: ChartTheme, font: (context: Sized) => Font) {
  return {
    // Lines are labelled at their ends, not at every point; labels that would collide give
    // way (the data table keeps every value).
    display: (context: { datasetIndex: number; dataIndex: number; dataset: { data: unknown[] } }) => {
      if (!labels[context.datasetIndex]?.[context.dataIndex]) return false;
      if (type === 'line' && context.dataIndex !== context.dataset.data.length - 1) return false;
      return isShare || type === 'line' ? 'auto' : true;
    },
    // A slice's name wraps, so a long one ("Housing & human services") stays inside the canvas.
    formatter: (_value: unknown, context: { datasetIndex: number; dataIndex: number }) => {
      const text = labels[context.datasetIndex]?.[context.dataIndex] ?? '';
      return isShare ? text.split('\n').flatMap((line) => wrapLabel(line, 14)).join('\n') : text;
    },
    color: theme.text,
    font,
    clamp: true,
    ...(isShare
      ? { anchor: 'end', align: 'end', offset: 6 }
      : type === 'line'
        ? { anchor: 'center', align: 'right', offset: 10 }
        : {
            anchor: (context: LabelContext) => (references.has(context.datasetIndex) ? 'center' : 'end'),
            align: (context: LabelContext) =>
              references.has(context.datasetIndex) ? (context.chart.options.indexAxis === 'y' ? 'bottom' : 'right') : context.chart.options.indexAxis === 'y' ? 'right' : 'top',
            // A value label keeps the slide's background behind it where a mark crosses it.
            backgroundColor: references.size > 0 ? theme.background : null,
            font: (context: LabelContext) => (references.has(context.datasetIndex) ? { ...font(context), size: Math.round(font(context).size * 0.85), weight: 'normal' } : font(context)),
            padding: { top: 2, bottom: 2, left: 4, right: 4 },
            // A mark's label sits just clear of the data bar it crosses.
            offset: (context: LabelContext) => {
              if (!references.has(context.datasetIndex)) return 4;
              const bar = context.chart.getDatasetMeta(0).data[context.dataIndex] as unknown as { height?: number; width?: number } | undefined;
              const thickness = context.chart.options.indexAxis === 'y' ? bar?.height : bar?.width;
              return (thickness ?? 0) / 2 + 2;
            },
          }),
  };
}

/** Long category labels as several lines, so they are not cut off beside the bars. */
export function wrapLabel(label: string, width = 22): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

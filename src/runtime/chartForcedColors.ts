import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartTheme } from './chartTheme.ts';
import type { SystemColours } from './forcedColors.ts';

/** The theme with the reader's colours for text, grid and ground; the palette stays, for the fills. */
export function forcedTheme(theme: ChartTheme, { text, background }: SystemColours): ChartTheme {
  return { ...theme, text, grid: text, background };
}

/**
 * A chart as forced colours draw it: every text, axis and grid in CanvasText, label grounds in
 * Canvas, and each bar and slice outlined in CanvasText, so a mark whose fill matches the
 * reader's ground (a black slice on black) still shows its edges. Colours a `<Chart>` sets itself
 * give way too, as an author's CSS colours do. The config given is left as it is.
 */
export function forcedColourConfig(config: ChartConfiguration, colours: SystemColours): ChartConfiguration {
  const { text, background } = colours;
  const options = config.options ?? {};
  const plugins = (options.plugins ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const scales = options.scales as Record<string, Record<string, object | undefined>> | undefined;
  const datalabels = plugins.datalabels;
  return {
    ...config,
    data: { ...config.data, datasets: config.data.datasets.map((dataset) => outlined(dataset, config.type, text)) },
    options: {
      ...options,
      color: text,
      borderColor: text,
      ...(scales
        ? { scales: Object.fromEntries(Object.entries(scales).map(([id, scale]) => [id, forcedScale(scale, colours)])) }
        : {}),
      plugins: {
        ...plugins,
        legend: { ...plugins.legend, labels: { ...(plugins.legend?.labels as object | undefined), color: text } },
        title: { ...plugins.title, color: text },
        subtitle: { ...plugins.subtitle, color: text },
        tooltip: {
          ...plugins.tooltip,
          backgroundColor: background,
          titleColor: text,
          bodyColor: text,
          footerColor: text,
          borderColor: text,
          borderWidth: 1,
        },
        ...(datalabels
          ? {
              datalabels: {
                ...datalabels,
                color: text,
                ...(datalabels.backgroundColor ? { backgroundColor: background } : {}),
                ...(datalabels.borderColor ? { borderColor: text } : {}),
              },
            }
          : {}),
      },
    },
  } as ChartConfiguration;
}

/** Lines keep their colours and dashes, with points outlined; other marks are outlined whole. */
function outlined(dataset: ChartDataset, chartType: string, text: string): ChartDataset {
  const type = dataset.type ?? chartType;
  if (type === 'line' || type === 'radar') return { ...dataset, pointBorderColor: text, pointBorderWidth: 2 };
  const width = (dataset as { borderWidth?: unknown }).borderWidth;
  return { ...dataset, borderColor: text, borderWidth: Math.max(2, typeof width === 'number' ? width : 0) };
}

function forcedScale(scale: Record<string, object | undefined>, { text, background }: SystemColours) {
  return {
    ...scale,
    ticks: { ...scale.ticks, color: text, backdropColor: background },
    grid: { ...scale.grid, color: text },
    border: { ...scale.border, color: text },
    title: { ...scale.title, color: text },
    // A radar's spokes and the names around it.
    angleLines: { ...scale.angleLines, color: text },
    pointLabels: { ...scale.pointLabels, color: text },
  };
}

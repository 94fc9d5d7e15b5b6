/**
 * The Chart.js parts each size of the browser runtime registers, by their Chart.js ids. A deck
 * inlines the smallest runtime that has every part its charts need, so a deck of bar charts does
 * not carry the code for pies and radars. Each runtime entry imports exactly these classes (a
 * test checks that what it registers is what this table says), so the bundle holds nothing else.
 */
export const chartParts = {
  // Bar charts (BarChart, RatioChart) with value labels.
  bar: {
    controllers: ['bar'],
    elements: ['bar'],
    scales: ['category', 'linear'],
    plugins: ['legend', 'tooltip', 'datalabels'],
  },
  // Bars, lines, doughnuts and pies: every chart component Podium has.
  standard: {
    controllers: ['bar', 'line', 'doughnut', 'pie'],
    elements: ['bar', 'line', 'point', 'arc'],
    scales: ['category', 'linear'],
    plugins: ['legend', 'tooltip', 'datalabels'],
  },
  // Every chart type `<Chart type=…>` accepts, with the scales and plugins its options may name.
  full: {
    controllers: ['bar', 'line', 'doughnut', 'pie', 'radar', 'polarArea', 'scatter', 'bubble'],
    elements: ['bar', 'line', 'point', 'arc'],
    scales: ['category', 'linear', 'logarithmic', 'radialLinear'],
    plugins: ['legend', 'tooltip', 'datalabels', 'filler', 'title', 'subtitle'],
  },
} as const satisfies Record<string, RuntimeParts>;

/** One runtime's Chart.js parts, as Chart.registry files them. */
export interface RuntimeParts {
  controllers: readonly string[];
  elements: readonly string[];
  scales: readonly string[];
  plugins: readonly string[];
}

export type RuntimeVariant = keyof typeof chartParts;

/** The runtime sizes, smallest first. */
export const runtimeVariantNames = Object.keys(chartParts) as RuntimeVariant[];

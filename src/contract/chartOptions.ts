/**
 * What a deck build puts in a chart's `options.podium`, beside Chart.js's own options: the
 * build formats and decides, the runtime draws from it.
 */
export interface PodiumChartOptions {
  /** The value axis title (what the numbers count). */
  unit?: string | null;
  legend?: boolean;
  /** Text drawn on each data point, per dataset: formatted at build time in the deck's language. */
  labels?: Array<Array<string | null>>;
  /** Datasets that mark a reference value (a recommendation) rather than data. */
  references?: number[];
}

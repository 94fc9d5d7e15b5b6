import { Chart, registerables } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { chartOptionKeys, chartPluginKeys, chartScaleTypes } from '../../src/compile/components/chart.ts';
import { chartTypes } from '../../src/runtimeVariants.ts';

// <Chart> checks decks against lists kept in Podium; these tests hold the lists to Chart.js itself.
Chart.register(...registerables);

describe('<Chart> validation lists', () => {
  it('accepts only top-level options Chart.js has', () => {
    // Per-type dataset defaults (cutout, rotation…) may be set chart-wide as well.
    const known = new Set([
      ...Object.keys(Chart.defaults),
      ...Object.values(Chart.overrides).flatMap((o) => Object.keys(o)),
      ...Object.values(Chart.defaults.datasets).flatMap((o) => Object.keys(o)),
    ]);
    expect(chartOptionKeys.filter((key) => !known.has(key))).toEqual([]);
  });

  it('names chart types Chart.js registers', () => {
    expect([...chartTypes].sort()).toEqual(Object.keys(Chart.overrides).sort());
  });

  it('names plugins and scales Chart.js has', () => {
    expect(chartPluginKeys.filter((key) => key !== 'datalabels' && !(key in Chart.defaults.plugins))).toEqual([]);
    expect(chartScaleTypes.filter((type) => !Chart.registry.getScale(type))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChartTheme } from '../../src/runtime/chartTheme.ts';
import { type DeckChartConfig, styledConfig } from '../../src/runtime/chartStyle.ts';

const theme: ChartTheme = {
  palette: ['#0072b2', '#d55e00', '#009e73'],
  background: '#ffffff',
  text: '#1a1a1a',
  grid: '#d0d0d0',
  font: 'Atkinson, sans-serif',
  size: 22,
};
const sizing = { pixelRatio: 2, width: 900, animate: false, lang: 'en' };

/** The deck's config as the runtime parses it, frozen all the way down: styling must not change it. */
function deckConfig(config: DeckChartConfig): DeckChartConfig {
  const freeze = (value: unknown): unknown => {
    if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) freeze(child);
      Object.freeze(value);
    }
    return value;
  };
  return freeze(structuredClone(config)) as DeckChartConfig;
}

describe('styledConfig', () => {
  it('styles a copy, leaving the deck’s config as it was', () => {
    const written: DeckChartConfig = {
      type: 'line',
      data: { labels: ['2019', '2020'], datasets: [{ label: 'Nurses', data: [3, 4] }] },
      options: { podium: { unit: 'staff', legend: false, labels: [['3', '4']] } },
    };
    const config = deckConfig(written);
    const styled = styledConfig(config, theme, sizing);
    expect(config).toEqual(written);
    expect(styled.data.datasets[0]).toMatchObject({ label: 'Nurses', borderColor: '#0072b2', pointStyle: 'circle' });
  });

  it('gives each series a theme colour and a mark of its own, and keeps colours a <Chart> wrote', () => {
    const config = deckConfig({
      type: 'radar',
      data: {
        labels: ['Reading', 'Math'],
        datasets: [
          { label: 'District', data: [3, 4] },
          { label: 'State', data: [2, 5] },
          { label: 'Own', data: [1, 1], borderColor: '#ff00ff' },
        ],
      },
    });
    const [district, state, own] = styledConfig(config, theme, sizing).data.datasets;
    expect(district).toMatchObject({ borderColor: '#0072b2', backgroundColor: '#0072b240', pointStyle: 'circle' });
    expect(state).toMatchObject({ borderColor: '#d55e00', backgroundColor: '#d55e0040', pointStyle: 'triangle' });
    expect(own).toEqual({ label: 'Own', data: [1, 1], borderColor: '#ff00ff' });
  });

  it('draws a recommendation as a mark, and wraps a pie’s long slice names', () => {
    const bars = deckConfig({
      type: 'bar',
      data: {
        labels: ['Counselor'],
        datasets: [
          { label: 'Missouri', data: [328] },
          { label: 'Recommended', data: [250] },
        ],
      },
      options: { podium: { references: [1], labels: [['328'], ['250']] } },
    });
    const [, mark] = styledConfig(bars, theme, sizing).data.datasets;
    expect(mark).toMatchObject({ backgroundColor: theme.text, grouped: false, minBarLength: 6 });

    const pie = deckConfig({
      type: 'pie',
      data: { labels: ['Housing and human services for families'], datasets: [{ data: [1] }] },
    });
    expect(styledConfig(pie, theme, sizing).data.labels).toEqual([['Housing and human', 'services for families']]);
  });
});

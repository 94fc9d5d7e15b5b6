import { describe, expect, it } from 'vitest';
import { runtimeVariantFor, runtimeVariants } from '../src/runtimeVariants.ts';

describe('runtimeVariantFor', () => {
  it('picks the smallest runtime that draws every chart in the deck', () => {
    expect(runtimeVariantFor([])).toBe('bar');
    expect(runtimeVariantFor(['bar'])).toBe('bar');
    expect(runtimeVariantFor(['bar', 'line', 'doughnut'])).toBe('standard');
    expect(runtimeVariantFor(['pie', 'radar'])).toBe('full');
    expect(runtimeVariantFor(['bar', 'scale:logarithmic'])).toBe('full');
  });

  it('grows: each runtime draws everything the smaller ones do', () => {
    const sizes = Object.values(runtimeVariants);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toEqual(expect.arrayContaining([...sizes[i - 1]]));
  });

  it('names the chart types it knows when none fits', () => {
    expect(() => runtimeVariantFor(['gantt'])).toThrow(/known: bar, line, doughnut, pie, radar/);
  });
});

describe('a deck with <Chart>', () => {
  it('gets the runtime that has the scales and plugins its options name', async () => {
    const { compileDeck } = await import('../src/compile/index.ts');
    const file = new URL('./fixtures/chart-log-scale/deck.mdx', import.meta.url).pathname;
    const deck = await compileDeck({ file, root: new URL('../', import.meta.url).pathname, publicDir: '/nonexistent' });
    expect(deck.chartTypes).toContain('scale:logarithmic');
    expect(runtimeVariantFor(deck.chartTypes)).toBe('full');
  });
});

import { describe, expect, it } from 'vitest';
import { isBlackOrWhite } from '../../src/compile/components/chartColours.ts';

describe('isBlackOrWhite', () => {
  it('knows black and white in every form Chart.js reads, at any opacity', () => {
    for (const colour of [
      '#000',
      '#FFF',
      '#0008',
      '#000000',
      '#ffffffcc',
      'black',
      ' White ',
      'rgb(0, 0, 0)',
      'rgba(255,255,255,0.5)',
      'rgb(100% 100% 100% / 50%)',
      'hsl(0, 0%, 0%)',
      'hsl(120 50% 100%)',
    ])
      expect(isBlackOrWhite(colour), colour).toBe(true);
  });

  it('lets every other colour through', () => {
    for (const colour of ['#5c5c5c', '#010101', '#fffffe', 'navy', 'rgb(0, 0, 1)', 'hsl(0, 0%, 50%)', 'transparent'])
      expect(isBlackOrWhite(colour), colour).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { readPace } from '../../../src/runtime/speaker/pacing.ts';

describe('readPace', () => {
  // Three minutes over six slides: 30 seconds a slide.
  const pace = (index: number, elapsed: number) => readPace(180, 6, index, elapsed);

  it('gives the time left for the slide while the clock is within its share', () => {
    expect(pace(0, 0)).toEqual({ kind: 'onPace', secondsForSlide: 30 });
    expect(pace(2, 70)).toEqual({ kind: 'onPace', secondsForSlide: 20 });
    expect(pace(2, 90)).toEqual({ kind: 'onPace', secondsForSlide: 0 });
  });

  it('is ahead when a slide is reached before its share begins, behind once its share is used', () => {
    expect(pace(3, 75)).toEqual({ kind: 'ahead', seconds: 15 });
    expect(pace(1, 75)).toEqual({ kind: 'behind', seconds: 15 });
    expect(pace(5, 200)).toEqual({ kind: 'behind', seconds: 20 });
  });

  it('rounds up, so that it never says 0:00 ahead or behind', () => {
    expect(pace(1, 29.5)).toEqual({ kind: 'ahead', seconds: 1 });
    expect(pace(1, 60.5)).toEqual({ kind: 'behind', seconds: 1 });
  });

  it('treats a deck with no paced slides as one slide', () => {
    expect(readPace(60, 0, 0, 10)).toEqual({ kind: 'onPace', secondsForSlide: 50 });
  });
});

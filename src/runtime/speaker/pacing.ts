/** Where a talk stands against an even pace: the time limit shared equally by the slides spoken to. */
export type Pace = { kind: 'onPace'; secondsForSlide: number } | { kind: 'ahead' | 'behind'; seconds: number };

/**
 * The pace at the `index`-th (0-based) of `count` paced slides, `elapsedSeconds` into a talk of
 * `limitSeconds`. On pace while the clock is within this slide's share; ahead before it, behind after.
 */
export function readPace(limitSeconds: number, count: number, index: number, elapsedSeconds: number): Pace {
  const share = limitSeconds / Math.max(1, count);
  const start = index * share;
  const end = start + share;
  // Whole seconds, rounded up: never "0:00 ahead" or "0:00 behind".
  if (elapsedSeconds < start) return { kind: 'ahead', seconds: Math.ceil(start - elapsedSeconds) };
  if (elapsedSeconds <= end) return { kind: 'onPace', secondsForSlide: Math.ceil(end - elapsedSeconds) };
  return { kind: 'behind', seconds: Math.ceil(elapsedSeconds - end) };
}

import { readStored, writeStored } from './storage.ts';

/** Where the countdown stands: drives the colour, the text and the announcements. */
export type TimerState = 'waiting' | 'running' | 'warning' | 'over';

export interface TimerReading {
  state: TimerState;
  limitSeconds: number;
  /** Whole seconds left, rounded up: the display shows 3:00 until a full second has gone. */
  secondsLeft: number;
  /** Whole seconds past zero. */
  secondsOver: number;
  /** The share of the limit left, from 1 down to 0, for the bar. */
  fractionLeft: number;
}

/** Many rooms light a warning 30 seconds before the end of a public comment. */
export const warningSeconds = 30;

/** The countdown at `now` (ms since the epoch) for a clock started at `startedAt`, or not started. */
export function readCountdown(limitSeconds: number, startedAt: number | null, now: number): TimerReading {
  const limitMs = limitSeconds * 1000;
  const elapsedMs = startedAt === null ? 0 : Math.max(0, now - startedAt);
  const leftMs = limitMs - elapsedMs;
  const secondsLeft = Math.max(0, Math.ceil(leftMs / 1000));
  const state: TimerState =
    startedAt === null ? 'waiting' : leftMs <= 0 ? 'over' : secondsLeft <= warningSeconds ? 'warning' : 'running';
  return {
    state,
    limitSeconds,
    secondsLeft,
    secondsOver: leftMs < 0 ? Math.floor(-leftMs / 1000) : 0,
    fractionLeft: Math.min(1, Math.max(0, leftMs / limitMs)),
  };
}

/** 185 → "3:05". */
export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A slide, by reveal's indices. */
export interface SlidePlace {
  indexh: number;
  indexv: number;
}

/**
 * When the talk started, and on which slide, owned by the presentation window: the time left,
 * the time spoken and the pace count from it. It is kept in sessionStorage, so a reload of that
 * window carries on the same talk while a new tab starts afresh.
 */
export class TalkClock {
  readonly #key: string;
  #startedAt: number | null = null;
  #startedOn: SlidePlace | null = null;

  constructor(key: string) {
    this.#key = key;
    try {
      const stored: unknown = JSON.parse(readStored('sessionStorage', key) ?? 'null');
      if (isStart(stored)) ({ at: this.#startedAt, on: this.#startedOn } = stored);
    } catch {
      // Not ours: start afresh.
    }
  }

  get startedAt(): number | null {
    return this.#startedAt;
  }

  get startedOn(): SlidePlace | null {
    return this.#startedOn;
  }

  /** Starts the clock on this slide unless it runs already; true when this call started it. */
  start(on: SlidePlace, now = Date.now()): boolean {
    if (this.#startedAt !== null) return false;
    this.restart(on, now);
    return true;
  }

  /** Starts again from zero, on this slide. */
  restart(on: SlidePlace, now = Date.now()): void {
    this.#startedAt = now;
    this.#startedOn = { indexh: on.indexh, indexv: on.indexv };
    // Where storage is switched off, the clock still runs; it just won't outlive a reload.
    writeStored('sessionStorage', this.#key, JSON.stringify({ at: now, on: this.#startedOn }));
  }
}

function isStart(value: unknown): value is { at: number; on: SlidePlace } {
  if (typeof value !== 'object' || value === null || !('at' in value) || !('on' in value)) return false;
  const on = value.on as Partial<SlidePlace> | null;
  return (
    typeof value.at === 'number' && value.at > 0 && typeof on?.indexh === 'number' && typeof on.indexv === 'number'
  );
}

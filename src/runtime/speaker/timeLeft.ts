import { formatClock, readCountdown, warningSeconds, type TimerState } from '../timerClock.ts';
import { setText, textElement } from '../dom.ts';
import { readPace } from './pacing.ts';

/** Where the current slide falls among the slides the time limit is shared by. */
export interface PacedSlide {
  index: number;
  count: number;
}

/**
 * The speaker view's banner for a time limit: the time left, coloured and worded for the last 30
 * seconds and for time up, and the pace against the limit shared evenly by the slides.
 */
export class TimeLeftBanner {
  readonly element: HTMLElement;
  readonly #limitSeconds: number;
  readonly #value: HTMLElement;
  readonly #detail: HTMLElement;
  readonly #pace: HTMLElement;
  #state: TimerState | undefined;

  constructor(limitSeconds: number) {
    this.#limitSeconds = limitSeconds;
    this.element = textElement('div', 'podium-speaker-timer');
    this.element.setAttribute('role', 'timer');
    this.#value = textElement('span', 'podium-speaker-timer-value');
    this.#detail = textElement('span', 'podium-speaker-timer-detail');
    this.#pace = textElement('span', 'podium-speaker-pace');
    this.element.append(this.#value, ' ', this.#detail, ' ', this.#pace);
  }

  /** `slide`: where the current slide falls for pacing (none: not paced); `lastSlide`: nothing follows it. */
  show(startedAt: number | null, now: number, slide: PacedSlide | undefined, lastSlide: boolean): void {
    const reading = readCountdown(this.#limitSeconds, startedAt, now);
    if (reading.state !== this.#state) {
      this.element.className = `podium-speaker-timer podium-speaker-timer-${reading.state}`;
      this.#state = reading.state;
    }
    setText(this.#value, reading.state === 'over' ? 'Time is up' : `${formatClock(reading.secondsLeft)} left`);
    setText(
      this.#detail,
      reading.state === 'waiting'
        ? lastSlide
          ? 'Press R as you start'
          : 'Starts at the next slide, or press R'
        : reading.state === 'running'
          ? `of ${formatClock(reading.limitSeconds)} · R restarts`
          : reading.state === 'warning'
            ? `Last ${warningSeconds} seconds · R restarts`
            : `${formatClock(reading.secondsOver)} over · R restarts`,
    );
    setText(this.#pace, paceText(this.#limitSeconds, startedAt, now, slide));
  }
}

function paceText(limitSeconds: number, startedAt: number | null, now: number, slide: PacedSlide | undefined): string {
  if (!slide) return '';
  const even = `about ${formatClock(Math.round(limitSeconds / slide.count))} a slide`;
  if (startedAt === null) return `Pace: ${even}`;
  const pace = readPace(limitSeconds, slide.count, slide.index, Math.max(0, now - startedAt) / 1000);
  if (pace.kind === 'onPace') return `Pace: ${formatClock(pace.secondsForSlide)} for this slide`;
  return `Pace: ${formatClock(pace.seconds)} ${pace.kind} (${even})`;
}

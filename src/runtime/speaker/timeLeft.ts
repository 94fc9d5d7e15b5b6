import { formatClock, readCountdown, warningSeconds, type TimerState } from '../timerClock.ts';
import { setText, textElement } from '../dom.ts';
import { say } from '../strings.ts';
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
    setText(
      this.#value,
      reading.state === 'over' ? say('timeUp') : say('clockLeft', { clock: formatClock(reading.secondsLeft) }),
    );
    setText(
      this.#detail,
      reading.state === 'waiting'
        ? say(lastSlide ? 'timerStartLast' : 'timerStartNext')
        : reading.state === 'running'
          ? say('timerRunning', { limit: formatClock(reading.limitSeconds) })
          : reading.state === 'warning'
            ? say('timerWarning', { seconds: warningSeconds })
            : say('timerOver', { clock: formatClock(reading.secondsOver) }),
    );
    setText(this.#pace, paceText(this.#limitSeconds, startedAt, now, slide));
  }
}

function paceText(limitSeconds: number, startedAt: number | null, now: number, slide: PacedSlide | undefined): string {
  if (!slide) return '';
  const even = formatClock(Math.round(limitSeconds / slide.count));
  if (startedAt === null) return say('paceEven', { clock: even });
  const pace = readPace(limitSeconds, slide.count, slide.index, Math.max(0, now - startedAt) / 1000);
  if (pace.kind === 'onPace') return say('paceOnPace', { clock: formatClock(pace.secondsForSlide) });
  return say(pace.kind === 'ahead' ? 'paceAhead' : 'paceBehind', { clock: formatClock(pace.seconds), even });
}

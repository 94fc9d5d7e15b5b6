import './timerBar.css';
import { textElement as element } from './dom.ts';
import { say } from './strings.ts';
import { formatClock, type TimerReading, type TimerState } from './timerClock.ts';

/**
 * The countdown the audience sees (`timer: visible`): a slim bar across the top that shrinks
 * as time runs out. Its text is always there for screen readers and shows on screen in the
 * last 30 seconds and at zero, so the warning is never told by colour alone. Screen readers
 * hear two announcements, the warning and the end, not every second.
 */
export class AudienceTimerBar {
  readonly element: HTMLElement;
  readonly #fill: HTMLElement;
  readonly #text: HTMLElement;
  readonly #announcement: HTMLElement;
  #state: TimerState | undefined;
  #shownText: string | undefined;

  constructor(parent: HTMLElement) {
    this.element = element('div', 'podium-timer');
    const track = element('div', 'podium-timer-track');
    track.setAttribute('aria-hidden', 'true');
    this.#fill = element('div', 'podium-timer-fill');
    track.append(this.#fill);
    this.#text = element('p', 'podium-timer-text');
    this.#text.setAttribute('role', 'timer');
    this.#text.setAttribute('aria-live', 'off');
    this.#announcement = element('p', 'sr-only');
    this.#announcement.setAttribute('role', 'status');
    this.element.append(track, this.#text, this.#announcement);
    parent.append(this.element);
  }

  show(reading: TimerReading): void {
    this.#fill.style.setProperty('--podium-timer-left', reading.fractionLeft.toFixed(4));
    const text =
      reading.state === 'over'
        ? say('timeUp')
        : reading.state === 'warning'
          ? say('secondsLeftShort', { seconds: reading.secondsLeft })
          : say('clockLeft', { clock: formatClock(reading.secondsLeft) });
    if (text !== this.#shownText) this.#text.textContent = this.#shownText = text;
    if (reading.state === this.#state) return;
    this.element.className = `podium-timer podium-timer-${reading.state}`;
    this.#announcement.textContent =
      reading.state === 'warning'
        ? say('secondsLeft', { seconds: reading.secondsLeft })
        : reading.state === 'over'
          ? say('timeUp')
          : '';
    this.#state = reading.state;
  }
}

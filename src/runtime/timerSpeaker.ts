import { formatClock, readCountdown, warningSeconds, type Countdown, type TimerState } from './timerClock.ts';

/*
 * The time left in reveal's speaker view. That view is a popup the notes plugin writes, with the
 * deck loaded twice inside it (`?receiver`) as the current and the next slide. Opened from
 * file://, each of those documents has an origin of its own, so the windows talk by postMessage
 * only: the presentation window, which owns the countdown, sends its start time to the frames of
 * the speaker window; the current-slide frame shows the time left and asks for a restart.
 */

/** Presentation window → current-slide preview. */
interface CountdownMessage {
  podiumTimer: { startedAt: number | null };
}

/** Current-slide preview → presentation window. */
const restartMessage = { podiumTimer: 'restart' } as const;

/** reveal's speaker view sends a heartbeat every second; silence longer than this means it is gone. */
const silenceMs = 3000;

/**
 * The presentation window's side: finds the speaker window by the heartbeat reveal's notes plugin
 * sends to its opener, and keeps its current-slide preview told of the countdown. A speaker view
 * that is reopened (or a presentation window reloaded) is found again the same way, so the time
 * left carries on instead of starting over.
 */
export class SpeakerViewLink {
  readonly #countdown: Countdown;
  readonly #onRestart: () => void;
  #speaker: Window | null = null;
  #lastHeard = 0;

  constructor(countdown: Countdown, onRestart: () => void) {
    this.#countdown = countdown;
    this.#onRestart = onRestart;
    window.addEventListener('message', (event) => this.#receive(event));
  }

  /** Tells the speaker view where the countdown stands (after a start or restart, and every heartbeat). */
  send(): void {
    const speaker = this.#speaker;
    if (!speaker || speaker.closed) return;
    const message: CountdownMessage = { podiumTimer: { startedAt: this.#countdown.startedAt } };
    for (let index = 0; index < speaker.frames.length; index++) speaker.frames[index]?.postMessage(message, '*');
  }

  /**
   * Restarts reveal's pacing in the speaker view with the countdown (its "Click to Reset": from the
   * start of the current slide). Works while both windows share an origin, which a presentation
   * window reloaded from file:// no longer does; pacing then keeps its own start.
   */
  resetPacing(): void {
    this.#inSpeakerView((document) => document.querySelector<HTMLElement>('.speaker-controls-time')?.click());
  }

  /**
   * reveal's elapsed time counts from when the speaker view opened and, after a reset, from the
   * pacing's idea of the current slide's start: beside the countdown it would only contradict it.
   */
  #hideElapsedTime(): void {
    this.#inSpeakerView((document) => {
      if (document.querySelector('style[data-podium-timer]')) return;
      const style = document.createElement('style');
      style.dataset.podiumTimer = '';
      style.textContent = '.speaker-controls-time .timer { display: none; }';
      document.head.append(style);
    });
  }

  #inSpeakerView(change: (document: Document) => void): void {
    try {
      if (this.#speaker) change(this.#speaker.document);
    } catch {
      // Another origin: see resetPacing.
    }
  }

  /**
   * A speaker window the browser reloaded comes back blank and silent, and reveal would only focus
   * it again: close it, so that S opens a working speaker view.
   */
  closeIfSilent(): void {
    const speaker = this.#speaker;
    if (speaker && !speaker.closed && Date.now() - this.#lastHeard > silenceMs) speaker.close();
    if (speaker?.closed) this.#speaker = null;
  }

  #receive(event: MessageEvent): void {
    const source = event.source as Window | null;
    if (!source) return;
    if (typeof event.data === 'string') {
      const type = revealNotesMessageType(event.data);
      // Only a window this one opened: the speaker view.
      if ((type === 'heartbeat' || type === 'connected') && source.opener === window) {
        this.#speaker = source;
        this.#lastHeard = Date.now();
        this.send();
        if (type !== 'connected') return;
        this.#hideElapsedTime();
        if (this.#countdown.startedAt !== null) this.resetPacing();
      }
    } else if (isRecord(event.data) && event.data.podiumTimer === restartMessage.podiumTimer && this.#isSpeakerFrame(source)) {
      this.#onRestart();
    }
  }

  #isSpeakerFrame(source: Window): boolean {
    const speaker = this.#speaker;
    if (!speaker || speaker.closed) return false;
    for (let index = 0; index < speaker.frames.length; index++) if (speaker.frames[index] === source) return true;
    return false;
  }
}

/**
 * The speaker view's side, in its current-slide preview: a banner with the time left, coloured
 * and worded for the last 30 seconds and for time up. It appears once the presentation window
 * has said where the countdown stands, and keeps counting if that window goes quiet.
 */
export class SpeakerTimerBanner {
  readonly #limitSeconds: number;
  readonly #element: HTMLElement;
  readonly #value: HTMLElement;
  readonly #detail: HTMLElement;
  #startedAt: number | null = null;
  #state: TimerState | undefined;

  constructor(parent: HTMLElement, limitSeconds: number) {
    this.#limitSeconds = limitSeconds;
    this.#element = document.createElement('div');
    this.#element.className = 'podium-speaker-timer';
    this.#element.setAttribute('role', 'timer');
    this.#element.hidden = true;
    this.#value = document.createElement('span');
    this.#value.className = 'podium-speaker-timer-value';
    this.#detail = document.createElement('span');
    this.#detail.className = 'podium-speaker-timer-detail';
    this.#element.append(this.#value, ' ', this.#detail);
    parent.append(this.#element);
    window.addEventListener('message', (event) => {
      const data: unknown = event.data;
      if (event.source !== presentationWindow() || !isRecord(data) || !isRecord(data.podiumTimer)) return;
      const { startedAt } = data.podiumTimer;
      this.#startedAt = typeof startedAt === 'number' ? startedAt : null;
      this.#element.hidden = false;
      this.#render();
    });
    setInterval(() => this.#render(), 250);
  }

  /** R in the speaker view: the presentation window restarts the countdown and sends it back. */
  requestRestart(): void {
    presentationWindow()?.postMessage(restartMessage, '*');
  }

  #render(): void {
    if (this.#element.hidden) return;
    const reading = readCountdown(this.#limitSeconds, this.#startedAt, Date.now());
    if (reading.state !== this.#state) {
      this.#element.className = `podium-speaker-timer podium-speaker-timer-${reading.state}`;
      this.#state = reading.state;
    }
    setText(this.#value, reading.state === 'over' ? 'Time is up' : `${formatClock(reading.secondsLeft)} left`);
    setText(
      this.#detail,
      reading.state === 'waiting'
        ? 'Starts at the next slide, or press R'
        : reading.state === 'running'
          ? `of ${formatClock(reading.limitSeconds)} · R restarts`
          : reading.state === 'warning'
            ? `Last ${warningSeconds} seconds · R restarts`
            : `${formatClock(reading.secondsOver)} over · R restarts`,
    );
  }
}

/** The speaker view's opener: the presentation window (a cross-origin property any frame may read). */
function presentationWindow(): Window | null {
  return window.parent === window ? null : window.parent.opener;
}

function revealNotesMessageType(data: string): unknown {
  if (!data.startsWith('{')) return undefined;
  try {
    const message: unknown = JSON.parse(data);
    return isRecord(message) && message.namespace === 'reveal-notes' ? message.type : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

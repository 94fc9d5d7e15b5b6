import './presenting.css';
import { classNames, deckAttributes } from '../contract/markup.ts';
import { textElement } from './dom.ts';
import { say } from './strings.ts';
import { SpeakerWindow, type PresentationDeck } from './speaker/speakerWindow.ts';
import { AudienceTimerBar } from './timerBar.ts';
import { readCountdown, TalkClock } from './timerClock.ts';

/** The reveal.js calls presenting needs, beyond those of the speaker window. */
export interface PresentingDeck extends PresentationDeck {
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
  removeKeyBinding(keyCode: number): void;
  getRevealElement(): HTMLElement | null;
  isOverview(): boolean;
  isPrintView(): boolean;
  /** True in the speaker view's slide previews. */
  isSpeakerNotes(): boolean;
}

export interface TimerSettings {
  limitSeconds: number;
  /** `timer: visible`: the audience sees a countdown bar too. */
  audience: boolean;
}

/** The deck's time limit, from the data attributes the build puts on `.reveal` (frontmatter `timeLimit`, `timer`). */
export function timerSettings(root: ParentNode = document): TimerSettings | undefined {
  const reveal = root.querySelector(`.${classNames.deck}`);
  const limitSeconds = Number(reveal?.getAttribute(deckAttributes.timeLimit));
  if (!(limitSeconds > 0)) return undefined;
  return { limitSeconds, audience: reveal?.getAttribute(deckAttributes.timer) === 'visible' };
}

/** How long a notice stays on the presentation (a blocked speaker window). */
const noticeMs = 8000;

const keys = {
  restart: { keyCode: 82, key: 'R', description: 'helpRestart' },
  speakerView: { keyCode: 83, key: 'S', description: 'helpSpeakerView' },
} as const;

/** A key for reveal.js, described in the deck's language. */
function binding({ keyCode, key, description }: (typeof keys)[keyof typeof keys]) {
  return { keyCode, key, description: say(description) };
}

/** Reveal events that mean the talk has started. */
const startEvents = ['slidechanged', 'fragmentshown', 'fragmenthidden'];

/**
 * The presentation window's side of presenting: the talk clock, which starts at the first slide
 * change or step, or with R, which also restarts it; the speaker view (S), which shows it; and,
 * with `timer: visible` and a time limit, the countdown bar the audience sees. At zero the bar
 * says so and the deck carries on. Previews and printed pages have none of these.
 */
export class Presenting {
  readonly #deck: PresentingDeck;
  readonly #timer: TimerSettings | undefined;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #ticking: ReturnType<typeof setInterval> | undefined;
  #speaker: SpeakerWindow | undefined;
  #startOnce: (() => void) | undefined;
  readonly #ready = () => this.#start();

  constructor(deck: PresentingDeck, timer: TimerSettings | undefined) {
    this.#deck = deck;
    this.#timer = timer;
    deck.on('ready', this.#ready);
  }

  #start(): void {
    const deck = this.#deck;
    const timer = this.#timer;
    const root = deck.getRevealElement();
    if (!root || deck.isPrintView() || deck.isSpeakerNotes()) return;
    const clock = new TalkClock(`podium-talk:${location.pathname}`);
    const bar = timer?.audience ? new AudienceTimerBar(root) : undefined;
    const show = () => {
      if (timer && bar) bar.show(readCountdown(timer.limitSeconds, clock.startedAt, Date.now()));
    };
    const speaker = new SpeakerWindow(deck, clock, () => restart());
    this.#speaker = speaker;
    const started = () => {
      speaker.send();
      show();
    };
    const restart = () => {
      clock.restart(deck.getState());
      started();
    };
    // Moving around the overview while setting up is not starting to speak.
    this.#startOnce = () => {
      if (!deck.isOverview() && clock.start(deck.getState())) started();
    };
    for (const event of startEvents) deck.on(event, this.#startOnce);
    deck.addKeyBinding(binding(keys.restart), restart);
    deck.addKeyBinding(binding(keys.speakerView), () => {
      if (!speaker.open()) this.#notice(root, say('speakerWindowBlocked'));
    });
    if (!bar) return;
    show();
    this.#ticking = setInterval(show, 250);
  }

  #notice(root: HTMLElement, text: string): void {
    const shown = textElement('p', 'podium-notice', text);
    shown.setAttribute('role', 'alert');
    root.append(shown);
    const timeout = setTimeout(() => {
      this.#timers.delete(timeout);
      shown.remove();
    }, noticeMs);
    this.#timers.add(timeout);
  }

  /** Stops the clock's display and the speaker view's link, and lets go of reveal's events and keys. */
  destroy(): void {
    const deck = this.#deck;
    deck.off('ready', this.#ready);
    if (this.#startOnce) for (const event of startEvents) deck.off(event, this.#startOnce);
    if (this.#speaker) {
      deck.removeKeyBinding(keys.restart.keyCode);
      deck.removeKeyBinding(keys.speakerView.keyCode);
      this.#speaker.destroy();
    }
    clearInterval(this.#ticking);
    for (const timeout of this.#timers) clearTimeout(timeout);
    this.#timers.clear();
  }
}

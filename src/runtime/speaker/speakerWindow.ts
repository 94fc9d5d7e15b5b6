import type { SlidePlace } from '../timerClock.ts';
import {
  deckIdentity,
  fromDeckOrigin,
  isSpeakerRequest,
  silenceMs,
  speakerViewQuery,
  type Move,
  type PresentationMessage,
  type TalkState,
} from './messages.ts';

/** The reveal.js calls the presentation's side of the speaker view needs. */
export interface PresentationDeck {
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  getState(): { indexh: number; indexv: number; indexf?: number; paused?: boolean };
  getCurrentSlide(): HTMLElement | undefined;
  getSlidePastCount(): number;
  getTotalSlides(): number;
  isLastSlide(): boolean;
  availableFragments(): { prev: boolean; next: boolean };
  next(): void;
  prev(): void;
  left(): void;
  right(): void;
  up(): void;
  down(): void;
  slide(h: number): void;
  togglePause(): void;
}

/** Reveal events after which the speaker view is told where the talk stands. */
const changes = ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed'];

/** The talk clock, as the speaker view needs it. */
export interface TalkStart {
  readonly startedAt: number | null;
  readonly startedOn: SlidePlace | null;
}

/**
 * The presentation window's side of the speaker view: S opens it (or brings it forward), and
 * every change of slide, step, black screen or talk clock is sent to it. A speaker view of this
 * deck that says hello, on opening, after a reload of either window or every second, is told
 * where the talk stands; it may move the deck and restart the clock, nothing else.
 */
export class SpeakerWindow {
  readonly #deck: PresentationDeck;
  readonly #clock: TalkStart;
  readonly #onRestart: () => void;
  readonly #listening = new AbortController();
  readonly #changed = () => this.send();
  #speaker: Window | null = null;
  #lastHeard = 0;

  constructor(deck: PresentationDeck, clock: TalkStart, onRestart: () => void) {
    this.#deck = deck;
    this.#clock = clock;
    this.#onRestart = onRestart;
    window.addEventListener('message', (event) => this.#receive(event), { signal: this.#listening.signal });
    for (const change of changes) deck.on(change, this.#changed);
  }

  /** Stops listening to the speaker view and to the deck. */
  destroy(): void {
    this.#listening.abort();
    for (const change of changes) this.#deck.off(change, this.#changed);
  }

  /** S: brings the speaker view forward, or opens it. Returns false when the browser refused a new window. */
  open(): boolean {
    const speaker = this.#speaker;
    if (speaker && !speaker.closed && Date.now() - this.#lastHeard <= silenceMs) {
      speaker.focus();
      return true;
    }
    const address = new URL(location.href);
    address.search = `?${speakerViewQuery}`;
    address.hash = '';
    // One gone silent (stuck) is closed, so that only the new one remains.
    if (speaker && !speaker.closed) speaker.close();
    // Before its first hello, a presentation just reloaded may still have a speaker window: the
    // deck's name for it reaches that one (which loads again and says hello). A window this one
    // saw closed gets no name, as a closing window may still answer to it.
    const name = speaker ? '_blank' : `podium-speaker:${location.pathname}`;
    const opened = window.open(address.href, name, 'popup,width=1280,height=760');
    if (!opened) return false;
    this.#speaker = opened;
    // Counts as heard, so a second S before its first hello does not load it again.
    this.#lastHeard = Date.now();
    return true;
  }

  /** Tells the speaker view where the talk stands. */
  send(): void {
    const speaker = this.#speaker;
    if (!speaker || speaker.closed) return;
    const message: PresentationMessage = { podiumTalk: this.#talkState() };
    speaker.postMessage(message, '*');
  }

  #talkState(): TalkState {
    const deck = this.#deck;
    const { indexh, indexv, indexf, paused } = deck.getState();
    const steps = new Set(
      [...(deck.getCurrentSlide()?.querySelectorAll('.fragment[data-fragment-index]') ?? [])].map((fragment) =>
        fragment.getAttribute('data-fragment-index'),
      ),
    ).size;
    return {
      indexh,
      indexv,
      indexf: steps === 0 ? undefined : (indexf ?? -1),
      slide: deck.getSlidePastCount() + 1,
      slides: deck.getTotalSlides(),
      step: steps === 0 ? 0 : (indexf ?? -1) + 1,
      steps,
      paused: paused === true,
      atEnd: deck.isLastSlide() && !deck.availableFragments().next,
      startedAt: this.#clock.startedAt,
      startedOn: this.#clock.startedOn,
    };
  }

  #receive(event: MessageEvent): void {
    const source = event.source as Window | null;
    // Only a window this one opened (a cross-origin property any window may read), showing a page
    // of the deck's own origin.
    if (!source || !isSpeakerRequest(event.data) || source.opener !== window || !fromDeckOrigin(event)) return;
    const request = event.data;
    // Read each time: slides replaced in place (podium dev) give the deck a new stamp.
    if (request.deck !== deckIdentity()) {
      // Another deck's speaker view, or an older build's: it is told so, and never obeyed.
      if (request.podiumSpeaker === 'hello')
        source.postMessage({ podiumOtherDeck: true } satisfies PresentationMessage, '*');
      if (source === this.#speaker) this.#speaker = null;
      return;
    }
    this.#speaker = source;
    this.#lastHeard = Date.now();
    if (request.podiumSpeaker === 'restart') this.#onRestart();
    else if (request.podiumSpeaker === 'move') this.#move(request.move);
    // A move sends its own update, through reveal's events.
    if (request.podiumSpeaker !== 'move') this.send();
  }

  #move(move: Move): void {
    const deck = this.#deck;
    if (move === 'first') deck.slide(0);
    else if (move === 'last') deck.slide(Number.MAX_VALUE);
    else deck[move]();
  }
}

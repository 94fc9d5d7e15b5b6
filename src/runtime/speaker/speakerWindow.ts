import { isSpeakerRequest, type Move, type PresentationMessage, type TalkState } from './messages.ts';

/** The reveal.js calls the presentation's side of the speaker view needs. */
export interface PresentationDeck {
  on(type: string, listener: () => void): void;
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

/** The address of the speaker view: this very file, asked to show itself as one. */
export const speakerViewQuery = 'speaker';

/** The speaker view says hello every second; silence longer than this means it is gone. */
const silenceMs = 3000;

/**
 * The presentation window's side of the speaker view: S opens it (or brings it forward), and
 * every change of slide, step, black screen or talk clock is sent to it. A speaker view that says
 * hello, on opening, after a reload of either window or with its heartbeat, is told where the
 * talk stands; it may move the deck and restart the clock, nothing else.
 */
export class SpeakerWindow {
  readonly #deck: PresentationDeck;
  readonly #startedAt: () => number | null;
  readonly #onRestart: () => void;
  #speaker: Window | null = null;
  #lastHeard = 0;

  constructor(deck: PresentationDeck, startedAt: () => number | null, onRestart: () => void) {
    this.#deck = deck;
    this.#startedAt = startedAt;
    this.#onRestart = onRestart;
    window.addEventListener('message', (event) => this.#receive(event));
    for (const change of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed']) deck.on(change, () => this.send());
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
    // Before its first hello, a presentation just reloaded may still have a speaker window: the
    // deck's name for it reaches that one (which loads again and says hello). A window this one
    // saw closed gets no name, as a closing window may still answer to it.
    // One gone silent (stuck) is closed, so that only the new one remains.
    if (speaker && !speaker.closed) speaker.close();
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
    const steps = new Set([...(deck.getCurrentSlide()?.querySelectorAll('.fragment[data-fragment-index]') ?? [])].map((fragment) => fragment.getAttribute('data-fragment-index'))).size;
    const step = steps === 0 ? 0 : (indexf ?? -1) + 1;
    return {
      indexh,
      indexv,
      indexf: steps === 0 ? undefined : (indexf ?? -1),
      slide: deck.getSlidePastCount() + 1,
      slides: deck.getTotalSlides(),
      step,
      steps,
      paused: paused === true,
      atEnd: deck.isLastSlide() && !deck.availableFragments().next,
      startedAt: this.#startedAt(),
    };
  }

  #receive(event: MessageEvent): void {
    const source = event.source as Window | null;
    // Only a window this one opened (a cross-origin property any window may read): the speaker view.
    if (!source || !isSpeakerRequest(event.data) || source.opener !== window) return;
    this.#speaker = source;
    this.#lastHeard = Date.now();
    const request = event.data;
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

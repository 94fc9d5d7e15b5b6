import './speakerView.css';
import { classNames, readyMarks } from '../../contract/markup.ts';
import { setText, textElement } from '../dom.ts';
import { timerSettings } from '../presenting.ts';
import type { Started } from '../start.ts';
import { readStored, removeStored, writeStored } from '../storage.ts';
import { say } from '../strings.ts';
import { formatClock } from '../timerClock.ts';
import { DeckSlides } from './deckSlides.ts';
import {
  deckIdentity,
  fromDeckOrigin,
  helloEveryMs,
  isPresentationMessage,
  silenceMs,
  speakerViewQuery,
  type Move,
  type SpeakerMessage,
  type TalkState,
} from './messages.ts';
import { markSlideRatio } from '../brand.ts';
import { SlidePreview } from './slidePreview.ts';
import { TimeLeftBanner } from './timeLeft.ts';

/** True when this document was opened as the speaker view (`deck.html?speaker`). */
export function isSpeakerViewAddress(): boolean {
  return new URLSearchParams(location.search).has(speakerViewQuery);
}

/** Turns this document, opened as `deck.html?speaker`, into the speaker view. */
export function startSpeakerView(): Started {
  const reveal = document.querySelector<HTMLElement>(`.${classNames.deck}`);
  const limitSeconds = timerSettings()?.limitSeconds;
  const identity = deckIdentity();
  const title = document.title;
  markSlideRatio();
  // The slides stay readable to the view (notes, pacing) but are no longer shown.
  reveal?.remove();
  const view = new SpeakerView(document.body, new DeckSlides(reveal), { title, identity, limitSeconds });
  document.documentElement.setAttribute(readyMarks.ready, '');
  return view;
}

/** Keys the speaker view passes on to the presentation, as reveal.js binds them. */
const keyMoves: Record<string, Move> = {
  ArrowRight: 'right',
  l: 'right',
  ArrowLeft: 'left',
  h: 'left',
  ArrowUp: 'up',
  k: 'up',
  ArrowDown: 'down',
  j: 'down',
  ' ': 'next',
  PageDown: 'next',
  n: 'next',
  PageUp: 'prev',
  p: 'prev',
  Home: 'first',
  End: 'last',
  b: 'togglePause',
  '.': 'togglePause',
};

/** Keys that scroll the notes while they have focus. */
const scrollKeys = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

const notesSizes = [20, 24, 28, 34, 40, 48];
const notesSizeKey = 'podium-speaker-notes-size';
/** Set while the view reloads itself to catch up with a rebuilt deck, so it does so once. */
const catchUpKey = 'podium-speaker-caught-up';

interface SpeakerViewOptions {
  title: string;
  /** The deck's stamp (deckIdentity()), to be sure the presentation shows the same build. */
  identity: string;
  limitSeconds: number | undefined;
}

/**
 * The speaker view: the slide the audience sees, the next step, the notes, the time of day, the
 * time spoken and, with a time limit, the time left and the pace. It is the deck's own file, so it
 * reads the notes from itself and loads under the deck's own Content-Security-Policy; its opener,
 * the presentation window, tells it where the talk stands. Reloaded, it finds that window again.
 */
class SpeakerView implements Started {
  readonly #slides: DeckSlides;
  readonly #identity: string;
  readonly #presentation: Window | null;
  readonly #now = new SlidePreview(say('speakerNowPreview'), false);
  readonly #next = new SlidePreview(say('speakerNextPreview'), true);
  readonly #place = textElement('p', 'podium-speaker-place', say('slideNumberAlone', { current: 1 }));
  readonly #spoken = textElement('p', 'podium-speaker-spoken');
  readonly #clock = textElement('p', 'podium-speaker-clock');
  readonly #status = textElement('p', 'podium-speaker-status');
  readonly #notes = textElement('div', 'podium-speaker-notes-text');
  readonly #timeLeft: TimeLeftBanner | undefined;
  readonly #listening = new AbortController();
  readonly #timers: Array<ReturnType<typeof setInterval>> = [];
  #talk: TalkState | undefined;
  /** The slide whose notes are shown; null before any. */
  #noted: HTMLElement | undefined | null = null;
  #lastHeard = 0;
  #otherDeck = false;
  /** This window was loaded again to catch up with a rebuilt deck (see #catchUp). */
  #caughtUp: boolean;
  #notesSize: number;

  constructor(body: HTMLElement, slides: DeckSlides, { title, identity, limitSeconds }: SpeakerViewOptions) {
    this.#slides = slides;
    this.#identity = identity;
    this.#presentation = window.opener as Window | null;
    this.#timeLeft = limitSeconds ? new TimeLeftBanner(limitSeconds) : undefined;
    this.#notesSize = Number(readStored('localStorage', notesSizeKey)) || 28;
    this.#caughtUp = readStored('sessionStorage', catchUpKey) !== null;
    document.title = say('speakerViewTitle', { title });
    document.documentElement.classList.add('podium-speaker-view');
    this.#status.setAttribute('role', 'status');
    this.#spoken.setAttribute('role', 'timer');
    // Scrolls from the keyboard too (the arrows move slides until the notes have focus).
    this.#notes.tabIndex = 0;
    body.replaceChildren(this.#layout(title));
    this.#sizeNotes(0);
    this.#showNotes(slides.at(0, 0));

    const { signal } = this.#listening;
    window.addEventListener(
      'message',
      (event) => {
        if (
          event.source === null ||
          event.source !== this.#presentation ||
          !fromDeckOrigin(event) ||
          !isPresentationMessage(event.data)
        )
          return;
        this.#lastHeard = Date.now();
        if ('podiumOtherDeck' in event.data) this.#catchUp();
        else this.#show(event.data.podiumTalk);
      },
      { signal },
    );
    document.addEventListener('keydown', (event) => this.#key(event), { signal });
    this.#say({ podiumSpeaker: 'hello' });
    this.#timers.push(setInterval(() => this.#say({ podiumSpeaker: 'hello' }), helloEveryMs));
    this.#tick();
    this.#timers.push(setInterval(() => this.#tick(), 250));
  }

  /** Stops saying hello, ticking and listening (to the presentation, the keys and the previews). */
  destroy(): void {
    this.#listening.abort();
    for (const timer of this.#timers) clearInterval(timer);
    this.#now.destroy();
    this.#next.destroy();
  }

  #layout(title: string): DocumentFragment {
    const layout = document.createDocumentFragment();
    const header = textElement('header', 'podium-speaker-header');
    header.append(textElement('h1', 'podium-speaker-title', title), this.#place, this.#spoken, this.#clock);
    layout.append(header);
    if (this.#timeLeft) layout.append(this.#timeLeft.element);
    layout.append(this.#status);
    const main = textElement('main', 'podium-speaker-main');
    main.append(
      section('podium-speaker-now', say('speakerNow'), this.#now.element),
      section('podium-speaker-next', say('speakerNext'), this.#next.element),
      section('podium-speaker-notes', say('speakerNotesHeading'), this.#notes, this.#notesControls()),
    );
    const controls = textElement('footer', 'podium-speaker-controls');
    controls.append(
      button(say('speakerPrevious'), () => this.#say({ podiumSpeaker: 'move', move: 'prev' })),
      button(say('speakerNextButton'), () => this.#say({ podiumSpeaker: 'move', move: 'next' })),
      button(say('speakerBlack'), () => this.#say({ podiumSpeaker: 'move', move: 'togglePause' })),
      button(say('speakerRestart'), () => this.#say({ podiumSpeaker: 'restart' })),
    );
    layout.append(main, controls);
    return layout;
  }

  #notesControls(): HTMLElement {
    const controls = textElement('div', 'podium-speaker-notes-size');
    const smaller = button(say('notesSmaller'), () => this.#sizeNotes(-1));
    smaller.setAttribute('aria-label', say('notesSmallerLabel'));
    const larger = button(say('notesLarger'), () => this.#sizeNotes(1));
    larger.setAttribute('aria-label', say('notesLargerLabel'));
    controls.append(smaller, larger);
    return controls;
  }

  #sizeNotes(step: -1 | 0 | 1): void {
    const at = notesSizes.indexOf(this.#notesSize);
    this.#notesSize = notesSizes[Math.min(notesSizes.length - 1, Math.max(0, (at < 0 ? 2 : at) + step))]!;
    this.#notes.style.fontSize = `${this.#notesSize}px`;
    if (step !== 0) writeStored('localStorage', notesSizeKey, String(this.#notesSize));
  }

  #show(talk: TalkState): void {
    this.#talk = talk;
    this.#otherDeck = false;
    if (this.#caughtUp) {
      // Caught up: a later rebuild may be caught up with again.
      removeStored('sessionStorage', catchUpKey);
      this.#caughtUp = false;
    }
    setText(
      this.#place,
      say(talk.steps > 0 ? 'speakerPlaceStep' : 'speakerPlace', {
        slide: talk.slide,
        slides: talk.slides,
        step: talk.step,
        steps: talk.steps,
      }),
    );
    const place = { indexh: talk.indexh, indexv: talk.indexv, indexf: talk.indexf };
    this.#now.show(place);
    this.#next.show(place, talk.atEnd);
    this.#showNotes(this.#slides.at(talk.indexh, talk.indexv));
    this.#tick();
  }

  /**
   * The presentation holds other slides. A rebuilt deck at this same address is caught up with
   * by loading the file again, once; otherwise the view says so and waits.
   */
  #catchUp(): void {
    if (this.#otherDeck) return;
    this.#otherDeck = true;
    if (!this.#caughtUp && writeStored('sessionStorage', catchUpKey, '1')) location.reload();
    else this.#tick();
  }

  #showNotes(slide: HTMLElement | undefined): void {
    if (slide === this.#noted) return;
    this.#noted = slide;
    const notes = slide ? this.#slides.notes(slide) : [];
    if (notes.length > 0) this.#notes.replaceChildren(...notes);
    else this.#notes.replaceChildren(textElement('p', 'podium-speaker-no-notes', say('noNotes')));
    this.#notes.scrollTop = 0;
  }

  #tick(): void {
    const now = Date.now();
    const talk = this.#talk;
    setText(
      this.#clock,
      new Date(now).toLocaleTimeString(document.documentElement.lang || undefined, {
        hour: 'numeric',
        minute: '2-digit',
      }),
    );
    const startedAt = talk?.startedAt ?? null;
    setText(
      this.#spoken,
      startedAt === null
        ? say('notStarted')
        : say('speaking', { clock: formatClock(Math.floor(Math.max(0, now - startedAt) / 1000)) }),
    );
    if (this.#timeLeft) {
      const slide = talk ? this.#slides.at(talk.indexh, talk.indexv) : undefined;
      const startedOn = talk?.startedOn ? this.#slides.at(talk.startedOn.indexh, talk.startedOn.indexv) : undefined;
      this.#timeLeft.show(startedAt, now, slide && this.#slides.paced(slide, startedOn), talk?.atEnd === true);
    }
    const status = this.#statusText(now);
    setText(this.#status, status);
    this.#status.hidden = status === '';
  }

  #statusText(now: number): string {
    const presentation = this.#presentation;
    if (!presentation) return say('speakerAlone');
    if (presentation.closed) return say('presentationClosed');
    if (this.#otherDeck) return say('presentationOtherDeck');
    if (now - this.#lastHeard > silenceMs) return say('presentationWaiting');
    if (this.#talk?.paused) return say('audienceBlack');
    return '';
  }

  #key(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    // Space and Enter press a button the keyboard moved to (a click leaves no focus behind).
    if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
    if (event.target === this.#notes && scrollKeys.has(event.key)) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    // A held key repeats: moving on is welcome, switching the black screen or the clock back and forth is not.
    const once = !event.repeat;
    if (key === 'r') {
      if (once) this.#say({ podiumSpeaker: 'restart' });
    } else if (key === '+' || key === '=') this.#sizeNotes(1);
    else if (key === '-') this.#sizeNotes(-1);
    else if (key === ' ' && event.shiftKey) this.#say({ podiumSpeaker: 'move', move: 'prev' });
    else if (Object.hasOwn(keyMoves, key)) {
      const move = keyMoves[key]!;
      if (once || move !== 'togglePause') this.#say({ podiumSpeaker: 'move', move });
    } else return;
    event.preventDefault();
  }

  #say(message: SpeakerMessage): void {
    const presentation = this.#presentation;
    if (presentation && !presentation.closed) presentation.postMessage({ ...message, deck: this.#identity }, '*');
  }
}

function section(className: string, heading: string, ...content: HTMLElement[]): HTMLElement {
  const made = textElement('section', className);
  const title = textElement('h2', 'podium-speaker-heading', heading);
  title.id = `${className}-heading`;
  made.setAttribute('aria-labelledby', title.id);
  made.append(title, ...content);
  return made;
}

function button(label: string, action: () => void): HTMLButtonElement {
  const made = textElement('button', '', label);
  made.type = 'button';
  // A click leaves the focus where it was, so that space goes on moving the slides.
  made.addEventListener('mousedown', (event) => event.preventDefault());
  made.addEventListener('click', action);
  return made;
}

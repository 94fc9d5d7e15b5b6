import './speakerView.css';
import { timerSettings } from '../presenting.ts';
import { formatClock } from '../timerClock.ts';
import { DeckSlides } from './deckSlides.ts';
import { isPresentationMessage, type Move, type SpeakerRequest, type TalkState } from './messages.ts';
import { SlidePreview } from './slidePreview.ts';
import { setText, textElement, TimeLeftBanner } from './timeLeft.ts';
import { speakerViewQuery } from './speakerWindow.ts';

/** True when this document was opened as the speaker view (`deck.html?speaker`). */
export function isSpeakerViewAddress(): boolean {
  return new URLSearchParams(location.search).has(speakerViewQuery);
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

/** Silence from the presentation window longer than this (it says where it stands every second) is worth saying. */
const silenceMs = 3000;

const notesSizes = [20, 24, 28, 34, 40, 48];
const notesSizeKey = 'podium-speaker-notes-size';

/**
 * The speaker view: the slide the audience sees, the next step, the notes, the time of day, the
 * time spoken and, with a time limit, the time left and the pace. It is the deck's own file, so it
 * reads the notes from itself and loads under the deck's own Content-Security-Policy; its opener,
 * the presentation window, tells it where the talk stands. Reloaded, it finds that window again.
 */
export class SpeakerView {
  readonly #slides: DeckSlides;
  readonly #presentation: Window | null;
  readonly #now = new SlidePreview('The slide the audience sees', false);
  readonly #next = new SlidePreview('The next step', true);
  readonly #place = textElement('p', 'podium-speaker-place', 'Slide 1');
  readonly #spoken = textElement('p', 'podium-speaker-spoken');
  readonly #clock = textElement('p', 'podium-speaker-clock');
  readonly #status = textElement('p', 'podium-speaker-status');
  readonly #notes = textElement('div', 'podium-speaker-notes-text');
  readonly #timeLeft: TimeLeftBanner | undefined;
  #talk: TalkState | undefined;
  /** The slide whose notes are shown; null before any. */
  #noted: HTMLElement | undefined | null = null;
  #lastHeard = 0;
  #notesSize: number;

  constructor(body: HTMLElement, slides: DeckSlides, title: string, limitSeconds: number | undefined) {
    this.#slides = slides;
    this.#presentation = window.opener as Window | null;
    this.#timeLeft = limitSeconds ? new TimeLeftBanner(limitSeconds) : undefined;
    this.#notesSize = Number(readStored(notesSizeKey)) || 28;
    document.title = `Speaker view: ${title}`;
    document.documentElement.classList.add('podium-speaker-view');
    this.#status.setAttribute('role', 'status');
    this.#spoken.setAttribute('role', 'timer');
    body.replaceChildren(this.#layout(title));
    this.#sizeNotes(0);
    this.#showNotes(slides.at(0, 0));

    window.addEventListener('message', (event) => {
      if (event.source === null || event.source !== this.#presentation || !isPresentationMessage(event.data)) return;
      this.#lastHeard = Date.now();
      this.#show(event.data.podiumTalk);
    });
    document.addEventListener('keydown', (event) => this.#key(event));
    this.#say({ podiumSpeaker: 'hello' });
    setInterval(() => this.#say({ podiumSpeaker: 'hello' }), 1000);
    this.#tick();
    setInterval(() => this.#tick(), 250);
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
      section('podium-speaker-now', 'Now', this.#now.element),
      section('podium-speaker-next', 'Next', this.#next.element),
      section('podium-speaker-notes', 'Notes', this.#notes, this.#notesControls()),
    );
    const controls = textElement('footer', 'podium-speaker-controls');
    controls.append(
      button('Previous (←)', () => this.#say({ podiumSpeaker: 'move', move: 'prev' })),
      button('Next (→ or space)', () => this.#say({ podiumSpeaker: 'move', move: 'next' })),
      button('Black screen (B)', () => this.#say({ podiumSpeaker: 'move', move: 'togglePause' })),
      button('Restart the clock (R)', () => this.#say({ podiumSpeaker: 'restart' })),
    );
    layout.append(main, controls);
    return layout;
  }

  #notesControls(): HTMLElement {
    const controls = textElement('div', 'podium-speaker-notes-size');
    const smaller = button('Smaller', () => this.#sizeNotes(-1));
    smaller.setAttribute('aria-label', 'Smaller notes (−)');
    const larger = button('Larger', () => this.#sizeNotes(1));
    larger.setAttribute('aria-label', 'Larger notes (+)');
    controls.append(smaller, larger);
    return controls;
  }

  #sizeNotes(step: -1 | 0 | 1): void {
    const at = notesSizes.indexOf(this.#notesSize);
    this.#notesSize = notesSizes[Math.min(notesSizes.length - 1, Math.max(0, (at < 0 ? 2 : at) + step))]!;
    this.#notes.style.fontSize = `${this.#notesSize}px`;
    if (step !== 0) writeStored(notesSizeKey, String(this.#notesSize));
  }

  #show(talk: TalkState): void {
    this.#talk = talk;
    setText(this.#place, `Slide ${talk.slide} of ${talk.slides}${talk.steps > 0 ? ` · step ${talk.step} of ${talk.steps}` : ''}`);
    const place = { indexh: talk.indexh, indexv: talk.indexv, indexf: talk.indexf };
    this.#now.show(place);
    this.#next.show(place, talk.atEnd);
    this.#showNotes(this.#slides.at(talk.indexh, talk.indexv));
    this.#tick();
  }

  #showNotes(slide: HTMLElement | undefined): void {
    if (slide === this.#noted) return;
    this.#noted = slide;
    const notes = slide ? this.#slides.notes(slide) : [];
    if (notes.length > 0) this.#notes.replaceChildren(...notes);
    else this.#notes.replaceChildren(textElement('p', 'podium-speaker-no-notes', 'No notes for this slide.'));
  }

  #tick(): void {
    const now = Date.now();
    const talk = this.#talk;
    setText(this.#clock, new Date(now).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }));
    const startedAt = talk?.startedAt ?? null;
    setText(this.#spoken, startedAt === null ? 'Not started' : `Speaking ${formatClock(Math.floor(Math.max(0, now - startedAt) / 1000))}`);
    const slide = talk ? this.#slides.at(talk.indexh, talk.indexv) : undefined;
    this.#timeLeft?.show(startedAt, now, slide && this.#slides.paced(slide));
    const status = this.#statusText(now);
    setText(this.#status, status);
    this.#status.hidden = status === '';
  }

  #statusText(now: number): string {
    const presentation = this.#presentation;
    if (!presentation) return 'This is the speaker view. Open the deck and press S there to present with it.';
    if (presentation.closed) return 'The presentation window was closed. Open the deck again and press S there.';
    if (now - this.#lastHeard > silenceMs) return 'Waiting for the presentation window…';
    if (this.#talk?.paused) return 'The audience sees a black screen. Press B to show the slide again.';
    return '';
  }

  #key(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    // Space and Enter on a focused button press that button.
    if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === 'r') this.#say({ podiumSpeaker: 'restart' });
    else if (key === '+' || key === '=') this.#sizeNotes(1);
    else if (key === '-') this.#sizeNotes(-1);
    else if (key === ' ' && event.shiftKey) this.#say({ podiumSpeaker: 'move', move: 'prev' });
    else if (key in keyMoves) this.#say({ podiumSpeaker: 'move', move: keyMoves[key]! });
    else return;
    event.preventDefault();
  }

  #say(request: SpeakerRequest): void {
    const presentation = this.#presentation;
    if (presentation && !presentation.closed) presentation.postMessage(request, '*');
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
  const made = document.createElement('button');
  made.type = 'button';
  made.textContent = label;
  made.addEventListener('click', action);
  return made;
}

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage switched off: the size holds until the window closes.
  }
}

/** Turns this document, opened as `deck.html?speaker`, into the speaker view. */
export function startSpeakerView(): void {
  const reveal = document.querySelector<HTMLElement>('.reveal');
  const limitSeconds = timerSettings()?.limitSeconds;
  const title = document.title;
  // The slides stay readable to the view (notes, pacing) but are no longer shown.
  reveal?.remove();
  new SpeakerView(document.body, new DeckSlides(reveal), title, limitSeconds);
  document.documentElement.setAttribute('data-podium-ready', '');
}

import { textElement } from '../dom.ts';
import { say } from '../strings.ts';

/** The slide indices a preview shows. */
export interface PreviewPlace {
  indexh: number;
  indexv: number;
  indexf: number | undefined;
}

/** reveal reads its settings from the query: a still, bare copy of the deck that reports when it is ready. */
const previewQuery = [
  'receiver',
  'controls=false',
  'progress=false',
  'slideNumber=false',
  'transition=none',
  'backgroundTransition=none',
  'autoSlide=0',
  'history=false',
  'scrollActivationWidth=0',
  'postMessage=true',
  'postMessageEvents=true',
].join('&');

/**
 * The deck's own file in a frame, showing one place: the current slide, or (with `stepOn`) what
 * the next step will show. It is driven through reveal's postMessage API and cannot be focused
 * or clicked: keys and clicks belong to the speaker view, which moves the presentation.
 */
export class SlidePreview {
  readonly element: HTMLElement;
  readonly #frame: HTMLIFrameElement;
  readonly #end: HTMLElement | undefined;
  readonly #stepOn: boolean;
  readonly #listening = new AbortController();
  #ready = false;
  #place: PreviewPlace | undefined;
  /** The place last sent to the frame: the speaker view hears the same place every second. */
  #shown = '';

  constructor(title: string, stepOn: boolean) {
    this.#stepOn = stepOn;
    this.element = textElement('div', 'podium-speaker-preview');
    this.#frame = textElement('iframe', '');
    this.#frame.title = title;
    this.#frame.inert = true;
    const address = new URL(location.href);
    address.search = `?${previewQuery}`;
    address.hash = '';
    this.#frame.src = address.href;
    this.element.append(this.#frame);
    if (stepOn) {
      this.#end = textElement('p', 'podium-speaker-preview-end', say('speakerEnd'));
      this.#end.hidden = true;
      this.element.append(this.#end);
    }
    window.addEventListener(
      'message',
      (event) => {
        if (event.source !== this.#frame.contentWindow || revealEvent(event.data) !== 'ready') return;
        this.#ready = true;
        this.#shown = '';
        this.#show();
      },
      { signal: this.#listening.signal },
    );
  }

  /** Stops listening to the frame. */
  destroy(): void {
    this.#listening.abort();
  }

  /** Shows `place`, or (for a next-step preview) says the deck ends there. */
  show(place: PreviewPlace, atEnd = false): void {
    this.#place = place;
    this.#frame.hidden = atEnd;
    if (this.#end) this.#end.hidden = !atEnd;
    this.#show();
  }

  #show(): void {
    const target = this.#frame.contentWindow;
    if (!this.#ready || !this.#place || !target) return;
    const { indexh, indexv, indexf } = this.#place;
    const shown = JSON.stringify([indexh, indexv, indexf]);
    if (shown === this.#shown) return;
    this.#shown = shown;
    target.postMessage(JSON.stringify({ method: 'setState', args: [{ indexh, indexv, indexf }] }), '*');
    if (this.#stepOn) target.postMessage(JSON.stringify({ method: 'next', args: [] }), '*');
  }
}

/** The name of an event a reveal.js frame reports (`postMessageEvents`), if that is what `data` is. */
function revealEvent(data: unknown): unknown {
  if (typeof data !== 'string' || !data.startsWith('{')) return undefined;
  try {
    const message: unknown = JSON.parse(data);
    return typeof message === 'object' &&
      message !== null &&
      'namespace' in message &&
      message.namespace === 'reveal' &&
      'eventName' in message
      ? message.eventName
      : undefined;
  } catch {
    return undefined;
  }
}

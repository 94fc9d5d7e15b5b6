/*
 * What the presentation window and its speaker view say to each other. The speaker view is the
 * deck's own file opened again (`deck.html?speaker`); from file:// every document has an origin
 * of its own, so the two windows talk by postMessage only. Each side checks who sent a message
 * (the speaker view listens to its opener, the presentation to windows it opened), from where
 * (the deck's own origin) and for which deck (the same slides).
 */

/** The address of the speaker view: the deck's file, asked to show itself as one. */
export const speakerViewQuery = 'speaker';

/** The speaker view says hello this often, so that either window, reloaded, finds the other again. */
export const helloEveryMs = 1000;

/** Silence from the other window longer than this means it is gone. */
export const silenceMs = 3000;

/** Where the talk stands: the presentation window sends this on every change and every hello. */
export interface TalkState {
  /** reveal's indices of the slide (and step) the audience sees. */
  indexh: number;
  indexv: number;
  indexf: number | undefined;
  /** 1-based, of `slides`. */
  slide: number;
  slides: number;
  /** Steps of the current slide shown so far, of `steps` (0 of 0 for a slide without steps). */
  step: number;
  steps: number;
  /** The audience sees a black screen (B). */
  paused: boolean;
  /** No step or slide follows. */
  atEnd: boolean;
  /** When the talk clock started (ms since the epoch), or null before the first move. */
  startedAt: number | null;
  /** The slide it started on: the time limit is shared by the slides from there. */
  startedOn: { indexh: number; indexv: number } | null;
}

/** Ways the speaker view may move the presentation: reveal methods, by name, and nothing else. */
const moves = ['next', 'prev', 'left', 'right', 'up', 'down', 'first', 'last', 'togglePause'] as const;
export type Move = (typeof moves)[number];

/** What the speaker view asks of the presentation. */
export type SpeakerMessage =
  | { podiumSpeaker: 'hello' }
  | { podiumSpeaker: 'restart' }
  | { podiumSpeaker: 'move'; move: Move };

/** Speaker view → presentation: a message and the speaker view's deckIdentity(). */
export type SpeakerRequest = SpeakerMessage & { deck: string };

/** Presentation → speaker view. */
export type PresentationMessage =
  | { podiumTalk: TalkState }
  /** The presentation holds other slides: another deck, or a newer build of this one. */
  | { podiumOtherDeck: true };

/**
 * The stamp the build gives the deck's slides (deckAttributes.stamp on classNames.deck): the same
 * in both windows only for the same build of the same deck. Spelled out, with no imports, so that
 * tests can run it in a page.
 */
export function deckIdentity(root: ParentNode = document): string {
  return root.querySelector<HTMLElement>('.reveal')?.dataset.deck ?? '';
}

/** A message from a page of the deck's own origin (file:// pages all say "null"). */
export function fromDeckOrigin(event: MessageEvent): boolean {
  return event.origin === (location.protocol === 'file:' ? 'null' : location.origin);
}

export function isSpeakerRequest(data: unknown): data is SpeakerRequest {
  if (!isRecord(data) || typeof data.deck !== 'string') return false;
  if (data.podiumSpeaker === 'hello' || data.podiumSpeaker === 'restart') return true;
  return data.podiumSpeaker === 'move' && (moves as readonly unknown[]).includes(data.move);
}

export function isPresentationMessage(data: unknown): data is PresentationMessage {
  if (!isRecord(data)) return false;
  if (data.podiumOtherDeck === true) return true;
  if (!isRecord(data.podiumTalk)) return false;
  const talk = data.podiumTalk;
  const whole = (value: unknown) => Number.isInteger(value) && (value as number) >= -1;
  const place = (value: unknown) => value === null || (isRecord(value) && whole(value.indexh) && whole(value.indexv));
  return (
    whole(talk.indexh) &&
    whole(talk.indexv) &&
    (talk.indexf === undefined || whole(talk.indexf)) &&
    whole(talk.slide) &&
    whole(talk.slides) &&
    whole(talk.step) &&
    whole(talk.steps) &&
    typeof talk.paused === 'boolean' &&
    typeof talk.atEnd === 'boolean' &&
    (talk.startedAt === null || typeof talk.startedAt === 'number') &&
    place(talk.startedOn)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

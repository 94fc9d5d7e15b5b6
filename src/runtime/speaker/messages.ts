/*
 * What the presentation window and its speaker view say to each other. The speaker view is the
 * deck's own file opened again (`deck.html?speaker`); from file:// every document has an origin
 * of its own, so the two windows talk by postMessage only. Each side checks who sent a message:
 * the speaker view listens to its opener, the presentation to windows it opened.
 */

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
}

/** Ways the speaker view may move the presentation: reveal methods, by name, and nothing else. */
export const moves = ['next', 'prev', 'left', 'right', 'up', 'down', 'first', 'last', 'togglePause'] as const;
export type Move = (typeof moves)[number];

export type SpeakerRequest =
  /** Sent on load and every second: a speaker view reloaded, or a presentation reloaded, find each other again. */
  | { podiumSpeaker: 'hello' }
  | { podiumSpeaker: 'restart' }
  | { podiumSpeaker: 'move'; move: Move };

export interface PresentationMessage {
  podiumTalk: TalkState;
}

export function isSpeakerRequest(data: unknown): data is SpeakerRequest {
  if (!isRecord(data)) return false;
  if (data.podiumSpeaker === 'hello' || data.podiumSpeaker === 'restart') return true;
  return data.podiumSpeaker === 'move' && (moves as readonly unknown[]).includes(data.move);
}

export function isPresentationMessage(data: unknown): data is PresentationMessage {
  if (!isRecord(data) || !isRecord(data.podiumTalk)) return false;
  const talk = data.podiumTalk;
  const whole = (value: unknown) => Number.isInteger(value) && (value as number) >= -1;
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
    (talk.startedAt === null || typeof talk.startedAt === 'number')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

import { describe, expect, it } from 'vitest';
import { isPresentationMessage, isSpeakerRequest } from '../../../src/runtime/speaker/messages.ts';

const deck = 'abc:1200';

describe('isSpeakerRequest', () => {
  it('accepts hello, restart and the moves reveal.js has', () => {
    expect(isSpeakerRequest({ podiumSpeaker: 'hello', deck })).toBe(true);
    expect(isSpeakerRequest({ podiumSpeaker: 'restart', deck })).toBe(true);
    expect(isSpeakerRequest({ podiumSpeaker: 'move', move: 'next', deck })).toBe(true);
    expect(isSpeakerRequest({ podiumSpeaker: 'move', move: 'togglePause', deck })).toBe(true);
  });

  it('refuses any other reveal.js method, and anything else', () => {
    for (const move of ['destroy', 'configure', 'setState', 'toString', '__proto__', undefined])
      expect(isSpeakerRequest({ podiumSpeaker: 'move', move, deck })).toBe(false);
    for (const data of [
      null,
      'hello',
      '{"podiumSpeaker":"hello"}',
      { podiumSpeaker: 'hello' },
      { podiumSpeaker: 'call', deck },
      {},
    ])
      expect(isSpeakerRequest(data)).toBe(false);
  });
});

describe('isPresentationMessage', () => {
  const talk = {
    indexh: 2,
    indexv: 0,
    indexf: -1,
    slide: 3,
    slides: 10,
    step: 0,
    steps: 2,
    paused: false,
    atEnd: false,
    startedAt: 1_700_000_000_000,
    startedOn: { indexh: 1, indexv: 0 },
  };

  it('accepts where the talk stands', () => {
    expect(isPresentationMessage({ podiumTalk: talk })).toBe(true);
    expect(
      isPresentationMessage({ podiumTalk: { ...talk, indexf: undefined, startedAt: null, startedOn: null } }),
    ).toBe(true);
    expect(isPresentationMessage({ podiumOtherDeck: true })).toBe(true);
  });

  it('refuses a message with a field missing or of the wrong kind', () => {
    expect(isPresentationMessage({ podiumTalk: { ...talk, indexh: '2' } })).toBe(false);
    expect(isPresentationMessage({ podiumTalk: { ...talk, slide: 1.5 } })).toBe(false);
    expect(isPresentationMessage({ podiumTalk: { ...talk, paused: 'no' } })).toBe(false);
    expect(isPresentationMessage({ podiumTalk: { ...talk, startedAt: '0' } })).toBe(false);
    expect(isPresentationMessage({ podiumTalk: { ...talk, startedOn: { indexh: 'a' } } })).toBe(false);
    expect(isPresentationMessage({ podiumOtherDeck: 'yes' })).toBe(false);
    expect(isPresentationMessage({ talk })).toBe(false);
  });
});

import type { deckEn } from './deck.en.ts';

/** Words the build writes into slides, in Spanish. */
export const deckEs: Record<keyof typeof deckEn, string> = {
  source: 'Fuente',
  showData: 'Ver datos',
};

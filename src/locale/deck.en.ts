/** Words the build writes into slides (components, chart summaries, tables), in English. */
export const deckEn = {
  source: 'Source',
  showData: 'Show data',
} as const;

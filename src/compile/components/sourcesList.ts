import { z } from 'zod';
import { citation, sourceSchema, sourcesPlaceholder } from './citations.ts';
import { defineComponent } from './defineComponent.ts';

/** `<Cite source="…" />`: an inline citation, shown as its number in the Sources list. */
export const cite = defineComponent('Cite', z.strictObject({ source: sourceSchema }), ({ source }, { deck }) =>
  citation(deck, source, { numberOnly: true }),
);

/** `<Sources />`: the numbered list of every source the deck cites, in order of first use. */
export const sources = defineComponent('Sources', z.strictObject({}), () => sourcesPlaceholder());

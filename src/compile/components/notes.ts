import { h } from 'hastscript';
import { z } from 'zod';
import { defineComponent } from './defineComponent.ts';

/**
 * Speaker notes: shown in the speaker view (S), never on the slide. reveal.js reads them from
 * `aside.notes`; as a note rather than an aside's unnamed landmark, each slide's notes stay
 * out of the page's landmarks.
 */
export const notes = defineComponent('Notes', z.strictObject({}), (_props, { children, deck }) =>
  // The name screen readers give speaker notes wherever they are shown (the reading view, when public).
  h('aside', { className: ['notes'], role: 'note', ariaLabel: deck.strings.speakerNotes }, children),
);

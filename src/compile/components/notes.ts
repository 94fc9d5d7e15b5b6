import { h } from 'hastscript';
import { z } from 'zod';
import { defineComponent } from './defineComponent.ts';

/** Speaker notes: shown in the speaker view (S), never on the slide. */
export const notes = defineComponent('Notes', z.strictObject({}), (_props, { children }) =>
  h('aside', { className: ['notes'] }, children),
);

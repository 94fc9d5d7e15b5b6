import { h } from 'hastscript';
import { z } from 'zod';
import { containedItems } from './childContent.ts';
import { defineComponent } from './defineComponent.ts';

/** `<Column>`: one column of `<Columns>`; Markdown inside (with blank lines around it). */
export const column = defineComponent('Column', z.strictObject({}), (_props, { children }) =>
  h('div', { className: ['podium-column'] }, children),
);

/** `<Columns>`: two or three `<Column>`s side by side, of equal width. */
export const columns = defineComponent('Columns', z.strictObject({}), (_props, context) => {
  const items = containedItems(
    context.children,
    {
      container: 'Columns',
      item: 'Column',
      itemClass: 'podium-column',
      min: 2,
      max: 3,
      example: '<Column>…</Column>',
    },
    context,
  );
  return h('div', { className: ['podium-columns'] }, items);
});

import type { Component } from './defineComponent.ts';
import { column, columns } from './columns.ts';
import { position, positions } from './positions.ts';
import { quote } from './quote.ts';
import { stat } from './stat.ts';
import { fragment, steps } from './steps.ts';

/** Components that arrange text on a slide: numbers, positions, quotes, columns, steps. */
export const layoutComponents: readonly Component[] = [
  stat,
  positions,
  position,
  quote,
  columns,
  column,
  steps,
  fragment,
];

import { barChart } from './barChart.ts';
import type { Component } from './defineComponent.ts';
import { notes } from './notes.ts';

/** Every component a deck can use, by the name it is written with. */
export const components: readonly Component[] = [notes, barChart];
export const componentNames = components.map((component) => component.name);

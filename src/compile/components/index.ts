import { barChart, doughnutChart, lineChart, pieChart } from './seriesCharts.ts';
import { chart } from './chart.ts';
import { cite, sources } from './sourcesList.ts';
import type { Component } from './defineComponent.ts';
import { layoutComponents } from './layout.ts';
import { ratioChart } from './ratioChart.ts';
import { shareQr } from './shareQr.ts';
import { notes } from './notes.ts';
import { sectionSlide } from './sectionSlide.ts';
import { split } from './split.ts';
import { titleSlide } from './titleSlide.ts';

/** Every component a deck can use, by the name it is written with. */
export const components: readonly Component[] = [
  notes,
  ratioChart,
  barChart,
  lineChart,
  doughnutChart,
  pieChart,
  chart,
  titleSlide,
  sectionSlide,
  split,
  ...layoutComponents,
  cite,
  sources,
  shareQr,
];
export const componentNames = components.map((component) => component.name);

// The Chart.js classes of the full runtime, as src/contract/chartParts.ts lists them: the
// standard runtime's, and the rest of the chart types, scales and plugins <Chart> may name.
import {
  BubbleController,
  Filler,
  LogarithmicScale,
  PolarAreaController,
  RadarController,
  RadialLinearScale,
  ScatterController,
  SubTitle,
  Title,
} from 'chart.js';
import { standardParts } from './standard.ts';

export const fullParts = [
  ...standardParts,
  RadarController,
  PolarAreaController,
  ScatterController,
  BubbleController,
  LogarithmicScale,
  RadialLinearScale,
  Filler,
  Title,
  SubTitle,
];

// Every chart type `<Chart type=…>` accepts, with the scales they need.
import {
  ArcElement,
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PieController,
  PointElement,
  PolarAreaController,
  RadarController,
  RadialLinearScale,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
} from 'chart.js';
import ChartDataLabels from 'chartjs-plugin-datalabels';
import { start } from '../start.ts';

start([
  BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, PieController, ArcElement,
  RadarController, PolarAreaController, ScatterController, BubbleController,
  CategoryScale, LinearScale, LogarithmicScale, RadialLinearScale, Filler, Legend, Title, SubTitle, Tooltip, ChartDataLabels,
]);

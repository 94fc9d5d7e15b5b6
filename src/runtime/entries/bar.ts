// The smallest runtime: bar charts (BarChart, RatioChart) with value labels.
import { BarController, BarElement, CategoryScale, Legend, LinearScale, Tooltip } from 'chart.js';
import ChartDataLabels from 'chartjs-plugin-datalabels';
import { start } from '../start.ts';

start([BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, ChartDataLabels]);

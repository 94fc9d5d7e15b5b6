// The Chart.js classes of the bar runtime, as src/contract/chartParts.ts lists them.
import { BarController, BarElement, CategoryScale, Legend, LinearScale, Tooltip } from 'chart.js';
import ChartDataLabels from 'chartjs-plugin-datalabels';

export const barParts = [BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, ChartDataLabels];

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

/** The reveal.js calls the chart controller needs. */
export interface ChartHost {
  getScale(): number;
  isPrintView(): boolean;
  isScrollView(): boolean;
  getRevealElement(): HTMLElement | null;
}

/** Only the Chart.js parts Podium's components use, so the bundle holds nothing else. */
export function registerChartParts(): void {
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
}

interface PodiumOptions {
  unit?: string | null;
  legend?: boolean;
}

/** The theme's chart styling, read from CSS custom properties so themes own the colours. */
function themeOf(element: Element) {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const palette = [1, 2, 3, 4, 5, 6].map((i) => read(`--podium-chart-${i}`)).filter(Boolean);
  return {
    palette: palette.length > 0 ? palette : ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'],
    text: read('--podium-chart-text') || '#1a1a1a',
    grid: read('--podium-chart-grid') || '#d0d0d0',
    font: read('--podium-chart-font') || 'system-ui, sans-serif',
    size: Number.parseFloat(read('--podium-chart-font-size')) || 22,
  };
}

/**
 * Creates Chart.js charts from the figures a deck emits. A chart is made only when its
 * slide shows (hidden slides have 0×0 canvases), and drawn at the pixel density reveal's
 * scaling needs to stay sharp.
 */
export class ChartController {
  readonly #host: ChartHost;
  readonly #charts = new Set<Chart>();

  constructor(host: ChartHost) {
    this.#host = host;
  }

  /** Draws the charts inside `root` (a slide, or the whole deck) that are not drawn yet. */
  show(root: ParentNode | undefined): void {
    if (!root) return;
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('figure.podium-chart canvas')) this.#create(canvas);
  }

  /** After reveal rescales the slides: redraw at the new density. */
  rescale(): void {
    for (const chart of this.#charts) {
      chart.options.devicePixelRatio = this.#pixelRatio();
      chart.resize();
    }
  }

  #pixelRatio(): number {
    const print = this.#host.isPrintView();
    // Printed pages are rasterised at high resolution; on screen, reveal's scale applies.
    return print ? 3 : (window.devicePixelRatio || 1) * Math.max(this.#host.getScale() || 1, 1);
  }

  #create(canvas: HTMLCanvasElement): void {
    // Print view clones slides, flags included, so ask Chart.js rather than the DOM.
    if (Chart.getChart(canvas)) return;
    const figure = canvas.closest('figure');
    const script = figure?.querySelector('script.podium-chart-config');
    if (!figure || !script?.textContent) return;
    const config = JSON.parse(script.textContent) as ChartConfiguration & { options: { podium?: PodiumOptions } };
    const chart = new Chart(canvas, this.#styled(config, figure));
    this.#charts.add(chart);
  }

  #styled(config: ChartConfiguration & { options: { podium?: PodiumOptions } }, figure: Element): ChartConfiguration {
    const theme = themeOf(figure);
    const { podium = {}, ...options } = config.options;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const font = { family: theme.font, size: theme.size };
    const horizontal = (options as { indexAxis?: string }).indexAxis === 'y';
    const lang = document.documentElement.lang || 'en';
    const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
    const plain = new Intl.NumberFormat(lang);
    const valueAxis = {
      beginAtZero: true,
      // Millions read as "14M" from the back of a room; small numbers stay exact.
      ticks: { color: theme.text, font, maxTicksLimit: 6, maxRotation: 0, callback: (value: number | string) => (Math.abs(Number(value)) >= 10_000 ? compact : plain).format(Number(value)) },
      grid: { color: theme.grid },
      title: podium.unit ? { display: true, text: podium.unit, color: theme.text, font } : { display: false },
    };
    const categoryAxis = { ticks: { color: theme.text, font }, grid: { display: false } };
    config.data.labels = config.data.labels?.map((label) => wrapLabel(String(label)));
    config.data.datasets.forEach((dataset, index) => {
      const colour = theme.palette[index % theme.palette.length];
      Object.assign(dataset, { backgroundColor: colour, borderColor: colour, borderWidth: 0 });
    });
    return {
      ...config,
      options: {
        ...options,
        responsive: true,
        maintainAspectRatio: false,
        devicePixelRatio: this.#pixelRatio(),
        animation: reduced || this.#host.isPrintView() ? false : { duration: 600 },
        color: theme.text,
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: Boolean(podium.legend), labels: { color: theme.text, font } },
          tooltip: { titleFont: font, bodyFont: font },
        },
      },
    } as ChartConfiguration;
  }
}

/** Long category labels as several lines, so they are not cut off beside the bars. */
export function wrapLabel(label: string, width = 22): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

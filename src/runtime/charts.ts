import { Chart, DomPlatform } from 'chart.js';
import { classNames } from '../contract/markup.ts';
import { forcedColourConfig, forcedTheme } from './chartForcedColors.ts';
import { chartTheme } from './chartTheme.ts';
import { applyThemeDefaults, styledConfig, type DeckChartConfig } from './chartStyle.ts';
import { forcedColours, watchForcedColours } from './forcedColors.ts';

/** The reveal.js calls the chart controller needs. */
export interface ChartHost {
  getScale(): number;
  isPrintView(): boolean;
  isScrollView(): boolean;
  getRevealElement(): HTMLElement | null;
}

/**
 * Creates Chart.js charts from the figures a deck emits. A chart is made only when its
 * slide shows (hidden slides have 0×0 canvases), and drawn at the pixel density reveal's
 * scaling needs to stay sharp. Under forced colours (high contrast) they are drawn in the
 * reader's colours, and drawn again when the reader turns them on or off.
 */
export class ChartController {
  readonly #host: ChartHost;
  readonly #root: HTMLElement;
  readonly #charts = new Set<Chart>();
  readonly #stopWatching: () => void;

  constructor(host: ChartHost, root: HTMLElement) {
    this.#host = host;
    this.#root = root;
    this.#setDefaults();
    this.#stopWatching = watchForcedColours(() => this.#restyle());
  }

  /** Draws the charts inside `root` (a slide, or the whole deck) that are not drawn yet. */
  show(root: ParentNode | undefined): void {
    if (!root) return;
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>(`figure.${classNames.chart} canvas`))
      this.#create(canvas);
  }

  /** Draws the charts inside `root` that are laid out and not drawn yet: a slide reveal.js keeps hidden waits. */
  showLaidOut(root: ParentNode): void {
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>(`figure.${classNames.chart} canvas`))
      if (canvas.parentElement && canvas.parentElement.getClientRects().length > 0) this.#create(canvas);
  }

  /** Destroys the charts drawn inside `root` (a slide taken out of the deck). */
  forget(root: ParentNode): void {
    for (const chart of this.#charts) {
      if (!root.contains(chart.canvas)) continue;
      chart.destroy();
      this.#charts.delete(chart);
    }
  }

  /** After reveal rescales the slides: redraw at the new density. */
  rescale(): void {
    for (const chart of this.#charts) {
      chart.options.devicePixelRatio = this.#pixelRatio();
      chart.resize();
    }
  }

  /** Destroys every chart drawn, giving their canvases back as they were. */
  destroy(): void {
    this.#stopWatching();
    this.#destroyCharts();
  }

  #destroyCharts(): void {
    for (const chart of this.#charts) chart.destroy();
    this.#charts.clear();
  }

  /** Themes set their chart colours and fonts for the whole deck, so Chart.js's defaults are set once per look. */
  #setDefaults(): void {
    const colours = forcedColours();
    const theme = chartTheme(this.#root);
    applyThemeDefaults(Chart.defaults, colours ? forcedTheme(theme, colours) : theme);
  }

  /** Forced colours were turned on or off: every chart drawn is drawn again, at once, in the colours now in force. */
  #restyle(): void {
    const canvases = [...this.#charts].map((chart) => chart.canvas);
    this.#destroyCharts();
    this.#setDefaults();
    for (const canvas of canvases) this.#create(canvas, { animate: false });
  }

  #pixelRatio(): number {
    // Printed pages are rasterised at high resolution; on screen, reveal's scale applies.
    return this.#host.isPrintView() ? 3 : (window.devicePixelRatio || 1) * Math.max(this.#host.getScale() || 1, 1);
  }

  #create(canvas: HTMLCanvasElement, { animate = true } = {}): void {
    // Print view clones slides, flags included, so ask Chart.js rather than the DOM.
    if (Chart.getChart(canvas)) return;
    const figure = canvas.closest('figure');
    const script = figure?.querySelector(`script.${classNames.chartConfig}`);
    if (!figure || !script?.textContent) return;
    const config = JSON.parse(script.textContent) as DeckChartConfig;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const colours = forcedColours();
    const theme = colours ? forcedTheme(chartTheme(figure), colours) : chartTheme(figure);
    const styled = styledConfig(config, theme, {
      pixelRatio: this.#pixelRatio(),
      width: canvas.parentElement?.clientWidth ?? 900,
      animate: animate && !reduced && !this.#host.isPrintView(),
      lang: document.documentElement.lang || 'en',
    });
    const drawn = colours ? forcedColourConfig(styled, colours) : styled;
    this.#charts.add(new Chart(canvas, { ...drawn, platform: SlidePlatform }));
  }
}

/**
 * Chart.js's DOM platform, except that a chart fitting its box with no size given (on being
 * made, on `resize()`, on a change of devicePixelRatio) measures the box in the slide's own
 * pixels. Chart.js would measure it on screen, where reveal's scale() has already shrunk it,
 * and the chart would be shrunk a second time inside its box.
 */
class SlidePlatform extends DomPlatform {
  override getMaximumSize(
    canvas: HTMLCanvasElement,
    width?: number,
    height?: number,
    aspectRatio?: number,
  ): { width: number; height: number } {
    const box = width === undefined || height === undefined ? contentBox(canvas.parentElement) : undefined;
    return super.getMaximumSize(canvas, box?.width ?? width, box?.height ?? height, aspectRatio);
  }
}

/** An element's content box as laid out, before any transform; none if it is not laid out as a box. */
function contentBox(element: HTMLElement | null): { width: number; height: number } | undefined {
  if (!element || element.getClientRects().length === 0) return undefined;
  const style = getComputedStyle(element);
  // A laid-out block's computed width and height are its used size, to the fraction of a pixel.
  const [width, height] = [parseFloat(style.width), parseFloat(style.height)];
  if (!Number.isFinite(width) || !Number.isFinite(height)) return undefined;
  if (style.boxSizing !== 'border-box') return { width, height };
  const px = (...values: string[]) => values.reduce((sum, value) => sum + parseFloat(value), 0);
  return {
    width: width - px(style.paddingLeft, style.paddingRight, style.borderLeftWidth, style.borderRightWidth),
    height: height - px(style.paddingTop, style.paddingBottom, style.borderTopWidth, style.borderBottomWidth),
  };
}

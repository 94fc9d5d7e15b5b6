import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { drawnPixels, openDeck, type OpenedDeck } from '../support/browser.ts';
import { chartsDrawn, recordDrawing } from '../support/drawing.ts';
import { testDecksInChromium } from '../support/testDecks.ts';

const { decks, chromium } = testDecksInChromium('charts');
let url: string;
let sliceLabelsUrl: string;
let ratioMarksUrl: string;

const slideCanvas = (index: number) => `.reveal .slides > section:nth-child(${index + 1}) figure.podium-chart canvas`;
const slideData = (index: number) => `.reveal .slides > section:nth-child(${index + 1}) .podium-data`;

beforeAll(async () => {
  const everyChart = await decks.built('every-chart');
  expect(everyChart.built.deck.chartTypes.sort()).toEqual(['bar', 'doughnut', 'line', 'pie', 'radar']);
  url = everyChart.url;
  sliceLabelsUrl = (await decks.built('slice-labels')).url;
  ratioMarksUrl = (await decks.built('ratio-marks')).url;
});

it('draws every chart type on its slide', async () => {
  const { page, context, errors } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  const total = await page.evaluate(() => window.Reveal.getTotalSlides());
  expect(total).toBe(6);
  for (let index = 0; index < total; index++) {
    await page.evaluate((h) => window.Reveal.slide(h), index);
    await expect
      .poll(async () => (await drawnPixels(page, slideCanvas(index)))[0], {
        timeout: 5000,
        message: `chart on slide ${index + 1}`,
      })
      .toBeGreaterThan(2000);
  }
  expect(errors).toEqual([]);
  await context.close();
});

it('hides each data table until the button or the T key shows it', async () => {
  const { page, context } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  const width = async (index: number) => (await page.locator(slideData(index)).boundingBox())?.width ?? 0;
  // Hidden from everyone until shown, as the button's aria-expanded says (test/browser/chartSemantics.test.ts).
  expect(await width(0)).toBe(0);
  const table = page.getByRole('table', { name: 'Students per staff member' });
  expect(await table.count()).toBe(0);
  const button = page.locator('.reveal .slides > section:nth-child(1) button.podium-data-toggle');
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  expect(await width(0)).toBeGreaterThan(100);
  // Shown, it is named by the chart's title and has a row per category.
  await expect.poll(() => table.count()).toBe(1);
  expect(await table.getByRole('rowheader').allTextContents()).toEqual(['School counselor', 'School social worker']);
  await button.click();
  expect(await width(0)).toBe(0);
  await page.evaluate(() => window.Reveal.slide(1));
  await page.keyboard.press('t');
  expect(await width(1)).toBeGreaterThan(100);
  // A short table shows whole, in the table's own type rather than the larger type of tables on slides.
  expect(
    await page.locator(slideData(1)).evaluate((data) => data.scrollHeight - data.clientHeight),
  ).toBeLessThanOrEqual(1);
  expect(await page.locator(`${slideData(1)} table`).evaluate((table) => getComputedStyle(table).fontSize)).toBe(
    '22px',
  );
  // The chart still draws beside its table.
  await expect.poll(async () => (await drawnPixels(page, slideCanvas(1)))[0]).toBeGreaterThan(2000);
  await context.close();
});

it('shows the data tables on printed pages and in the phone view', async () => {
  const print = await openDeck(chromium(), `${url}?print-pdf`);
  await print.page.waitForSelector('html[data-podium-print-ready]');
  const printed = await print.page.$$eval('.pdf-page .podium-data', (blocks) =>
    blocks.map((block) => block.getBoundingClientRect().width),
  );
  expect(printed).toHaveLength(6);
  for (const shown of printed) expect(shown).toBeGreaterThan(100);
  await print.context.close();
  const phone = await openDeck(chromium(), url, { viewport: { width: 390, height: 844 } });
  const onPhone = await phone.page.$$eval('.podium-data', (blocks) =>
    blocks.map((block) => block.getBoundingClientRect().width),
  );
  for (const shown of onPhone) expect(shown).toBeGreaterThan(100);
  await phone.context.close();
});

/** How one chart sits in its figure, in the slide's own pixels (before reveal scales the slide). */
interface ChartFit {
  /** The canvas's CSS box and the figure's content box. */
  canvas: { width: number; height: number };
  figure: { width: number };
  /** How far the drawing reaches across and down the canvas, as shares of it. */
  drawnRight: number;
  drawnBottom: number;
  /** Canvas pixels per CSS pixel, and what reveal's scale needs for a sharp chart. */
  density: number;
  needed: number;
}

function chartFit(page: Page, selector: string): Promise<ChartFit> {
  return page.$eval(selector, (element) => {
    const canvas = element as HTMLCanvasElement;
    const figure = canvas.closest('figure')!;
    const style = getComputedStyle(figure);
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let right = 0;
    let bottom = 0;
    for (let y = 0; y < canvas.height; y++) {
      for (let x = 0; x < canvas.width; x++) {
        if (data[(y * canvas.width + x) * 4 + 3] === 0) continue;
        right = Math.max(right, x + 1);
        bottom = Math.max(bottom, y + 1);
      }
    }
    return {
      canvas: { width: canvas.clientWidth, height: canvas.clientHeight },
      figure: { width: figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) },
      drawnRight: right / canvas.width,
      drawnBottom: bottom / canvas.height,
      density: canvas.width / canvas.clientWidth,
      needed: window.Reveal.getScale() * window.devicePixelRatio,
    };
  });
}

it('fills its figure, sharp, after the window is made smaller or larger', async () => {
  const { page, context, errors } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  const scale = () => page.evaluate(() => window.Reveal.getScale());
  // Bars, then lines: charts whose drawing spans the canvas.
  for (const index of [1, 2]) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate((h) => window.Reveal.slide(h), index);
    await expect
      .poll(async () => (await drawnPixels(page, slideCanvas(index)))[0], { timeout: 5000 })
      .toBeGreaterThan(2000);
    for (const viewport of [
      { width: 800, height: 500 },
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
      { width: 800, height: 500 },
    ]) {
      const before = await scale();
      await page.setViewportSize(viewport);
      await expect.poll(scale).not.toBe(before);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const fit = await chartFit(page, slideCanvas(index));
      const at = `slide ${index + 1} at ${viewport.width}×${viewport.height}`;
      expect(
        Math.abs(fit.canvas.width - fit.figure.width),
        `canvas ${fit.canvas.width} px wide in a figure of ${fit.figure.width}, ${at}`,
      ).toBeLessThanOrEqual(1);
      expect(fit.canvas.height, `canvas height, ${at}`).toBeGreaterThan(300);
      expect(fit.drawnRight, `drawing's reach across the canvas, ${at}`).toBeGreaterThan(0.8);
      expect(fit.drawnBottom, `drawing's reach down the canvas, ${at}`).toBeGreaterThan(0.8);
      expect(fit.density, `canvas density, ${at}`).toBeGreaterThanOrEqual(fit.needed * 0.95);
    }
  }
  expect(errors).toEqual([]);
  await context.close();
});

/** What a reader sees of one chart's labels. */
interface ChartLabels {
  title: string;
  /** Labels of slices with 5% or more of the whole that were not written. */
  unlabelled: string[];
  /** Text drawn past the canvas's edge, so cut off. */
  cut: string[];
  /** The pie's diameter as a share of the canvas's height. */
  pieHeight: number;
}

/** A deck opened with its canvases recording what they draw. */
async function openRecording(
  address: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<OpenedDeck> {
  const opened = await openDeck(chromium(), address, { ...options, reducedMotion: 'reduce' });
  await opened.context.addInitScript(recordDrawing);
  await opened.page.reload();
  await opened.page.waitForSelector(
    address.endsWith('?print-pdf') ? 'html[data-podium-print-ready]' : 'html[data-podium-ready]',
  );
  return opened;
}

/** The labels of the charts `selector` finds, once each has drawn and the page has settled. */
async function chartLabels(page: Page, selector: string): Promise<ChartLabels[]> {
  await chartsDrawn(page, selector);
  return page.$$eval(selector, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const drawing = window.podiumDrawing(canvas);
      const figure = canvas.closest('figure')!;
      const config = JSON.parse(figure.querySelector('script.podium-chart-config')!.textContent!) as {
        type: string;
        data: { datasets: Array<{ data: number[] }> };
        options: { podium?: { labels?: Array<Array<string | null>> } };
      };
      const written = drawing.texts.map((line) => line.text).join(' ');
      const values = config.data.datasets[0].data;
      const total = values.reduce((sum, value) => sum + value, 0);
      const slices =
        config.type === 'doughnut' || config.type === 'pie' ? (config.options.podium?.labels?.[0] ?? []) : [];
      return {
        title: figure.querySelector('.podium-chart-title')?.textContent ?? '',
        unlabelled: slices.flatMap((label, index) =>
          label && values[index] / total >= 0.05 && !written.includes(label.replace(/\s+/g, ' '))
            ? [label.replace(/\s+/g, ' ')]
            : [],
        ),
        cut: drawing.texts
          .filter(
            (line) =>
              line.left < -1 || line.top < -1 || line.right > canvas.width + 1 || line.bottom > canvas.height + 1,
          )
          .map((line) => line.text),
        pieHeight: (2 * drawing.arc.radius) / canvas.height,
      };
    }),
  );
}

const currentCharts = '.reveal .slides > section.present figure.podium-chart canvas';

it('writes the name and share of every slice of 5% or more beside it on a presented slide, and the pie takes the room its labels leave', async () => {
  const { page, context, errors } = await openRecording(sliceLabelsUrl);
  const total = await page.evaluate(() => window.Reveal.getTotalSlides());
  for (let index = 0; index < total; index++) {
    await page.evaluate((h) => window.Reveal.slide(h), index);
    for (const chart of await chartLabels(page, currentCharts)) {
      expect(chart.unlabelled, `slices without a label in "${chart.title}"`).toEqual([]);
      expect(chart.cut, `labels cut off in "${chart.title}"`).toEqual([]);
      expect(chart.pieHeight, `height of the pie in "${chart.title}"`).toBeGreaterThan(0.55);
    }
  }
  expect(errors).toEqual([]);
  await context.close();
});

it('keeps every chart label whole beside its data table, on printed pages and on a phone, slices of 5% or more still named', async () => {
  const check = (charts: ChartLabels[], view: string) => {
    expect(charts.length, `charts ${view}`).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.unlabelled, `slices without a label in "${chart.title}", ${view}`).toEqual([]);
      expect(chart.cut, `labels cut off in "${chart.title}", ${view}`).toEqual([]);
    }
  };
  for (const deck of [url, sliceLabelsUrl, ratioMarksUrl]) {
    const shown = await openRecording(deck);
    const total = await shown.page.evaluate(() => window.Reveal.getTotalSlides());
    for (let index = 0; index < total; index++) {
      await shown.page.evaluate((h) => window.Reveal.slide(h), index);
      await chartLabels(shown.page, currentCharts);
      const wide = await shown.page.$eval(currentCharts, (canvas) => (canvas as HTMLCanvasElement).width);
      await shown.page.keyboard.press('t');
      // The chart narrows to make room for its table, and draws again.
      await shown.page.waitForFunction(
        ({ selector, wide }) => document.querySelector<HTMLCanvasElement>(selector)!.width < wide,
        { selector: currentCharts, wide },
      );
      check(await chartLabels(shown.page, currentCharts), `beside its data table on slide ${index + 1}`);
    }
    await shown.context.close();
    const printed = await openRecording(`${deck}?print-pdf`);
    check(await chartLabels(printed.page, '.pdf-page figure.podium-chart canvas'), 'printed');
    await printed.context.close();
    const phone = await openRecording(deck, { viewport: { width: 390, height: 844 } });
    check(await chartLabels(phone.page, 'figure.podium-chart canvas'), 'on a phone');
    await phone.context.close();
  }
});

/** How one row's recommendation mark shows beside that row's value label, in canvas pixels. */
interface MarkSight {
  /** The share of the value label's height, on its row, where the mark is drawn dark; the least over the mark's middle columns. */
  dark: number;
  mark: { left: number; right: number };
  label: { left: number; right: number };
}

/**
 * Where `recommended` lies on a ratio chart's 0 to `axisEnd` scale (from where the axis's ticks are
 * written) and what is drawn there in the row of the value label `value`.
 */
function markSight(
  page: Page,
  selector: string,
  row: { value: string; recommended: number; axisEnd: string; end: number },
): Promise<MarkSight> {
  return page.$eval(
    selector,
    (element, row) => {
      const canvas = element as HTMLCanvasElement;
      const { texts } = window.podiumDrawing(canvas);
      const centre = (text: string) => {
        const found = texts.find((line) => line.text === text);
        if (!found) throw new Error(`"${text}" is not drawn on the chart`);
        return found;
      };
      const middle = (line: { left: number; right: number }) => (line.left + line.right) / 2;
      const [zero, end, label] = [centre('0'), centre(row.axisEnd), centre(row.value)];
      const x = middle(zero) + ((middle(end) - middle(zero)) * row.recommended) / row.end;
      // Canvas pixels per CSS pixel: the mark is drawn 6 CSS pixels wide from its value, the label's padding is 4.
      const density = canvas.width / canvas.clientWidth;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 1;
      for (let column = Math.round(x + 2 * density); column <= Math.round(x + 4 * density); column++) {
        let drawn = 0;
        let rows = 0;
        for (let y = Math.ceil(label.top); y <= Math.floor(label.bottom); y++, rows++) {
          const at = (y * canvas.width + column) * 4;
          if (data[at + 3] > 200 && data[at] < 80 && data[at + 1] < 80 && data[at + 2] < 80) drawn += 1;
        }
        dark = Math.min(dark, drawn / rows);
      }
      return {
        dark,
        mark: { left: x, right: x + 6 * density },
        label: { left: label.left - 4 * density, right: label.right + 4 * density },
      };
    },
    row,
  );
}

it('shows a recommendation mark that falls just past its bar, with the value label clear of it, on a slide, beside the data table, printed and on a phone', async () => {
  // The sample deck's school nurses: one for every 488 students against a guideline of 750, on a scale to 2,000.
  const nurse = { value: '1 : 488', recommended: 750, axisEnd: '2,000', end: 2000 };
  const check = async (page: Page, selector: string, view: string) => {
    const sight = await markSight(page, selector, nurse);
    expect(sight.dark, `share of the 750 mark drawn on the nurse's row, ${view}`).toBeGreaterThan(0.9);
    const overlap = Math.min(sight.mark.right, sight.label.right) - Math.max(sight.mark.left, sight.label.left);
    expect(
      overlap,
      `"1 : 488" (${Math.round(sight.label.left)}–${Math.round(sight.label.right)}) over the 750 mark (${Math.round(sight.mark.left)}–${Math.round(sight.mark.right)}), ${view}`,
    ).toBeLessThanOrEqual(0);
  };
  const shown = await openRecording(ratioMarksUrl);
  await chartLabels(shown.page, currentCharts);
  await check(shown.page, currentCharts, 'on the slide');
  const wide = await shown.page.$eval(currentCharts, (canvas) => (canvas as HTMLCanvasElement).width);
  await shown.page.keyboard.press('t');
  await shown.page.waitForFunction(
    ({ selector, wide }) => document.querySelector<HTMLCanvasElement>(selector)!.width < wide,
    { selector: currentCharts, wide },
  );
  await chartLabels(shown.page, currentCharts);
  await check(shown.page, currentCharts, 'beside its data table');
  expect(shown.errors).toEqual([]);
  await shown.context.close();
  const printed = await openRecording(`${ratioMarksUrl}?print-pdf`);
  const onPage = '.pdf-page figure.podium-chart canvas';
  await chartLabels(printed.page, onPage);
  await check(printed.page, onPage, 'printed');
  await printed.context.close();
  const phone = await openRecording(ratioMarksUrl, { viewport: { width: 390, height: 844 } });
  const onPhone = 'figure.podium-chart canvas';
  await chartLabels(phone.page, onPhone);
  await check(phone.page, onPhone, 'on a phone');
  await phone.context.close();
});

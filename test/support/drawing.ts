import type { Page } from 'playwright-core';
import type { Drawing } from './window.ts';

/**
 * Runs in the page before a deck (`context.addInitScript(recordDrawing)`): each canvas keeps a
 * record of its last frame (Chart.js clears the whole canvas before each), read in the page as
 * `window.podiumDrawing(canvas)`: every text with its colour and box, in the canvas's own pixels,
 * and the largest arc (a pie's outer edge).
 */
export function recordDrawing(): void {
  const drawings = new WeakMap<HTMLCanvasElement, Drawing>();
  const fresh = (): Drawing => ({ texts: [], arc: { x: 0, y: 0, radius: 0 } });
  const drawing = (canvas: HTMLCanvasElement): Drawing => {
    if (!drawings.has(canvas)) drawings.set(canvas, fresh());
    return drawings.get(canvas)!;
  };
  Object.assign(window, { podiumDrawing: drawing });
  const canvasPoint = (context: CanvasRenderingContext2D, x: number, y: number) =>
    context.getTransform().transformPoint(new DOMPoint(x, y));
  const proto = CanvasRenderingContext2D.prototype;
  const { clearRect, fillText, arc } = proto;
  proto.clearRect = function (this: CanvasRenderingContext2D, x: number, y: number, width: number, height: number) {
    const from = canvasPoint(this, x, y);
    const to = canvasPoint(this, x + width, y + height);
    if (from.x <= 0 && from.y <= 0 && to.x >= this.canvas.width && to.y >= this.canvas.height)
      drawings.set(this.canvas, fresh());
    clearRect.call(this, x, y, width, height);
  };
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    const size = this.measureText(text);
    const [left, right, top, bottom] = [
      x - size.actualBoundingBoxLeft,
      x + size.actualBoundingBoxRight,
      y - size.actualBoundingBoxAscent,
      y + size.actualBoundingBoxDescent,
    ];
    // All four corners: a label may be drawn turned.
    const corners = [
      canvasPoint(this, left, top),
      canvasPoint(this, right, top),
      canvasPoint(this, left, bottom),
      canvasPoint(this, right, bottom),
    ];
    const xs = corners.map((corner) => corner.x);
    const ys = corners.map((corner) => corner.y);
    drawing(this.canvas).texts.push({
      text: String(text),
      fillStyle: String(this.fillStyle),
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
    });
    if (maxWidth === undefined) fillText.call(this, text, x, y);
    else fillText.call(this, text, x, y, maxWidth);
  };
  proto.arc = function (
    this: CanvasRenderingContext2D,
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise?: boolean,
  ) {
    const scale = Math.hypot(this.getTransform().a, this.getTransform().b);
    const centre = canvasPoint(this, x, y);
    if (radius * scale > drawing(this.canvas).arc.radius)
      drawing(this.canvas).arc = { x: centre.x, y: centre.y, radius: radius * scale };
    arc.call(this, x, y, radius, startAngle, endAngle, counterclockwise);
  };
}

/**
 * Waits until every canvas `selector` finds has drawn its texts (recordDrawing) and the page has
 * settled: Chart.js draws again once it sees its container's size, and two frames see that drawn.
 */
export async function chartsDrawn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (selector) =>
      [...document.querySelectorAll<HTMLCanvasElement>(selector)].every(
        (canvas) => window.podiumDrawing(canvas).texts.length > 0,
      ),
    selector,
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

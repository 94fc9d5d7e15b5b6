/** The theme's chart styling, read from CSS custom properties so themes own the colours. */
export interface ChartTheme {
  palette: string[];
  /** The slide's own background, for labels that must stay legible over a mark. */
  background: string;
  text: string;
  grid: string;
  font: string;
  size: number;
}

const fallbackPalette = ['#0072b2', '#d55e00', '#009e73', '#a36186', '#735000', '#5c5c5c'];

export function chartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const palette = [1, 2, 3, 4, 5, 6].map((i) => read(`--podium-chart-${i}`)).filter(Boolean);
  return {
    palette: palette.length > 0 ? palette : fallbackPalette,
    background: read('--podium-background') || '#ffffff',
    text: read('--podium-chart-text') || '#1a1a1a',
    grid: read('--podium-chart-grid') || '#d0d0d0',
    font: read('--podium-chart-font') || 'system-ui, sans-serif',
    size: Number.parseFloat(read('--podium-chart-font-size')) || 22,
  };
}

/**
 * A fill that tells series apart without colour (WCAG 1.4.1): the first series is solid,
 * the next striped, dotted, cross-hatched… The legend shows the same fill.
 */
export function seriesFill(colour: string, index: number): string | CanvasPattern {
  const kind = index % 4;
  if (kind === 0) return colour;
  const tile = document.createElement('canvas');
  tile.width = tile.height = 16;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.fillStyle = colour;
  context.fillRect(0, 0, 16, 16);
  context.strokeStyle = context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.lineWidth = 3;
  if (kind === 1) {
    // Diagonal stripes, drawn past the edges so the tile repeats seamlessly.
    context.beginPath();
    for (const offset of [-16, 0, 16]) {
      context.moveTo(offset, 16);
      context.lineTo(offset + 16, 0);
    }
    context.stroke();
  } else if (kind === 2) {
    context.beginPath();
    context.arc(8, 8, 3, 0, Math.PI * 2);
    context.fill();
  } else {
    context.beginPath();
    context.moveTo(0, 8);
    context.lineTo(16, 8);
    context.moveTo(8, 0);
    context.lineTo(8, 16);
    context.stroke();
  }
  return context.createPattern(tile, 'repeat') ?? colour;
}

/** Point shapes and dashes that tell lines apart without colour. */
export const lineMarks = [
  { pointStyle: 'circle', borderDash: [] },
  { pointStyle: 'triangle', borderDash: [14, 6] },
  { pointStyle: 'rect', borderDash: [4, 5] },
  { pointStyle: 'rectRot', borderDash: [14, 5, 4, 5] },
] as const;

import type { RenderContext } from './defineComponent.ts';

/** What a chart may set a colour in: a key ending in "color", as Chart.js names them all. */
const colourKey = /colou?r$/i;

/**
 * Warns when a `<Chart>` sets a colour that is pure black or white: a black mark vanishes on a
 * dark slide or in a high-contrast mode with a black ground, a white one on a light slide.
 */
export function warnOfBlackOrWhite(props: { data: unknown; options?: unknown }, { warn }: RenderContext): void {
  const found = [...colours(props.data, 'data'), ...colours(props.options, 'options')].filter(({ colour }) =>
    isBlackOrWhite(colour),
  );
  if (found.length === 0) return;
  const listed = found.map(({ path, colour }) => `${path} is "${colour}"`).join(', ');
  warn(`<Chart> draws in pure black or white, which vanishes on a ground of the same colour: ${listed}`, {
    hint: 'Pick a colour that stays visible in high-contrast modes and on both light and dark backgrounds, such as a dark grey (#5c5c5c), or leave it out to use the theme’s colours.',
    ruleId: 'Chart-colours',
  });
}

/** Every colour written in `value`, under a key that names a colour, with the path to it. */
function colours(value: unknown, path: string, named = false): Array<{ path: string; colour: string }> {
  if (typeof value === 'string') return named ? [{ path, colour: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => colours(item, `${path}[${index}]`, named));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => colours(child, `${path}.${key}`, colourKey.test(key)));
}

/** Black or white in any CSS form Chart.js reads (hex, name, rgb(), hsl()), at any opacity. */
export function isBlackOrWhite(colour: string): boolean {
  const written = colour.trim().toLowerCase();
  if (written === 'black' || written === 'white') return true;
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(written)?.[1];
  if (hex) {
    const rgb = hex.length <= 4 ? hex.slice(0, 3) : hex.slice(0, 6);
    return /^0+$/.test(rgb) || /^f+$/.test(rgb);
  }
  const rgb = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)/.exec(written);
  if (rgb) {
    const channels = rgb.slice(1, 4).map((channel) => Number.parseFloat(channel) / (channel.endsWith('%') ? 100 : 255));
    return channels.every((channel) => channel === 0) || channels.every((channel) => channel === 1);
  }
  const lightness = /^hsla?\([^,\s]+[\s,]+[\d.]+%[\s,]+([\d.]+)%/.exec(written)?.[1];
  return lightness !== undefined && (Number(lightness) === 0 || Number(lightness) === 100);
}

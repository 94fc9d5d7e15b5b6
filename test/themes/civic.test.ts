import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBlackOrWhite } from '../../src/compile/components/chartColours.ts';

// WCAG 2.1 contrast, computed from the theme's own custom properties.
const css = readFileSync(new URL('../../themes/civic.css', import.meta.url), 'utf8');
const property = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{3,6})\\b`, 'i').exec(css)?.[1];

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5]
    .map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('civic theme', () => {
  const background = property('--podium-background')!;

  it('gives every chart colour at least 3:1 against the slide (WCAG 1.4.11)', () => {
    const palette = [1, 2, 3, 4, 5, 6].map((i) => property(`--podium-chart-${i}`));
    expect(palette.every(Boolean)).toBe(true);
    for (const colour of palette) expect(contrast(colour!, background), colour).toBeGreaterThanOrEqual(3);
  });

  it('has no chart colour that is pure black or white, which would vanish on a ground of the same colour', () => {
    const palette = [1, 2, 3, 4, 5, 6].map((i) => property(`--podium-chart-${i}`)!);
    for (const colour of palette) expect(isBlackOrWhite(colour), colour).toBe(false);
  });

  it('gives text, chart labels and links at least 4.5:1 (WCAG 1.4.3)', () => {
    for (const name of [
      '--podium-text',
      '--podium-heading',
      '--podium-link',
      '--podium-chart-text',
      '--podium-muted',
    ]) {
      expect(contrast(property(name)!, background), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('loads nothing from anywhere', () => {
    expect(css).not.toMatch(/@import|url\(/i);
  });
});

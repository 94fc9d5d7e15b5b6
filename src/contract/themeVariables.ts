/*
 * The variables a theme sets. Podium's base stylesheet (src/runtime/theme/base.css) is written
 * only in terms of these, and gives each the civic theme's value, so a theme sets just the ones it
 * cares about. The build checks the contrast of the pairs below; docs/themes.md documents each.
 */

/** One theme variable: its CSS name and what it colours or sets. */
export interface ThemeVariable {
  name: `--podium-${string}`;
  meaning: string;
  kind: 'colour' | 'font' | 'length';
}

export const themeVariables = [
  { name: '--podium-background', kind: 'colour', meaning: 'the slide ground' },
  { name: '--podium-text', kind: 'colour', meaning: 'body text' },
  { name: '--podium-heading', kind: 'colour', meaning: 'headings and big numbers' },
  { name: '--podium-link', kind: 'colour', meaning: 'links, citations and the "Show data" button' },
  {
    name: '--podium-accent',
    kind: 'colour',
    meaning: 'the progress bar, slide arrows, quote bars, focus rings and the countdown',
  },
  { name: '--podium-muted', kind: 'colour', meaning: 'quieter text: source lines, speakers, captions' },
  { name: '--podium-surface', kind: 'colour', meaning: 'cards, quotes and every other table row' },
  { name: '--podium-surface-strong', kind: 'colour', meaning: 'table headers, code and the slide number' },
  { name: '--podium-border', kind: 'colour', meaning: 'rules, table lines and card edges' },
  ...([1, 2, 3, 4, 5, 6] as const).map((n) => ({
    name: `--podium-chart-${n}` as const,
    kind: 'colour' as const,
    meaning: `the ${['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n - 1]} chart colour`,
  })),
  { name: '--podium-chart-text', kind: 'colour', meaning: 'labels, ticks and legends drawn in charts' },
  { name: '--podium-chart-grid', kind: 'colour', meaning: 'chart grid lines' },
  { name: '--podium-font', kind: 'font', meaning: 'the text font (a list, as in font-family)' },
  { name: '--podium-heading-font', kind: 'font', meaning: 'the heading font' },
  { name: '--podium-code-font', kind: 'font', meaning: 'the font of code' },
  { name: '--podium-focus-width', kind: 'length', meaning: 'the thickness of focus rings, such as 3px' },
  { name: '--podium-print-background', kind: 'colour', meaning: 'the page colour in print and PDF' },
  { name: '--podium-print-text', kind: 'colour', meaning: 'text in print and PDF' },
] as const satisfies readonly ThemeVariable[];

export type ThemeVariableName = (typeof themeVariables)[number]['name'];

/** A pair the build checks: `foreground` on `background` must reach `minimum` (WCAG 2.1 AA). */
export interface ContrastPair {
  foreground: ThemeVariableName;
  background: ThemeVariableName;
  minimum: number;
}

const textMinimum = 4.5;
/** Graphics and controls (WCAG 1.4.11). */
const graphicMinimum = 3;

const textColours = ['--podium-text', '--podium-heading', '--podium-link', '--podium-muted'] as const;
const grounds = ['--podium-background', '--podium-surface', '--podium-surface-strong'] as const;

export const contrastPairs: readonly ContrastPair[] = [
  ...grounds.flatMap((background) =>
    textColours.map((foreground) => ({ foreground, background, minimum: textMinimum })),
  ),
  { foreground: '--podium-chart-text', background: '--podium-background', minimum: textMinimum },
  { foreground: '--podium-accent', background: '--podium-background', minimum: graphicMinimum },
  ...([1, 2, 3, 4, 5, 6] as const).map((n) => ({
    foreground: `--podium-chart-${n}` as const,
    background: '--podium-background' as const,
    minimum: graphicMinimum,
  })),
  { foreground: '--podium-print-text', background: '--podium-print-background', minimum: textMinimum },
];

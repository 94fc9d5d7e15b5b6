/**
 * The browser runtime is prebuilt in a few sizes, by the Chart.js chart types each can draw.
 * A deck inlines the smallest that covers its charts: a deck of bar charts does not carry
 * the code for pies and radars.
 */
export const runtimeVariants = {
  bar: ['bar'],
  standard: ['bar', 'line', 'doughnut', 'pie'],
  // Besides chart types, the largest runtime alone has these scales and plugins (named so).
  full: [
    'bar',
    'line',
    'doughnut',
    'pie',
    'radar',
    'polarArea',
    'scatter',
    'bubble',
    'scale:logarithmic',
    'scale:radialLinear',
    'plugin:title',
    'plugin:subtitle',
    'plugin:filler',
  ],
} as const satisfies Record<string, readonly string[]>;

export type RuntimeVariant = keyof typeof runtimeVariants;

export const chartTypes: readonly string[] = runtimeVariants.full.filter((part) => !part.includes(':'));

/** The smallest runtime that has every chart part given (chart types, `scale:…`, `plugin:…`). */
export function runtimeVariantFor(types: Iterable<string>): RuntimeVariant {
  const needed = [...types];
  const names = Object.keys(runtimeVariants) as RuntimeVariant[];
  const fits = names.find((name) =>
    needed.every((type) => (runtimeVariants[name] as readonly string[]).includes(type)),
  );
  if (!fits)
    throw new Error(`No Podium runtime draws chart type(s) ${needed.join(', ')}; known: ${chartTypes.join(', ')}`);
  return fits;
}

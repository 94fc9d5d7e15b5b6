import { chartParts, type RuntimeParts, runtimeVariantNames, type RuntimeVariant } from './contract/chartParts.ts';

export type { RuntimeVariant };

/**
 * What each runtime size draws, as a deck's charts name their needs: chart types by name, and
 * the scales and plugins their options ask for as `scale:…` and `plugin:…`.
 */
export const runtimeVariants: Record<RuntimeVariant, readonly string[]> = {
  bar: needs(chartParts.bar),
  standard: needs(chartParts.standard),
  full: needs(chartParts.full),
};

function needs(parts: RuntimeParts): readonly string[] {
  return [
    ...parts.controllers,
    ...parts.scales.map((scale) => `scale:${scale}`),
    ...parts.plugins.map((plugin) => `plugin:${plugin}`),
  ];
}

/** Every chart type a deck may draw: those the largest runtime has. */
export const chartTypes: readonly string[] = chartParts.full.controllers;

/** The smallest runtime that has every chart part given (chart types, `scale:…`, `plugin:…`). */
export function runtimeVariantFor(types: Iterable<string>): RuntimeVariant {
  const needed = [...types];
  const fits = runtimeVariantNames.find((name) => needed.every((type) => runtimeVariants[name].includes(type)));
  if (!fits)
    throw new Error(`No Podium runtime draws chart type(s) ${needed.join(', ')}; known: ${chartTypes.join(', ')}`);
  return fits;
}

import { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { chartParts, runtimeVariantNames, type RuntimeParts } from '../../src/contract/chartParts.ts';
import { barParts } from '../../src/runtime/chartParts/bar.ts';
import { fullParts } from '../../src/runtime/chartParts/full.ts';
import { standardParts } from '../../src/runtime/chartParts/standard.ts';

const registered = { bar: barParts, standard: standardParts, full: fullParts };

/** What Chart.js's registry gains when the parts are registered, by kind, as the contract names them. */
function registering(parts: typeof barParts): RuntimeParts {
  type Kind = keyof RuntimeParts;
  // Chart.js's registries keep their parts by id in `items`, which its types do not list.
  const ids = (kind: Kind): string[] => Object.keys(Reflect.get(Chart.registry[kind], 'items') as object);
  const kinds: Kind[] = ['controllers', 'elements', 'scales', 'plugins'];
  const before = new Map(kinds.map((kind) => [kind, ids(kind)]));
  Chart.register(...parts);
  try {
    const added = (kind: Kind) =>
      ids(kind)
        .filter((id) => !before.get(kind)?.includes(id))
        .sort();
    return {
      controllers: added('controllers'),
      elements: added('elements'),
      scales: added('scales'),
      plugins: added('plugins'),
    };
  } finally {
    Chart.unregister(...parts);
  }
}

const sorted = (parts: RuntimeParts) =>
  Object.fromEntries(Object.entries(parts).map(([kind, ids]) => [kind, [...ids].sort()]));

describe('each runtime size', () => {
  it.each(runtimeVariantNames)('%s registers exactly the Chart.js parts the contract lists', (variant) => {
    expect(registering(registered[variant])).toEqual(sorted(chartParts[variant]));
  });

  it('has an entry for every size the contract names, and no other', () => {
    expect(Object.keys(registered)).toEqual(runtimeVariantNames);
  });
});

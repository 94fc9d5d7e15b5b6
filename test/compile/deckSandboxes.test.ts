import { expect, it } from 'vitest';
import { DeckSandboxes } from '../../src/compile/expressions/sandbox.ts';

// The rows of a deck, and its builds in podium dev, share a sandbox: it must give each pass its
// data afresh, and be replaced once a pass has run it out of memory.
it('gives each pass its data afresh, in the same sandbox', async () => {
  const sandboxes = new DeckSandboxes([]);
  try {
    const sandbox = await sandboxes.get('en');
    const data = { list: [1, 2, 3] };
    expect(sandbox.evaluateAll(['list.reverse()[0]'], data)).toEqual([{ value: 3 }]);
    expect(sandbox.evaluateAll(['list.reverse()[0]'], data)).toEqual([{ value: 3 }]);
    expect(data.list).toEqual([1, 2, 3]);
    expect(await sandboxes.get('en')).toBe(sandbox);
    expect(await sandboxes.get('es')).not.toBe(sandbox);
  } finally {
    await sandboxes.dispose();
  }
});

it('makes a new sandbox after a pass runs out of memory', async () => {
  const sandboxes = new DeckSandboxes([]);
  try {
    const first = await sandboxes.get('en');
    const [outcome] = first.evaluateAll(['new Array(3e7).fill(1).length'], {});
    expect(outcome).toMatchObject({ failure: { kind: 'memory' } });
    expect(first.spent).toBe(true);
    const second = await sandboxes.get('en');
    expect(second).not.toBe(first);
    expect(second.evaluateAll(['1 + 1'], {})).toEqual([{ value: 2 }]);
  } finally {
    await sandboxes.dispose();
  }
});

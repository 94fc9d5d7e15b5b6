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

/** Decks' sandboxes that count the sandboxes they start. */
class CountedSandboxes extends DeckSandboxes {
  started = 0;

  override async get(lang: string) {
    this.started += 1;
    return super.get(lang);
  }
}

async function evaluated(lang: string, codes: string[], data: Record<string, unknown>) {
  const sandboxes = new CountedSandboxes([]);
  try {
    return { outcomes: await sandboxes.evaluate(lang, codes, data), started: sandboxes.started };
  } finally {
    await sandboxes.dispose();
  }
}

// Decks built from one template compute the same values from the same data: a later deck takes
// them without starting an interpreter of its own.
it('gives a deck the values another deck computed from the same code, data and language', async () => {
  const codes = ['figures.rows.map((row) => row.n * 2)', 'Math.round(figures.rows[0].n / 3)'];
  const figures = { rows: [{ n: 41 }, { n: 7 }] };
  const first = await evaluated('en', codes, { figures });
  expect(first).toEqual({ outcomes: [{ value: [82, 14] }, { value: 14 }], started: 1 });
  const again = await evaluated('en', codes, { figures: structuredClone(figures) });
  expect(again).toEqual({ outcomes: first.outcomes, started: 0 });
  // Values given to more than one deck cannot be changed by one of them.
  expect(Object.isFrozen((again.outcomes[0] as { value: number[] }).value)).toBe(true);

  expect(await evaluated('en', codes, { figures: { rows: [{ n: 40 }] } })).toEqual({
    outcomes: [{ value: [80] }, { value: 13 }],
    started: 1,
  });
  expect((await evaluated('en', [...codes, '1'], { figures })).started).toBe(1);
  const number = ['(1234.5).toLocaleString()'];
  expect((await evaluated('en', number, {})).outcomes).toEqual([{ value: '1,234.5' }]);
  expect(await evaluated('de', number, {})).toEqual({ outcomes: [{ value: '1.234,5' }], started: 1 });
});

it('evaluates again what reads the clock or chance, and what failed', async () => {
  for (const code of [
    'Math.random()',
    'new Date(2026, 0, 1).getFullYear()',
    'Math["ran" + "dom"]()',
    '[Math][0].max(1, 2)',
    'M\\u0061th.max(1, 2)',
  ]) {
    await evaluated('en', [code], {});
    expect((await evaluated('en', [code], {})).started, code).toBe(1);
  }
  const failing = ['figures.missing.value', '1'];
  expect((await evaluated('en', failing, { figures: {} })).outcomes[0]).toHaveProperty('failure');
  expect((await evaluated('en', failing, { figures: {} })).started).toBe(1);
});

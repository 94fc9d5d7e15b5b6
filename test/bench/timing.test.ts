import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { spread, timeInTurns } from '../../bench/timing.ts';

it('times the commands in turns after one warm-up run of each, so noise hits both alike', () => {
  const folder = mkdtempSync(join(tmpdir(), 'podium-timing-'));
  try {
    const mark = (letter: string) => ({
      args: ['-e', `require('node:fs').appendFileSync('order.txt', '${letter}')`],
      cwd: folder,
    });
    const times = timeInTurns([mark('P'), mark('M')], 3);
    expect(readFileSync(join(folder, 'order.txt'), 'utf8')).toBe('PMPMPMPM');
    expect(times.map((list) => list.length)).toEqual([3, 3]);
    expect(times.flat().every((ms) => ms > 0)).toBe(true);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

it('reports the median and the range of a set of timings', () => {
  expect(spread([700, 640, 910, 655, 688, 702, 671])).toEqual({ median: 688, min: 640, max: 910 });
});

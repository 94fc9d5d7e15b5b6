import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';

// Seeded mutations of the sample decks and their data, built as `podium build` builds them:
// whatever the input, the answer is a clear message with a place, never internal text, never a
// hang, and a failed build leaves the previous output as it was.

const seed = Number(process.env.PODIUM_FUZZ_SEED ?? 20261130);
const cases = Number(process.env.PODIUM_FUZZ_CASES ?? 240);
/** CI time for the whole run; cases past it are not tried (the count tried is asserted). */
const budget = 50_000;

const repo = fileURLToPath(new URL('../../', import.meta.url));
const internal =
  /RangeError|TypeError|ReferenceError|SyntaxError:|InternalError|\[object Object\]|Expected node, nodes, or string|Maximum call stack|unexpected error|\n\s+at \S+ \(|undefined is not|Cannot read prop/;

/** A small, seeded generator (mulberry32), so a failing case can be replayed by its seed. */
function random(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fragments = [
  '{',
  '}',
  '<',
  '>',
  '/>',
  '</',
  '---',
  '\n---\n',
  '\n\n',
  '"',
  "'",
  '`',
  '[',
  ']',
  ',',
  ':',
  '\\',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '<Steps>',
  '</Steps>',
  '<Notes>',
  '</Notes>',
  '<BarChart />',
  '<RatioChart ratios={[]} />',
  '<Positions>',
  '{/* x */}',
  '{staffing}',
  '{staffing.missouri2020}',
  '{process.env}',
  '{constructor}',
  '{"a".repeat(9)}',
  '{[1,2,3]}',
  '{null}',
  '{undefined}',
  '<!-- -->',
  '![x](./nope.png)',
  '![x](../../../etc/passwd)',
  'import x from "./data/nope.json"\n',
  '> '.repeat(30),
  '- '.repeat(30),
  '#'.repeat(8),
  '𝒳',
  'é',
  '\t',
  '  ',
  '{{}}',
  '{...{}}',
  '<p {...{a: 1}} />',
  '{[<b>x</b>]}',
  'NaN',
  'null',
  '1e999',
  '-0',
  '{"__proto__": 1}',
  '"\\u0000"',
];

interface Target {
  path: string;
  text: string;
}

function mutate(text: string, next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  let result = text;
  const times = 1 + pick(4);
  for (let i = 0; i < times; i += 1) {
    const at = pick(result.length + 1);
    const span = 1 + pick(40);
    switch (pick(5)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + span);
        break;
      case 1:
        result = result.slice(0, at) + fragments[pick(fragments.length)] + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at) + result.slice(at, at + span).repeat(2 + pick(3)) + result.slice(at);
        break;
      case 3: {
        const lines = result.split('\n');
        const a = pick(lines.length);
        const b = pick(lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        result = lines.join('\n');
        break;
      }
      default:
        result = result.slice(0, at);
    }
  }
  return result;
}

let project: string;
let targets: Target[];
const previous = new Map<string, Buffer>();

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'podium-fuzz-'));
  cpSync(join(repo, 'decks'), join(project, 'decks'), { recursive: true });
  const io = { out: () => {}, err: () => {}, cwd: project };
  expect(await run(['build'], io)).toBe(0);
  for (const name of ['school-support-staff', 'city-budget'])
    previous.set(name, readFileSync(join(project, 'dist', `${name}.html`)));
  targets = [
    'decks/school-support-staff.mdx',
    'decks/city-budget.mdx',
    'decks/data/school-staffing.json',
    'decks/data/city-budget.csv',
    'decks/data/city-budget.json',
  ].map((path) => ({
    path,
    text: readFileSync(join(project, path), 'utf8'),
  }));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe(`building mutated decks (seed ${seed})`, () => {
  it('answers every mutation with a placed message or a deck, quickly, keeping the previous output on failure', async () => {
    const next = random(seed);
    const started = performance.now();
    let tried = 0;
    for (let index = 0; index < cases && performance.now() - started < budget; index += 1) {
      // Decks more often than data files.
      const target = targets[next() < 0.7 ? Math.floor(next() * 2) : 2 + Math.floor(next() * 3)]!;
      const mutated = mutate(target.text, next);
      writeFileSync(join(project, target.path), mutated);
      const deck = target.path.includes('school') ? 'school-support-staff' : 'city-budget';
      const output = join(project, 'dist', `${deck}.html`);
      writeFileSync(output, previous.get(deck)!);
      const err: string[] = [];
      const caseStarted = performance.now();
      const code = await run(['build', `decks/${deck}.mdx`], {
        out: () => {},
        err: (line) => err.push(line),
        cwd: project,
      });
      const took = performance.now() - caseStarted;
      const message = err.join('\n');
      const replay = `case ${index} of seed ${seed}: ${target.path}\n${message}`;
      expect([0, 1], replay).toContain(code);
      expect(message, replay).not.toMatch(internal);
      expect(took, replay).toBeLessThan(8_000);
      if (code === 1) {
        expect(message, replay).toMatch(/^decks\/[\w/.-]+:\d+:\d+: \S/);
        expect(readFileSync(output).equals(previous.get(deck)!), replay).toBe(true);
      }
      writeFileSync(join(project, target.path), target.text);
      tried += 1;
    }
    // A run that tried only a handful of cases would prove little.
    expect(tried).toBeGreaterThanOrEqual(Math.min(cases, 60));
  }, 120_000);
});

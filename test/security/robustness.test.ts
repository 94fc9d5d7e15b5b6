import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';

// Hostile or broken input gets a DeckError at its place, quickly: never a hang, a stack
// overflow, or a message in the words of Podium's insides.
const internal =
  /RangeError|ReferenceError|TypeError|Maximum call stack|\[object Object\]|Expected node, nodes, or string|\n\s+at /;

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-robust-'));
  mkdirSync(join(project, 'decks', 'data'), { recursive: true });
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

function deck(name: string, body: string, frontmatter = 'title: Budget'): void {
  writeFileSync(join(project, 'decks', `${name}.mdx`), `---\n${frontmatter}\n---\n\n${body}\n`);
}

async function build(name: string): Promise<{ code: number; output: string; ms: number }> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), cwd: project };
  const started = performance.now();
  const code = await run(['build', `decks/${name}.mdx`], io);
  return { code, output: lines.join('\n'), ms: performance.now() - started };
}

async function expectError(name: string, report: RegExp): Promise<{ ms: number }> {
  const { code, output, ms } = await build(name);
  expect(output).toMatch(report);
  expect(output).not.toMatch(internal);
  expect(code).toBe(1);
  expect(existsSync(join(project, 'dist', `${name}.html`))).toBe(false);
  return { ms };
}

describe('JSON data', () => {
  it('is reported at the line and column of the mistake, in plain words', async () => {
    // Node 20's own message for these names no position.
    writeFileSync(join(project, 'decks', 'data', 'list.json'), '{\n  "years": [2024, 2025,],\n  "total": 3\n}\n');
    deck('trailing', `import data from './data/list.json'\n\n# {data.total}`);
    await expectError('trailing', /^decks\/data\/list\.json:2:24: Invalid JSON: expected a value\n/);
    writeFileSync(join(project, 'decks', 'data', 'word.json'), '{\n  "ok": true,\n  "total": tru\n}\n');
    deck('word', `import data from './data/word.json'\n\n# {data.total}`);
    await expectError('word', /^decks\/data\/word\.json:3:12: Invalid JSON: this is not a JSON value/);
    writeFileSync(join(project, 'decks', 'data', 'cut.json'), '{\n  "total": 3,\n  "years": [1, 2');
    deck('cut', `import data from './data/cut.json'\n\n# {data.total}`);
    await expectError('cut', /^decks\/data\/cut\.json:3:17: Invalid JSON: expected ] to close the list/);
  });

  it('may start with a byte-order mark, as spreadsheet programs save it', async () => {
    writeFileSync(join(project, 'decks', 'data', 'marked.json'), '\uFEFF{ "total": 1200 }\n');
    deck('marked', `import data from './data/marked.json'\n\n# Total {data.total}`);
    const { code, output } = await build('marked');
    expect(output).toMatch(/^dist\/marked\.html/);
    expect(code).toBe(0);
  });

  it('nested past 100 deep is reported where it gets too deep', async () => {
    writeFileSync(join(project, 'decks', 'data', 'deep.json'), `{"a":\n${'['.repeat(5000)}${']'.repeat(5000)}}`);
    deck('deep-json', `import data from './data/deep.json'\n\n# Data`);
    await expectError('deep-json', /^decks\/data\/deep\.json:2:100: The JSON data is nested more than 100 deep/);
  });
});

describe('frontmatter', () => {
  it('refuses an alias bomb quickly, at its first alias', async () => {
    const names = 'abcdefghi';
    const bomb = [...names].map(
      (name, i) =>
        `${name}: &${name} [${Array(9)
          .fill(i === 0 ? 'lol' : `*${names[i - 1]}`)
          .join(',')}]`,
    );
    deck('bomb', '# Hello', ['title: Budget', ...bomb].join('\n'));
    const { ms } = await expectError(
      'bomb',
      /^decks\/bomb\.mdx:4:8: The frontmatter is too large once its aliases \(\*name\) or nesting are expanded/,
    );
    expect(ms).toBeLessThan(1000);
  });

  it('refuses nesting too deep for the YAML parser', async () => {
    deck('deep-yaml', '# Hello', `title: Budget\nfigures: ${'['.repeat(3000)}${']'.repeat(3000)}`);
    await expectError('deep-yaml', /^decks\/deep-yaml\.mdx:3:\d+: The frontmatter is too large/);
  });
});

describe('nesting', () => {
  const list = (depth: number) =>
    Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

  it('builds lists nested 100 deep and refuses the 101st level at its line', async () => {
    deck('list-100', list(100));
    expect((await build('list-100')).code).toBe(0);
    deck('list-150', list(150));
    await expectError(
      'list-150',
      /^decks\/list-150\.mdx:105:201: Lists, block quotes, components or emphasis are nested more than 100 deep here/,
    );
  });

  it('refuses deep block quotes without overflowing the stack', async () => {
    deck('quotes', `Hello\n\n${'>'.repeat(1000)} deep`);
    await expectError(
      'quotes',
      /^decks\/quotes\.mdx:7:101: Lists, block quotes, components or emphasis are nested more than 100 deep here/,
    );
    deck('spaced-quotes', `Hello\n\n${'> '.repeat(1000)}deep`);
    await expectError('spaced-quotes', /^decks\/spaced-quotes\.mdx:7:201: Lists, block quotes/);
  });

  it('refuses components nested past 100 deep at the one too many', async () => {
    deck('steps', `Hello\n\n${'<Steps>'.repeat(150)}x${'</Steps>'.repeat(150)}`);
    await expectError(
      'steps',
      /^decks\/steps\.mdx:7:701: Lists, block quotes, components or emphasis are nested more than 100 deep here/,
    );
  });

  it('refuses emphasis nested thousands deep', async () => {
    deck('emphasis', `Hello\n\n${'*'.repeat(3000)}x${'*'.repeat(3000)}`);
    await expectError(
      'emphasis',
      /^decks\/emphasis\.mdx:7:\d+: Lists, block quotes, components or emphasis are nested more than 100 deep here/,
    );
  });
});

describe('image paths', () => {
  it('takes a NUL byte in an image path as a missing file, not a crash', async () => {
    deck('nul', 'Hello\n\n![a](logo%00.png)');
    await expectError('nul', /^decks\/nul\.mdx:7:1: Cannot find image "logo%00\.png"/);
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileProject, listener, secret } from './project.ts';

// Each attack is a deck from a stranger, built with the real `podium build` in a process of its
// own. The build must refuse it at its place, leave no output, run nothing and send nothing.

let project: HostileProject;
let local: Awaited<ReturnType<typeof listener>>;

beforeAll(async () => {
  project = new HostileProject();
  local = await listener();
  project.write(
    'decks/data/facts.json',
    JSON.stringify({
      district: 'Riverside',
      note: {
        type: 'element',
        tagName: 'meta',
        properties: { httpEquiv: 'refresh', content: `2;url=${local.url}` },
        children: [],
      },
      wrapper: {
        children: {
          type: 'element',
          tagName: 'script',
          properties: {},
          children: [{ type: 'text', value: 'alert(1)' }],
        },
      },
      keys: ['constr', 'uctor'],
    }),
  );
});

afterAll(async () => {
  await local.close();
  project.remove();
});

const imports = "import facts from './data/facts.json'\n\n";

const refused: Array<{ name: string; body: string; place: string; message: RegExp }> = [
  {
    name: 'child-process',
    body: `export const cp = await import('node:child_process')\n\n{cp.execSync('touch ran-a-command').toString()}`,
    place: '6:1',
    message: /A deck cannot export anything/,
  },
  {
    name: 'environment',
    body: '# Home {process.env.HOME}',
    place: '6:9',
    message: /"process" is not available in a deck/,
  },
  {
    name: 'read-file',
    body: "{process.getBuiltinModule('node:fs').readFileSync('/etc/passwd','utf8')}",
    place: '6:2',
    message: /"process" is not available in a deck/,
  },
  { name: 'fetch', body: `{fetch('${'LOCAL'}')}`, place: '6:2', message: /"fetch" is not available in a deck/ },
  {
    name: 'hidden-attribute',
    body: '<span data-x={JSON.stringify(process.env)} />',
    place: '6:30',
    message: /"process" is not available/,
  },
  { name: 'global-this', body: "{globalThis['pro' + 'cess']}", place: '6:2', message: /"globalThis" is not available/ },
  { name: 'dynamic-import', body: "{import('node:fs')}", place: '6:2', message: /Braces cannot hold import\(\)/ },
  {
    name: 'constructor',
    body: "{[].map.constructor('return process')()}",
    place: '6:9',
    message: /"constructor" is not available/,
  },
  { name: 'function', body: '{(function () { return 1 })()}', place: '6:3', message: /Braces cannot hold a function/ },
  {
    name: 'endless-loop',
    body: '# Hi {(() => { while (true) {} })()}',
    place: '6:16',
    message: /Braces cannot hold a loop/,
  },
  { name: 'exit', body: '{process.exit(0)}', place: '6:2', message: /"process" is not available/ },
  { name: 'require', body: "{require('fs')}", place: '6:2', message: /"require" is not available/ },
  { name: 'eval', body: "{eval('1')}", place: '6:2', message: /"eval" is not available/ },
  {
    name: 'data-element',
    body: '{facts.note}',
    place: '6:2',
    message: /`facts.note` is an object with type, tagName, properties, children, not text/,
  },
  { name: 'data-element-in-list', body: '{[facts.note]}', place: '6:2', message: /is an object with type, tagName/ },
  {
    name: 'data-children',
    body: '<p {...facts.wrapper} />',
    place: '6:1',
    message: /Content here is an object with type, tagName, properties, children, not text/,
  },
  {
    name: 'data-element-prop',
    body: '<Stat value={facts.note} label="x" />',
    place: '6:1',
    message: /Prop "value" on <Stat>/,
  },
  // Property names computed at run time pass the check before running; in the sandbox, functions have no constructor.
  {
    name: 'computed-constructor',
    body: "{facts[facts.keys.join('')][facts.keys.join('')]('return typeof process')()}",
    place: '6:',
    message: /An expression in braces failed: not a function/,
  },
  {
    name: 'arrow-constructor',
    body: "{(() => 0)[facts.keys.join('')]('return _jsxDEV')()}",
    place: '6:',
    message: /An expression in braces failed: not a function/,
  },
  {
    name: 'replaced-built-in',
    body: "{Object.defineProperty(JSON, 'stringify', { value: () => '[]' })}",
    place: '6:',
    message: /An expression in braces failed: property is not configurable/,
  },
  {
    name: 'async-function',
    body: '{(async () => 1)()}',
    place: '6:3',
    message: /Braces cannot hold an async function/,
  },
  { name: 'recursion', body: '{(f => f(f))(f => f(f))}', place: '6:', message: /calls itself too deeply/ },
  { name: 'memory', body: "{'x'.repeat(1e9)}", place: '6:', message: /more memory than a deck may use/ },
  {
    name: 'endless-computation',
    body: '{Array.from({ length: 20000 }).map(() => Array.from({ length: 20000 }).reduce((a) => a + 1, 0)).length}',
    place: '6:',
    message: /took longer than 2 seconds/,
  },
];

describe('a deck holds no code', () => {
  for (const attack of refused) {
    it(`refuses ${attack.name} at its place, with no output, nothing run and nothing sent`, async () => {
      const file = project.deck(attack.name, imports + attack.body.replace('LOCAL', local.url));
      const result = await project.podium(['build', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`decks/${attack.name}.mdx:${attack.place}`);
      expect(result.stderr).toMatch(attack.message);
      expect(result.stderr + result.stdout).not.toContain(secret);
      expect(result.stderr).not.toMatch(/RangeError|TypeError:|\[object Object\]|at .*\.js:\d+/);
      expect(project.built()).not.toContain(`${attack.name}.html`);
      expect(project.exists('decks/ran-a-command') || project.exists('ran-a-command')).toBe(false);
      expect(local.requests).toEqual([]);
      // The time limit is 2 s: a hanging deck must not hold the build much longer.
      expect(result.took).toBeLessThan(15_000);
    });
  }

  it('left nothing in the project but the decks and their data: no output, no file of its own', () => {
    // podium build makes dist/ before it knows whether a deck builds; it must hold nothing.
    expect(readdirSync(project.root).filter((name) => name !== 'dist')).toEqual(['decks']);
    expect(project.built()).toEqual([]);
    expect(readdirSync(join(project.root, 'decks')).filter((name) => !name.endsWith('.mdx'))).toEqual(['data']);
  });

  it('keeps building the other decks of a folder when the first one tries to exit', async () => {
    const folder = new HostileProject();
    try {
      folder.deck('a-exit', '{process.exit(0)}');
      folder.deck(
        'b-heavy',
        '{Array.from({ length: 20000 }).map(() => Array.from({ length: 20000 }).reduce((a) => a + 1, 0)).length}',
      );
      folder.deck('c-good', '# Fine');
      const result = await folder.podium(['build']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('decks/a-exit.mdx:4:2: "process" is not available in a deck');
      expect(result.stderr).toContain('decks/b-heavy.mdx:4:');
      expect(result.stderr).toMatch(/2 of 3 decks failed to build/);
      expect(folder.built()).toEqual(['c-good.html']);
    } finally {
      folder.remove();
    }
  });
});

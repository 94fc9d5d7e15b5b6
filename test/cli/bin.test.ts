import { execFile } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The `podium` command as a user runs it: a process of its own, from lib/ (npm run build:tool).
const bin = fileURLToPath(new URL('../../bin/podium.js', import.meta.url));
const broken = `---\ntitle: A broken deck\n---\n\n# Hello\n\n<BarChart title="x" labels={["a", "b"]} values={[1]} />\n`;

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-bin-'));
  mkdirSync(join(project, 'decks'));
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

it('exits the real process with code 1 and the message on stderr', async () => {
  writeFileSync(join(project, 'decks', 'broken.mdx'), broken);
  const result = await promisify(execFile)(process.execPath, [bin, 'build', 'decks/broken.mdx'], {
    cwd: project,
    // Stopped if it hangs, never left running after the test.
    timeout: 60_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^decks\/broken\.mdx:7:1: /);
});

describe('the bundled command and its code cache', () => {
  // A copy of the installed package whose bin/ and lib/ bundles a test may change freely: the
  // rest (the runtime, themes, node_modules) is linked from this one.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let installed: string;

  beforeEach(() => {
    installed = mkdtempSync(join(tmpdir(), 'podium-installed-'));
    for (const shared of ['build', 'themes', 'templates', 'node_modules', 'package.json'])
      symlinkSync(join(root, shared), join(installed, shared));
    cpSync(join(root, 'bin'), join(installed, 'bin'), { recursive: true });
    mkdirSync(join(installed, 'lib'));
    for (const file of ['podium.cjs', 'podium-cli.cjs'])
      copyFileSync(join(root, 'lib', file), join(installed, 'lib', file));
    writeFileSync(join(project, 'decks', 'hello.mdx'), '---\ntitle: Hello\n---\n\n# Hello\n');
  });

  afterEach(() => rmSync(installed, { recursive: true, force: true }));

  const podium = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(installed, 'bin', 'podium.js'), ...args], {
      cwd: project,
      timeout: 60_000,
    });
  const cache = () => join(installed, 'lib', 'podium.cjs.cache');

  it('writes the code cache on the first build, uses it after, and writes it again for a newer bundle', async () => {
    expect(existsSync(cache())).toBe(false);
    expect((await podium('build')).stdout).toMatch(/^dist\/hello\.html {2}/);
    const written = statSync(cache()).mtimeMs;
    await podium('build');
    expect(statSync(cache()).mtimeMs).toBe(written);
    // A rebuilt bundle: the cache made for the old one is not used, and a new one is written.
    const later = new Date(written + 5_000);
    utimesSync(join(installed, 'lib', 'podium.cjs'), later, later);
    await podium('build');
    expect(statSync(cache()).mtimeMs).toBeGreaterThan(written);
    expect(readFileSync(join(project, 'dist', 'hello.html'), 'utf8')).toContain('<h1');
  });

  it('answers --help without the commands’ bundle, and says how to build Podium when it is missing', async () => {
    rmSync(join(installed, 'lib', 'podium.cjs'));
    expect((await podium('--help')).stdout).toContain('podium build');
    const failed = await podium('build').then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Podium is not built yet. Run: npm install');
  });
});

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';

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

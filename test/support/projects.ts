import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { chromiumForTests } from './browser.ts';

/**
 * For a test file: a project of its own, which `write` fills (decks/, themes/) and `podium build`
 * builds into its dist/ before the tests, with Chromium started; after them, both are closed and
 * removed.
 */
export function builtProjectInChromium(
  prefix: string,
  write: (project: string) => void,
): { project: string; chromium: () => Browser } {
  const project = mkdtempSync(join(tmpdir(), `podium-${prefix}-`));
  const build = async () => {
    write(project);
    const lines: string[] = [];
    const code = await run(['build'], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      cwd: project,
    });
    expect(code, lines.join('\n')).toBe(0);
  };
  return { project, chromium: chromiumForTests(build, () => rmSync(project, { recursive: true, force: true })) };
}

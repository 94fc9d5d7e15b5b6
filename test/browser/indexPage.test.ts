import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';

const project = mkdtempSync(join(tmpdir(), 'podium-index-'));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(join(project, 'decks', 'data'), { recursive: true });
  writeFileSync(
    join(project, 'decks', 'comment.mdx'),
    '---\ntitle: "Counselors for {row.district}"\nmeeting: Board of Education\ndate: 2026-12-08\ndescription: "One counselor for every {row.ratio} students."\n---\n\n# Counselors for {row.district}\n\n---\n\n## {row.district}\n\n<BarChart title="Students per counselor" labels={["Now", "Recommended"]} values={[row.ratio, 250]} />\n',
  );
  writeFileSync(
    join(project, 'decks', 'data', 'districts.csv'),
    'district,ratio\nNorth Valley,410\nEastside,520\nSouth Élan,380\n',
  );
  const output: string[] = [];
  const code = await run(['build', 'decks/comment.mdx', '--data', 'decks/data/districts.csv'], {
    out: (line) => output.push(line),
    err: (line) => output.push(line),
    cwd: project,
  });
  expect(output.join('\n')).toMatch(/dist\/index\.html {2}lists 3 decks/);
  expect(code).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

it('opens from file:// with no network, passes axe, and its links open the decks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(pathToFileURL(join(project, 'dist', 'index.html')).href);
  expect(await page.locator('h2 a').allTextContents()).toEqual([
    'Counselors for Eastside',
    'Counselors for North Valley',
    'Counselors for South Élan',
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Counselors for South Élan' }).click();
  await page.waitForSelector('html[data-podium-ready]');
  expect(page.url()).toBe(pathToFileURL(join(project, 'dist', 'south-elan.html')).href);
  expect(await page.title()).toBe('Counselors for South Élan');
  expect(await page.locator('h2', { hasText: 'South Élan' }).count()).toBe(1);
  expect(blocked).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

// `npm run bench`: what a presenter waits for and what a shared link weighs, measured.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { builtModule } from './tool.ts';

const { chromiumArgs, chromiumInstallCommand, findChromium } = await builtModule<typeof import('../src/chromium.ts')>('chromium.js');
const root = process.cwd();
const deckName = process.argv[2] ?? 'school-support-staff';
const deckFile = resolve(root, 'decks', `${deckName}.mdx`);
const out = mkdtempSync(join(tmpdir(), 'podium-bench-'));
const runs = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(34)} ${value.padStart(12)}  ${note}`);

function timeCommand(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  return performance.now() - start;
}

console.log(`Podium benchmark: ${deckName} (median of ${runs} runs; node ${process.version})\n`);

// Cold build: a new process each run, as a presenter runs it.
const bin = join(root, 'bin', 'podium.js');
const cold = Array.from({ length: runs }, () => timeCommand([bin, 'build', deckFile, '--out', out]));
const nodeAlone = Array.from({ length: runs }, () => timeCommand(['-e', '0']));
row('cold podium build', ms(median(cold)), `(min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))})`);
row('  of which: node starting', ms(median(nodeAlone)));

const phases = Array.from({ length: runs }, () =>
  JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, 'phases.js'), deckFile, out], { cwd: root, encoding: 'utf8' })) as Record<string, number>,
);
const phase = (key: string) => median(phases.map((p) => p[key]));
row('  of which: loading MDX toolchain', ms(phase('loadToolchain')));
row('  of which: compiling the deck', ms(phase('compile')), `(${phases[0].slides} slides)`);
row('  warm rebuild, compile + render', ms(phase('renderAgain')));

// Output size, raw and as a server or mail client would compress it.
const html = readFileSync(join(out, `${deckName}.html`));
row('output bytes, raw', kb(html.length), `(${html.length} B)`);
row('output bytes, gzip -9', kb(gzipSync(html, { level: 9 }).length), `(${gzipSync(html, { level: 9 }).length} B)`);

// First slide shown: headless Chromium opening the file from disk.
const executablePath = findChromium();
if (!executablePath) {
  console.error(`\nNo Chromium found for the load-time figure. Install it: ${chromiumInstallCommand}`);
  process.exitCode = 1;
} else {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const url = pathToFileURL(join(out, `${deckName}.html`)).href;
  const ready: number[] = [];
  const paint: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    await page.waitForSelector('html[data-podium-ready]');
    const marks = await page.evaluate(() => ({
      ready: performance.getEntriesByName('podium-ready')[0]?.startTime ?? Number.NaN,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    ready.push(marks.ready);
    paint.push(marks.paint);
    await page.close();
  }
  await browser.close();
  row('first slide shown (reveal ready)', ms(median(ready)), 'from navigation start, file://');
  row('first contentful paint', ms(median(paint)));
}

rmSync(out, { recursive: true, force: true });

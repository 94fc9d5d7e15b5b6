// `npm run bench`: what a presenter waits for and what a shared link weighs, measured.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { coldBuilds, peersInstalled } from './coldBuilds.ts';
import { referenceDecks, reportReference } from './reference.ts';
import { machineLoad, median, removing, timeNode } from './timing.ts';
import { builtModule } from './tool.ts';

const { chromiumArgs, chromiumInstallCommand, findChromium } =
  await builtModule<typeof import('../src/chromium.ts')>('chromium.js');
const root = process.cwd();
const deckName = process.argv[2] ?? 'school-support-staff';
const decks = readdirSync(resolve(root, 'decks'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));
const deckFile = resolve(root, 'decks', `${deckName}.mdx`);
const out = mkdtempSync(join(tmpdir(), 'podium-bench-'));
const runs = 5;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, value: string, note = '') =>
  console.log(`${label.padEnd(52)} ${value.padStart(13)}  ${note}`);

const timeCommand = (args: string[], before?: () => void) => timeNode({ args, cwd: root, before });

console.log(`Podium benchmark: ${deckName} (median of ${runs} runs; node ${process.version})`);
console.log(`machine load at start: ${machineLoad()}\n`);

// Cold build: a new process each run, as a presenter runs it.
const bin = join(root, 'bin', 'podium.js');
const cold = Array.from({ length: runs }, () => timeCommand([bin, 'build', deckFile, '--out', out], removing(out)));
const nodeAlone = Array.from({ length: runs }, () => timeCommand(['-e', '0']));
row('cold podium build', ms(median(cold)), `(min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))})`);
row('  of which: node starting', ms(median(nodeAlone)));
const help = Array.from({ length: runs }, () => timeCommand([bin, '--help']));
row('podium --help', ms(median(help)), '(loads no command)');

const phases = Array.from(
  { length: runs },
  () =>
    JSON.parse(
      execFileSync(process.execPath, [join(import.meta.dirname, 'phases.js'), deckFile, out], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as Record<string, number>,
);
row('warm rebuild, compile + render', ms(median(phases.map((p) => p.renderAgain))), `(${phases[0].slides} slides)`);
if (peersInstalled(root)) {
  const reference = referenceDecks(root);
  reportReference(reference, () => {});
  const peers = coldBuilds(root, reference, 7);
  const note = `(reference deck: Podium ${ms(peers.podium.times.median)}, Marp ${ms(peers.marp.times.median)}, medians of 7)`;
  row("cold build ÷ Marp CLI's", `${peers.ratio.toFixed(2)}×`, note);
} else console.log('  (to add Podium ÷ Marp CLI on the reference deck here, run `npm run bench:peers` once)');

// Many decks: a folder of 50 (the sample decks copied), cold, in one process.
const { timeFolder } = await import('./folder.ts');
const folder = timeFolder(root, 50, runs);
row(
  'podium build, a folder of 50 decks',
  ms(median(folder)),
  `(${(50 / (median(folder) / 1000)).toFixed(1)} decks/s cold, the ${decks.length} sample decks copied; min ${ms(Math.min(...folder))}, max ${ms(Math.max(...folder))})`,
);

// One deck per row: 100 variants of the sample deck, cold, as an organizer builds a county's districts.
const { timeRows } = await import('./rows.ts');
const variants = Array.from({ length: 5 }, () => timeRows(root, deckName, 100));
const variantsMedian = median(variants.map((v) => v.ms));
row(
  'podium build --data, 100 rows',
  `${(100 / (variantsMedian / 1000)).toFixed(1)} rows/s`,
  `(${ms(variantsMedian)} cold for 100 variants of ${deckName}, index.html included; median of 5, each a new process)`,
);

// Output size of every sample deck, raw and as a server or mail client would compress it.
execFileSync(process.execPath, [bin, 'build', '--out', out], { cwd: root, stdio: 'ignore' });
for (const name of decks) {
  const html = readFileSync(join(out, `${name}.html`));
  row(
    `output bytes: ${name}`,
    kb(html.length),
    `raw (${html.length} B); gzip -9 ${kb(gzipSync(html, { level: 9 }).length)} (${gzipSync(html, { level: 9 }).length} B)`,
  );
}
for (const variant of ['bar', 'standard', 'full']) {
  const script = readFileSync(join(root, 'build', 'runtime', `podium-runtime-${variant}.js`));
  row(`runtime "${variant}"`, kb(script.length), `raw; gzip -9 ${kb(gzipSync(script, { level: 9 }).length)}`);
}
const { runtimePartCosts } = await import('./runtimeParts.ts');
for (const part of await runtimePartCosts()) row(`  ${part.name}`, kb(part.gzip), `gzip (${kb(part.raw)} raw)`);

// First slide shown: headless Chromium opening each file from disk.
const executablePath = findChromium();
if (!executablePath) {
  console.error(`\nNo Chromium found for the load-time figure. Install it: ${chromiumInstallCommand}`);
  process.exitCode = 1;
} else {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  // The slides; the whole deck as one page to read (?read); and that view as a phone opens it.
  const views = [
    { label: 'first slide shown', query: '', viewport: { width: 1280, height: 720 } },
    { label: 'reading view shown', query: '?read', viewport: { width: 1280, height: 720 } },
    { label: 'reading view on a phone', query: '', viewport: { width: 390, height: 844 } },
  ];
  for (const view of views)
    for (const name of decks) {
      const url = `${pathToFileURL(join(out, `${name}.html`)).href}${view.query}`;
      const ready: number[] = [];
      const paint: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage({ viewport: view.viewport });
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
      row(
        `${view.label}: ${name}`,
        ms(median(ready)),
        `ready from navigation start, file://, ${view.viewport.width}×${view.viewport.height}; first paint ${ms(median(paint))}`,
      );
    }
  await browser.close();
  // PDF export: a new process each run, Chromium's start included, as a presenter runs it.
  const pdfFile = join(out, `${deckName}.pdf`);
  const pdfRuns = 3;
  const exports = Array.from({ length: pdfRuns }, () =>
    timeCommand([bin, 'pdf', deckFile, '--out', pdfFile], removing(pdfFile)),
  );
  const { pdfPageCount } = await builtModule<typeof import('../src/pdf/pdfPageCount.ts')>('pdf/pdfPageCount.js');
  const pdf = readFileSync(pdfFile);
  row(
    `podium pdf (median of ${pdfRuns})`,
    ms(median(exports)),
    `(min ${ms(Math.min(...exports))}, max ${ms(Math.max(...exports))}) ${deckName}, ${pdfPageCount(pdf)} pages, ${kb(pdf.length)}`,
  );
  const { saveToUpdate } = await import('./devLatency.ts');
  for (const kind of ['slide', 'frontmatter'] as const) {
    const { saves, noticed, built, shown, replaced } = await saveToUpdate(
      deckName,
      kind,
      10,
      executablePath,
      chromiumArgs,
    );
    const inPlace = replaced.length > 0 ? ` (slides put in place ${ms(median(replaced))})` : '';
    row(
      `podium dev: save to visible, ${kind} edit (median of 10)`,
      ms(median(saves)),
      `(min ${ms(Math.min(...saves))}, max ${ms(Math.max(...saves))}) ${kind === 'slide' ? 'slide 2 text, in place' : 'title, page reloads'}`,
    );
    row(
      '  of which: save noticed, built, page',
      `${ms(median(noticed))}, ${ms(median(built))}, ${ms(median(shown))}${inPlace}`,
    );
  }
}

console.log(`\nmachine load at end: ${machineLoad()}`);
rmSync(out, { recursive: true, force: true });

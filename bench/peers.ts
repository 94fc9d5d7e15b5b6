// `npm run bench:peers`: Podium's cold build beside Marp CLI's, same reference deck, one run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { coldBuilds, installPeers, peersDir, peersInstalled } from './coldBuilds.ts';
import { referenceDecks, reportReference } from './reference.ts';
import { machineLoad } from './timing.ts';

const root = process.cwd();
const runs = 7;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, value: string, note = '') =>
  console.log(`${label.padEnd(36)} ${value.padStart(10)}  ${note}`);

if (!peersInstalled(root)) {
  console.log(`Installing the peer tools into ${peersDir(root)} (npm ci, no install scripts) …`);
  installPeers(root);
}
const marpVersion = JSON.parse(
  readFileSync(join(peersDir(root), 'node_modules', '@marp-team', 'marp-cli', 'package.json'), 'utf8'),
).version;

console.log(`Podium beside Marp CLI ${marpVersion}: cold build of the reference deck (node ${process.version})`);
console.log(`machine load at start: ${machineLoad()}`);
const reference = referenceDecks(root);
reportReference(reference);
const result = coldBuilds(root, reference, runs);
console.log(`\nmedian (min–max) of ${runs} runs each, taken in turns after a warm-up run of each\n`);
for (const [label, build] of [
  ['Podium: node bin/podium.js build', result.podium],
  ['Marp: node marp-cli.js --html', result.marp],
] as const) {
  row(label, ms(build.times.median), `(${ms(build.times.min)}–${ms(build.times.max)})`);
}
row(
  'ratio, Podium ÷ Marp (medians)',
  `${result.ratio.toFixed(2)}×`,
  result.ratio < 1 ? '(Podium faster)' : '(Marp faster)',
);

console.log('\noutput bytes (gzip -9)\n');
row('Podium: reference.html', kb(result.podium.bytes), `raw; gzip ${kb(result.podium.gzipBytes)}`);
row('Marp: out.html', kb(result.marp.bytes), `raw; gzip ${kb(result.marp.gzipBytes)}`);
// Marp leaves the chart's library out of the file: the deck loads it from beside the page.
const chartJs = readFileSync(join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'));
row(
  '  + chart.umd.min.js it loads',
  kb(chartJs.length),
  `raw; gzip ${kb(gzipSync(chartJs, { level: 9 }).length)} (not inlined by Marp)`,
);
console.log(`\nmachine load at end: ${machineLoad()}`);

// What each part of the browser runtime costs a deck, built the way the runtime is built.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Part {
  name: string;
  imports: string;
  register: string;
}

const baseline: Part = {
  name: 'reveal.js + bar chart core',
  imports:
    "import 'reveal.js'; import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';",
  register: 'Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);',
};

const additions: Part[] = [
  {
    name: "Podium's speaker view (in every runtime)",
    imports: "import { startSpeakerView } from '../../src/runtime/speaker/speakerView.ts';",
    register: 'startSpeakerView();',
  },
  {
    name: "reveal.js's notes plugin, with marked (not included: replaced by the above)",
    imports: "import n from 'reveal.js/plugin/notes';",
    register: 'console.log(n);',
  },
  {
    name: 'chartjs-plugin-datalabels (in every runtime)',
    imports: "import d from 'chartjs-plugin-datalabels';",
    register: 'Chart.register(d);',
  },
  {
    name: 'line chart parts (standard, full)',
    imports: "import { LineController, LineElement, PointElement } from 'chart.js';",
    register: 'Chart.register(LineController, LineElement, PointElement);',
  },
  {
    name: 'doughnut + pie parts (standard, full)',
    imports: "import { DoughnutController, PieController, ArcElement } from 'chart.js';",
    register: 'Chart.register(DoughnutController, PieController, ArcElement);',
  },
];

async function bundleSize(parts: Part[]): Promise<{ raw: number; gzip: number }> {
  const { build } = await import('vite');
  // The entry sits inside the project so its imports resolve from node_modules.
  const dir = join(process.cwd(), 'build', 'bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'probe-entry.js');
  writeFileSync(
    entry,
    `${parts.map((part) => part.imports).join('\n')}\n${parts.map((part) => part.register).join('\n')}\n`,
  );
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, target: 'es2022', minify: true, lib: { entry, formats: ['iife'], name: 'Probe' } },
  })) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const js = result[0].output.find((chunk) => chunk.type === 'chunk')?.code ?? '';
  return { raw: Buffer.byteLength(js), gzip: gzipSync(js, { level: 9 }).length };
}

export async function runtimePartCosts(): Promise<Array<{ name: string; raw: number; gzip: number }>> {
  const base = await bundleSize([baseline]);
  const rows = [{ name: baseline.name, ...base }];
  for (const part of additions) {
    const size = await bundleSize([baseline, part]);
    rows.push({ name: `+ ${part.name}`, raw: size.raw - base.raw, gzip: size.gzip - base.gzip });
  }
  return rows;
}

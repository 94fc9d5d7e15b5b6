// Save-to-update in `podium dev`: from writing the deck file to the new text on the open slide.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { builtModule } from './tool.ts';

export async function saveToUpdate(
  deckName: string,
  runs: number,
  executablePath: string,
  args: string[],
): Promise<number[]> {
  const { startDevServer } = await builtModule<typeof import('../src/dev/devServer.ts')>('dev/devServer.js');
  const { resolveConfig } = await builtModule<typeof import('../src/config.ts')>('config.js');
  const project = mkdtempSync(join(tmpdir(), 'podium-bench-dev-'));
  cpSync(join(process.cwd(), 'decks'), join(project, 'decks'), { recursive: true });
  const deckFile = join(project, 'decks', `${deckName}.mdx`);
  const original = readFileSync(deckFile, 'utf8');
  const server = await startDevServer({
    config: resolveConfig({ root: project }),
    port: 0,
    log: () => {},
    logError: () => {},
  });
  const browser = await chromium.launch({ executablePath, args });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}${deckName}.html`);
  await page.waitForSelector('html[data-podium-ready]');
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const marker = `Edited ${run}`;
    // The title is replaced; the presenter stays on slide 1 (<TitleSlide />) and sees it change.
    const started = performance.now();
    writeFileSync(deckFile, original.replace(/^title: .*$/m, `title: ${marker}`));
    await page.waitForFunction(
      (text) => document.querySelector('.reveal .slides section.present h1')?.textContent === text,
      marker,
      { polling: 'raf', timeout: 10_000 },
    );
    times.push(performance.now() - started);
    await page.waitForSelector('html[data-podium-ready]');
  }
  await browser.close();
  await server.close();
  rmSync(project, { recursive: true, force: true });
  return times;
}

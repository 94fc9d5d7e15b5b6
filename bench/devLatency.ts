// Save-to-visible in `podium dev`: from writing the deck file to the new text on the open slide.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { builtModule } from './tool.ts';

/** What a save changes: the text of the slide shown (replaced in place), or the frontmatter (the page reloads). */
export type DevEdit = 'slide' | 'frontmatter';

const edits: Record<DevEdit, { slide: number; heading: string; edit: (deck: string, marker: string) => string }> = {
  // The first `##` heading is slide 2's; the presenter is on it.
  slide: { slide: 1, heading: 'h2', edit: (deck, marker) => deck.replace(/^## .*$/m, `## ${marker}`) },
  // The title is replaced; the presenter stays on slide 1 (<TitleSlide />) and sees it change.
  frontmatter: { slide: 0, heading: 'h1', edit: (deck, marker) => deck.replace(/^title: .*$/m, `title: ${marker}`) },
};

/**
 * Each save's time to the screen, and its parts: until the server started building, the build (compile,
 * render and comparison with the build before), then the page (sending, and the page's own work);
 * `replaced` is the page's work to put slides in place, when it did.
 */
export interface SaveTimes {
  saves: number[];
  noticed: number[];
  built: number[];
  shown: number[];
  replaced: number[];
}

export async function saveToUpdate(
  deckName: string,
  kind: DevEdit,
  runs: number,
  executablePath: string,
  args: string[],
): Promise<SaveTimes> {
  const { startDevServer } = await builtModule<typeof import('../src/dev/devServer.ts')>('dev/devServer.js');
  const { resolveConfig } = await builtModule<typeof import('../src/config.ts')>('config.js');
  const { slidesReplacedMeasure } =
    await builtModule<typeof import('../src/contract/devEvents.ts')>('contract/devEvents.js');
  const project = mkdtempSync(join(tmpdir(), 'podium-bench-dev-'));
  cpSync(join(process.cwd(), 'decks'), join(project, 'decks'), { recursive: true });
  const deckFile = join(project, 'decks', `${deckName}.mdx`);
  const original = readFileSync(deckFile, 'utf8');
  // The server logs each build with its time; the log's arrival marks the build's end.
  let lastBuild = { at: 0, ms: 0 };
  const server = await startDevServer({
    config: resolveConfig({ root: project }),
    port: 0,
    log: (line) => {
      const ms = /^built .* in (\d+) ms$/.exec(line)?.[1];
      if (ms) lastBuild = { at: performance.now(), ms: Number(ms) };
    },
    logError: () => {},
  });
  const { slide, heading, edit } = edits[kind];
  const browser = await chromium.launch({ executablePath, args });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}${deckName}.html`);
  await page.waitForSelector('html[data-podium-ready]');
  await page.evaluate((h) => (Reflect.get(window, 'Reveal') as { slide(h: number): void }).slide(h), slide);
  const times: SaveTimes = { saves: [], noticed: [], built: [], shown: [], replaced: [] };
  for (let run = 0; run < runs; run++) {
    const marker = `Edited ${run}`;
    const started = performance.now();
    writeFileSync(deckFile, edit(original, marker));
    await page.waitForFunction(
      ({ text, selector }) => document.querySelector(selector)?.textContent === text,
      { text: marker, selector: `.reveal .slides section.present ${heading}` },
      { polling: 'raf', timeout: 10_000 },
    );
    const ended = performance.now();
    times.saves.push(ended - started);
    times.noticed.push(lastBuild.at - lastBuild.ms - started);
    times.built.push(lastBuild.ms);
    times.shown.push(ended - lastBuild.at);
    const replaced = await page.evaluate(
      (name) => performance.getEntriesByName(name).at(-1)?.duration,
      slidesReplacedMeasure,
    );
    if (replaced !== undefined) times.replaced.push(replaced);
    await page.evaluate((name) => performance.clearMeasures(name), slidesReplacedMeasure);
    await page.waitForSelector('html[data-podium-ready]');
    // Saves come seconds apart: each starts from a page and server done with the one before.
    await page.waitForTimeout(300);
  }
  await browser.close();
  await server.close();
  rmSync(project, { recursive: true, force: true });
  return times;
}

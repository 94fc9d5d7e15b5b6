import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Element, ElementContent } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { chromiumInstallCommand } from '../../src/chromium.ts';
import { run } from '../../src/cli/run.ts';
import { resolveConfig } from '../../src/config.ts';

// Real Chromium, real poppler tools (pdfinfo, pdftotext, pdftoppm, pdfimages): the PDF a board clerk would open.
// A tool that hangs is stopped by its timeout, never left running after the test.
const exec = (file: string, args: string[], options: { maxBuffer?: number } = {}) =>
  promisify(execFile)(file, args, { timeout: 60_000, ...options });
const sampleDecks = fileURLToPath(new URL('../../decks/', import.meta.url));
const good = `---\ntitle: A good deck\n---\n\n# Hello\n\n---\n\n## Second\n`;
const broken = `---\ntitle: A broken deck\n---\n\n# Hello\n\n<BarChart title="x" labels={["a", "b"]} values={[1]} />\n`;

let project: string;
const exported: Record<string, { code: number; out: string[]; err: string[] }> = {};

function io(cwd: string = project) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line), cwd } };
}

async function podiumPdf(name: string, args: string[]): Promise<void> {
  const streams = io();
  const code = await run(['pdf', ...args], streams.io);
  exported[name] = { code, out: streams.out, err: streams.err };
}

beforeAll(async () => {
  // Never skipped: without poppler's tools, say what to install rather than fail on ENOENT.
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm', 'pdfimages']) {
    await exec(tool, ['-v']).catch(() => {
      throw new Error(
        `The PDF tests read PDFs with ${tool}, from poppler-utils. Install it with:\n  sudo apt-get install poppler-utils`,
      );
    });
  }
  project = mkdtempSync(join(tmpdir(), 'podium-pdf-test-'));
  cpSync(sampleDecks, join(project, 'decks'), { recursive: true });
  await podiumPdf('all', []);
  await podiumPdf('handout', ['decks/school-support-staff.mdx', '--handout']);
  await podiumPdf('steps', ['decks/school-support-staff.mdx', '--steps', '--out', 'steps/school-support-staff.pdf']);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Slide {
  title: string;
  notes: string;
  /** Text of what the slide reveals one step at a time. */
  fragments: string[];
  hasChart: boolean;
}

/** What each slide of a sample deck says, read from the same build the PDF was made from. */
async function slidesOf(name: string): Promise<{ title: string; lang: string; slides: Slide[] }> {
  const { deck } = await buildDeck(join(project, 'decks', `${name}.mdx`), resolveConfig({ root: project }));
  const slides = deck.slides.map((section) => {
    const heading = find(section, (node) => node.tagName === 'h1' || node.tagName === 'h2');
    const notes = find(section, (node) => node.tagName === 'aside' && classes(node).includes('notes'));
    return {
      title: heading ? textOf(heading) : '',
      notes: notes ? textOf(notes) : '',
      fragments: findAll(section, (node) => classes(node).includes('fragment')).map(textOf),
      hasChart:
        findAll(section, (node) => node.tagName === 'figure' && classes(node).includes('podium-chart')).length > 0,
    };
  });
  return { title: deck.meta.title, lang: deck.meta.lang, slides };
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function findAll(node: Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    found.push(...findAll(child, test));
  }
  return found;
}

function find(node: Element, test: (element: Element) => boolean): Element | undefined {
  return findAll(node, test)[0];
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  // Notes and chart data ride along as JSON or hidden text; only what prints counts.
  if (node.tagName === 'script') return '';
  return node.children.map(textOf).join(' ');
}

/** Text compared with what pdftotext reads, whatever the line breaks, spacing and list bullets. */
function compact(text: string): string {
  return text.replace(/[\s•]+/g, '');
}

async function pdfinfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await exec('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** The text of each page, as a reader copying from the PDF would get it. */
async function pagesText(file: string): Promise<string[]> {
  const { stdout } = await exec('pdftotext', [file, '-'], { maxBuffer: 20_000_000 });
  return stdout.split('\f').slice(0, -1);
}

/** A binary PPM (what pdftoppm and pdfimages write): its size and its RGB bytes. */
function readPpm(file: string): { width: number; height: number; pixels: Buffer } {
  const image = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(image.toString('latin1', 0, 40));
  if (!header) throw new Error(`${file} is not a binary PPM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: image.subarray(header[0].length) };
}

/** Pixels of a rasterised page in a chart colour (saturated); text, tables and the ground are grey. */
async function colouredPixels(file: string, page: number): Promise<number> {
  const prefix = join(project, `raster-${page}`);
  await exec('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const { pixels } = readPpm(`${prefix}.ppm`);
  let coloured = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) - Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) > 64)
      coloured += 1;
  }
  return coloured;
}

/**
 * The chart images on a page (a printed canvas becomes an image with a soft mask, its alpha):
 * their resolution, and how many pixels the chart drew (alpha > 0; a blank canvas has none).
 */
async function chartImages(file: string, page: number): Promise<{ ppi: number; drawn: number }[]> {
  const { stdout } = await exec('pdfimages', ['-list', '-f', String(page), '-l', String(page), file]);
  // Columns: page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  const masks = stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'smask');
  const prefix = join(project, `images-${page}`);
  await exec('pdfimages', ['-f', String(page), '-l', String(page), file, prefix]);
  return masks.map((columns) => {
    const { pixels } = readPpm(`${prefix}-${columns[1].padStart(3, '0')}.ppm`);
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 3) if (pixels[i] > 0) drawn += 1;
    return { ppi: Number(columns[12]), drawn };
  });
}

describe('podium pdf', () => {
  it('writes dist/<name>.pdf for every deck in decks/ and names each with its pages and size', async () => {
    const { code, out, err } = exported.all;
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(/^dist\/city-budget\.pdf {2}\d+ pages, \d+\.\d kB$/),
      expect.stringMatching(/^dist\/school-support-staff\.pdf {2}\d+ pages, \d+\.\d kB$/),
    ]);
    for (const name of ['city-budget', 'school-support-staff']) {
      const file = join(project, 'dist', `${name}.pdf`);
      const info = await pdfinfo(file);
      expect(out.join('\n')).toContain(`${name}.pdf  ${info.Pages} pages`);
    }
    // Nothing half-written or temporary left beside the PDFs.
    expect(readdirSync(join(project, 'dist')).sort()).toEqual([
      'city-budget.pdf',
      'school-support-staff-handout.pdf',
      'school-support-staff.pdf',
    ]);
  });

  for (const name of ['city-budget', 'school-support-staff']) {
    it(`${name}: one page per slide, each with its title and every step shown; the deck's title and language; tagged`, async () => {
      const file = join(project, 'dist', `${name}.pdf`);
      const deck = await slidesOf(name);
      const info = await pdfinfo(file);
      expect(Number(info.Pages)).toBe(deck.slides.length);
      expect(info.Title).toBe(deck.title);
      expect(info.Tagged).toBe('yes');
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes).toContain(`/Lang (${deck.lang})`);
      expect(bytes).toMatch(/\/Type\s*\/Outlines/);
      const pages = await pagesText(file);
      expect(pages).toHaveLength(deck.slides.length);
      deck.slides.forEach((slide, index) => {
        expect(slide.title).not.toBe('');
        expect(compact(pages[index]), `page ${index + 1}`).toContain(compact(slide.title));
        for (const step of slide.fragments) expect(compact(pages[index]), `page ${index + 1}`).toContain(compact(step));
      });
    });
  }

  it('draws the charts on their pages, sharp: embedded at print resolution, drawn, and shown', async () => {
    const name = 'school-support-staff';
    const file = join(project, 'dist', `${name}.pdf`);
    const { slides } = await slidesOf(name);
    const chartPages = slides.flatMap((slide, index) => (slide.hasChart ? [index + 1] : []));
    expect(chartPages.length).toBeGreaterThanOrEqual(2);
    for (const page of chartPages) {
      const images = await chartImages(file, page);
      expect(images, `page ${page}`).toHaveLength(1);
      expect(images[0].ppi, `page ${page}`).toBeGreaterThanOrEqual(200);
      expect(images[0].drawn, `page ${page}`).toBeGreaterThan(10_000);
      expect(await colouredPixels(file, page), `page ${page}`).toBeGreaterThan(1000);
    }
    // The same measure on the title page, which has no chart, finds next to nothing.
    expect(await colouredPixels(file, 1)).toBeLessThan(100);
  });

  it('--steps gives a page per step of the slides that reveal their points one at a time', async () => {
    const { code, out } = exported.steps;
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^steps\/school-support-staff\.pdf {2}\d+ pages/)]);
    const { slides } = await slidesOf('school-support-staff');
    const steps = slides.reduce((sum, slide) => sum + slide.fragments.length, 0);
    expect(steps).toBeGreaterThan(0);
    const file = join(project, 'steps', 'school-support-staff.pdf');
    expect(Number((await pdfinfo(file)).Pages)).toBe(slides.length + steps);
    // The first page of a stepped slide shows none of its steps yet; its last page shows them all.
    const pages = await pagesText(file);
    const stepped = slides.findIndex((slide) => slide.fragments.length > 0);
    const first = stepped;
    const last = stepped + slides[stepped].fragments.length;
    expect(compact(pages[first])).toContain(compact(slides[stepped].title));
    expect(compact(pages[first])).not.toContain(compact(slides[stepped].fragments[0]));
    for (const step of slides[stepped].fragments) expect(compact(pages[last])).toContain(compact(step));
  });

  it('--handout puts each slide with its speaker notes beneath it on a letter page, sources last', async () => {
    const { code, out, err } = exported.handout;
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^dist\/school-support-staff-handout\.pdf {2}\d+ pages, \d+\.\d kB$/)]);
    const file = join(project, 'dist', 'school-support-staff-handout.pdf');
    const info = await pdfinfo(file);
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    expect(info.Title).toBe('Students need support staff');
    const { slides } = await slidesOf('school-support-staff');
    expect(slides.filter((slide) => slide.notes !== '').length).toBeGreaterThanOrEqual(slides.length - 1);
    const pages = await pagesText(file);
    expect(pages).toHaveLength(slides.length);
    slides.forEach((slide, index) => {
      expect(compact(pages[index]), `page ${index + 1}`).toContain(compact(slide.title));
      expect(compact(pages[index]), `page ${index + 1}`).toContain(compact(slide.notes));
    });
    // The deck's own Sources slide ends the handout, once.
    expect(slides.at(-1)?.title).toBe('Sources');
    // A page begins with its heading (after the page number printed top-right).
    expect(
      pages.filter((page) =>
        compact(page)
          .replace(/^\d+\s*/, '')
          .startsWith('Sources'),
      ),
    ).toHaveLength(1);
    expect(compact(pages.at(-1)!)).toMatch(/^\d*Sources1\.ACLU/);
  });

  it('explains its options', async () => {
    const { out, io: streams } = io();
    expect(await run(['pdf', '--help'], streams)).toBe(0);
    expect(out.join('\n')).toMatch(/--handout/);
    expect(out.join('\n')).toMatch(/--chrome <path>/);
    expect(await run(['--help'], streams)).toBe(0);
    expect(out.join('\n')).toMatch(/podium pdf \[decks…\]/);
  });

  it('refuses --out for several decks or naming a folder, and --handout with --steps, with exit code 2', async () => {
    const several = io();
    expect(await run(['pdf', 'decks', '--out', 'both.pdf'], several.io)).toBe(2);
    expect(several.err.join('\n')).toMatch(/--out names one PDF, but 2 decks were given/);
    const both = io();
    expect(await run(['pdf', 'decks/school-support-staff.mdx', '--handout', '--steps'], both.io)).toBe(2);
    expect(both.err.join('\n')).toMatch(/--handout shows each slide complete/);
    expect(existsSync(join(project, 'both.pdf'))).toBe(false);
    const folder = io();
    expect(await run(['pdf', 'decks/school-support-staff.mdx', '--out', 'decks'], folder.io)).toBe(2);
    expect(folder.err.join('\n')).toMatch(/--out names the PDF file to write, but decks is a folder/);
  });

  it('without a Chromium, says how to install one and exits 1', async () => {
    const named = io();
    expect(
      await run(['pdf', 'decks/school-support-staff.mdx', '--chrome', '/nonexistent', '--out', 'none.pdf'], named.io),
    ).toBe(1);
    expect(named.err.join('\n')).toMatch(/^No Chromium found at \/nonexistent \(--chrome\)/);
    expect(named.err.join('\n')).toContain(chromiumInstallCommand);
    const fromEnv = io();
    expect(
      await run(['pdf', 'decks/school-support-staff.mdx', '--out', 'none.pdf'], {
        ...fromEnv.io,
        env: { CHROME_PATH: '/nonexistent' },
      } as typeof fromEnv.io),
    ).toBe(1);
    expect(fromEnv.err.join('\n')).toMatch(/^No Chromium found at \/nonexistent \(CHROME_PATH\)/);
    expect(fromEnv.err.join('\n')).toContain(chromiumInstallCommand);
    expect(existsSync(join(project, 'none.pdf'))).toBe(false);
  });
});

describe('podium pdf with a broken deck', () => {
  let brokenProject: string;
  beforeAll(() => {
    brokenProject = mkdtempSync(join(tmpdir(), 'podium-pdf-broken-'));
    mkdirSync(join(brokenProject, 'decks'));
    writeFileSync(join(brokenProject, 'decks', 'broken.mdx'), broken);
    writeFileSync(join(brokenProject, 'decks', 'good.mdx'), good);
  });
  afterAll(() => rmSync(brokenProject, { recursive: true, force: true }));

  it('reports it at file:line:column, writes no PDF for it, exits 1 and still exports the others', async () => {
    const { out, err, io: streams } = io(brokenProject);
    expect(await run(['pdf'], streams)).toBe(1);
    const report = err.join('\n');
    expect(report).toMatch(/^decks\/broken\.mdx:7:1: Prop "values" on <BarChart>: has 1 values but 2 labels/);
    expect(report).toMatch(/> 7 \| <BarChart/);
    expect(report).toMatch(/1 of 2 decks failed to export\./);
    expect(out).toEqual([expect.stringMatching(/^dist\/good\.pdf {2}2 pages, /)]);
    expect(readdirSync(join(brokenProject, 'dist'))).toEqual(['good.pdf']);
  });
});

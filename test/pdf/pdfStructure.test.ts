import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Element, ElementContent } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';
import { PdfExporter } from '../../src/pdf/pdfExporter.ts';
import { launchChromium } from '../support/browser.ts';
import { allElements, pdfStructure, type StructElement, unreadText } from '../support/pdfStructure.ts';

// The PDF's tags are what a screen reader reads in a board packet: Chromium writes them from the
// page's accessibility tree; poppler (pdfinfo, pdftohtml) reads them back as any PDF reader would.
const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const deckFile = join(root, 'decks', 'school-support-staff.mdx');

interface Slide {
  heading: { type: string; text: string };
  /** The chart summaries (each canvas's accessible name), in order. */
  chartSummaries: string[];
  tables: number;
  links: number;
  notesLinks: number;
  notesParagraphs: string[];
}

let folder: string;
let slides: Slide[];
const pdfs: Record<'slides' | 'handout', { file: string; structure: StructElement }> = Object.create(null);

beforeAll(async () => {
  for (const tool of ['pdfinfo', 'pdftohtml']) {
    await exec(tool, ['-v']).catch(() => {
      throw new Error(
        `This test reads PDFs with ${tool}, from poppler-utils. Install it with:\n  sudo apt-get install poppler-utils`,
      );
    });
  }
  folder = mkdtempSync(join(tmpdir(), 'podium-pdf-structure-'));
  const { deck, html } = await buildDeck(deckFile, resolveConfig({ root, outDir: folder }));
  slides = deck.slides.map(slideOf);
  const total = (count: (slide: Slide) => number) => slides.reduce((sum, slide) => sum + count(slide), 0);
  const needs: [string, number, number][] = [
    ['slides', slides.length, 8],
    ['charts', total((slide) => slide.chartSummaries.length), 2],
    ['tables', total((slide) => slide.tables), 2],
    ['links', total((slide) => slide.links), 10],
    ['slides with notes', total((slide) => Math.sign(slide.notesParagraphs.length)), slides.length - 1],
  ];
  for (const [what, count, least] of needs) {
    if (count < least) throw new Error(`This test reads ${least} or more ${what} in ${deckFile}; it has ${count}.`);
  }
  // `podium pdf`'s exporter, with one Chromium for both PDFs.
  const exporter = new PdfExporter(await launchChromium());
  try {
    for (const [name, handout] of [['slides', false] as const, ['handout', true] as const]) {
      const file = join(folder, `${name}.pdf`);
      writeFileSync(file, (await exporter.export(html, { handout })).pdf);
      pdfs[name] = { file, structure: await pdfStructure(file) };
    }
  } finally {
    await exporter.close();
  }
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the PDF and the handout are tagged on every page', () => {
  for (const name of ['slides', 'handout'] as const) {
    it(`${name}: each page has its slide's heading (H1, H2), charts as Figures with the summary as /Alt, its tables and links`, () => {
      const elements = allElements(pdfs[name].structure);
      const onPage = (page: number, ...types: string[]) =>
        elements.filter((element) => types.includes(element.type) && element.pages[0] === page);
      slides.forEach((slide, index) => {
        const page = index + 1;
        const where = `${name}, page ${page}`;
        const headings = onPage(page, 'H1', 'H2');
        expect(
          headings.map((heading) => heading.type),
          where,
        ).toEqual([slide.heading.type]);
        expect(readsAs(headings[0].text, slide.heading.text), `${where}: "${headings[0].text}"`).toBe(true);
        expect(
          onPage(page, 'Figure').map((figure) => figure.alt),
          where,
        ).toEqual(slide.chartSummaries);
        expect(onPage(page, 'Table'), where).toHaveLength(slide.tables);
        const links = slide.links + (name === 'handout' ? slide.notesLinks : 0);
        expect(onPage(page, 'Link'), where).toHaveLength(links);
      });
      // A Figure is a picture with its text alternative; nothing else is tagged as one.
      expect(elements.filter((element) => element.type === 'Figure' && !element.alt)).toEqual([]);
    });

    it(`${name}: the outline has an entry for each slide, at its page`, async () => {
      const entries = await outline(pdfs[name].file);
      slides.forEach((slide, index) => {
        const entry = entries.find(
          (item) => item.page === index + 1 && compact(item.title) === compact(slide.heading.text),
        );
        expect(entry, `${name}: no outline entry "${slide.heading.text}" at page ${index + 1}`).toBeDefined();
      });
    });
  }

  it("handout: each slide's speaker notes are tagged paragraphs (P) after its heading, on its page", () => {
    const elements = allElements(pdfs.handout.structure);
    const headingAt = slides.map((_, index) =>
      elements.findIndex((element) => ['H1', 'H2'].includes(element.type) && element.pages[0] === index + 1),
    );
    expect(headingAt.every((at) => at >= 0)).toBe(true);
    slides.forEach((slide, index) => {
      const after = elements.slice(headingAt[index], headingAt[index + 1] ?? elements.length);
      const paragraphs = after.filter((element) => element.type === 'P' && element.pages[0] === index + 1);
      for (const note of slide.notesParagraphs) {
        const tagged = paragraphs.some((paragraph) => readsAs(paragraph.text, note));
        expect(tagged, `page ${index + 1}: no P reads "${note.slice(0, 60)}…"`).toBe(true);
      }
    });
  });
});

/** What the built slide holds, read from the same build the PDFs print. */
function slideOf(section: Element): Slide {
  const notes = findAll(section, (node) => node.tagName === 'aside' && classes(node).includes('notes'));
  const inNotes = new Set(notes.flatMap((aside) => findAll(aside, () => true)));
  const onSlide = (test: (node: Element) => boolean) => findAll(section, (node) => test(node) && !inNotes.has(node));
  const heading = onSlide((node) => node.tagName === 'h1' || node.tagName === 'h2')[0];
  const isLink = (node: Element) => node.tagName === 'a' && node.properties.href !== undefined;
  return {
    heading: { type: heading.tagName.toUpperCase(), text: textOf(heading) },
    chartSummaries: onSlide((node) => node.tagName === 'canvas').map((canvas) => String(canvas.properties.ariaLabel)),
    tables: onSlide((node) => node.tagName === 'table').length,
    links: onSlide(isLink).length,
    notesLinks: [...inNotes].filter(isLink).length,
    notesParagraphs: [...inNotes].filter((node) => node.tagName === 'p').map(textOf),
  };
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function findAll(node: Element, test: (element: Element) => boolean): Element[] {
  return node.children.flatMap((child) =>
    child.type === 'element' ? [...(test(child) ? [child] : []), ...findAll(child, test)] : [],
  );
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || node.tagName === 'script') return '';
  return node.children.map(textOf).join('');
}

/** Text compared whatever the line breaks, spacing and ligatures (ﬀ is ff). */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Whether tagged text reads as expected, where poppler could read it (see unreadText). */
function readsAs(tagged: string, expected: string): boolean {
  const parts = tagged.split(unreadText).map(compact);
  if (parts.join('') === '') return false;
  const pattern = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(compact(expected));
}

/** The PDF's bookmarks (pdftohtml's XML <outline>), at every level, with their pages. */
async function outline(file: string): Promise<{ page: number; title: string }[]> {
  const { stdout } = await exec('pdftohtml', ['-stdout', '-xml', '-i', '-q', file], { maxBuffer: 20_000_000 });
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...stdout.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((match) => ({
    page: Number(match[1]),
    title: match[2].replace(/&(#\d+|\w+);/g, (whole, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name] ?? whole),
    ),
  }));
}

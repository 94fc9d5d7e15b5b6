import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';

// The warnings that need Chromium to measure slides: `podium build --check` and `podium pdf`.
const bullets = Array.from({ length: 20 }, (_, i) => `- Point ${i + 1}`).join('\n');
const tall = `---\ntitle: Too much\n---\n\n# Hello\n\n---\n\n## Too much\n\n${bullets}\n`;

let project: string;

/** Both streams in the order written, so a test can tell what came after what. */
function inOrder() {
  const lines: string[] = [];
  const err: string[] = [];
  const io = {
    out: (line: string) => lines.push(line),
    err: (line: string) => {
      lines.push(line);
      err.push(line);
    },
    cwd: project,
  };
  return { lines, err, io };
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-cli-chromium-'));
  mkdirSync(join(project, 'decks'));
  writeFileSync(join(project, 'decks', 'good.mdx'), '---\ntitle: A good deck\n---\n\n# Hello\n');
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('slides too tall', () => {
  it('with --check, measures each slide in Chromium and warns about one too tall, naming it', async () => {
    writeFileSync(join(project, 'decks', 'tall.mdx'), tall);
    const { lines, io: streams } = inOrder();
    expect(await run(['build', '--check'], streams)).toBe(0);
    expect(lines[0]).toMatch(/^dist\/good\.html/);
    expect(lines[1]).toMatch(/^dist\/tall\.html/);
    expect(lines[2]).toMatch(
      /^decks\/tall\.mdx:9:1: warning: Slide 2, "Too much", is \d+ px taller than the slide area; when presenting, its bottom shows only when the slide is scrolled\n/,
    );
    expect(lines[2]).toMatch(/> +9 \| ## Too much/);
    expect(lines).toHaveLength(3);
  }, 30_000);

  it('podium pdf always warns about a slide too tall; with --strict it writes no PDF and exits 1', async () => {
    writeFileSync(join(project, 'decks', 'tall.mdx'), tall);
    const { lines, io: streams } = inOrder();
    expect(await run(['pdf', 'decks/tall.mdx', '--out', 'tall.pdf'], streams)).toBe(0);
    expect(lines[0]).toMatch(/^tall\.pdf {2}\d+ pages?/);
    expect(lines[1]).toMatch(
      /^decks\/tall\.mdx:9:1: warning: Slide 2, "Too much", is \d+ px taller than the slide area/,
    );
    const strict = inOrder();
    expect(await run(['pdf', 'decks/tall.mdx', '--out', 'strict.pdf', '--strict'], strict.io)).toBe(1);
    expect(strict.err.join('\n')).toMatch(/decks\/tall\.mdx: not written: --strict counts warnings as errors\./);
    expect(readdirSync(project).filter((name) => name.endsWith('.pdf'))).toEqual(['tall.pdf']);
  }, 60_000);

  it('with --og-image, measures the slides in the page that draws the title slide; --strict leaves neither file', async () => {
    writeFileSync(
      join(project, 'decks', 'tall.mdx'),
      `---\ntitle: Too much\nurl: https://example.org/tall.html\n---\n\n# Hello\n\n---\n\n## Too much\n\n${bullets}\n`,
    );
    const { lines, io: streams } = inOrder();
    expect(await run(['build', 'decks/tall.mdx', '--og-image'], streams)).toBe(0);
    expect(lines[0]).toMatch(/^dist\/tall\.html {2}.*, with tall\.png$/);
    expect(lines[1]).toMatch(
      /^decks\/tall\.mdx:10:1: warning: Slide 2, "Too much", is \d+ px taller than the slide area/,
    );
    rmSync(join(project, 'dist'), { recursive: true });
    const strict = inOrder();
    expect(await run(['build', 'decks/tall.mdx', '--og-image', '--strict'], strict.io)).toBe(1);
    expect(strict.err.join('\n')).toMatch(/decks\/tall\.mdx: not written: --strict counts warnings as errors\./);
    expect(readdirSync(join(project, 'dist'))).toEqual([]);
  }, 60_000);
});

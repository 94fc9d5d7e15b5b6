import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { recordedIo } from '../support/io.ts';

let project: string;

const io = () => recordedIo(project);

const deck = (title: string, lang: string, translation: string) =>
  `---\ntitle: ${title}\nlang: ${lang}\ntranslation: ${translation}\n---\n\n<TitleSlide />\n`;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-translation-'));
  mkdirSync(join(project, 'decks', 'es'), { recursive: true });
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('frontmatter translation:', () => {
  it('links both built decks to each other on the title slide and in the head', async () => {
    writeFileSync(join(project, 'decks', 'comment.mdx'), deck('Open on Saturdays', 'en', './es/comentario.mdx'));
    writeFileSync(join(project, 'decks', 'es', 'comentario.mdx'), deck('Abrir los sábados', 'es', '../comment.mdx'));
    const { err, io: streams } = io();
    expect(await run(['build', 'decks/comment.mdx', 'decks/es/comentario.mdx'], streams)).toBe(0);
    expect(err).toEqual([]);
    const english = readFileSync(join(project, 'dist', 'comment.html'), 'utf8');
    const spanish = readFileSync(join(project, 'dist', 'comentario.html'), 'utf8');
    expect(english).toContain('<link rel="alternate" hreflang="es" href="comentario.html">');
    expect(english).toContain('<a href="comentario.html" hreflang="es" lang="es">Español</a>');
    expect(spanish).toContain('<link rel="alternate" hreflang="en" href="comment.html">');
    expect(spanish).toContain('<a href="comment.html" hreflang="en" lang="en">English</a>');
    // Each link lives in the head once and on the title slide once, not elsewhere.
    expect(english.match(/href="comentario\.html"/g)).toHaveLength(2);
  });

  it('fails at the key when the translation does not exist, and writes nothing', async () => {
    writeFileSync(join(project, 'decks', 'comment.mdx'), deck('Open on Saturdays', 'en', './comentario.mdx'));
    const { err, io: streams } = io();
    expect(await run(['build', 'decks/comment.mdx'], streams)).toBe(1);
    expect(err.join('\n')).toMatch(/^decks\/comment\.mdx:4:1: Cannot find the translation "\.\/comentario\.mdx"/);
    expect(err.join('\n')).toMatch(/> 4 \| translation: \.\/comentario\.mdx/);
  });
});

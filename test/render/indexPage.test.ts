import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { indexDocument, type IndexEntry } from '../../src/render/indexPage.ts';

const entry = (title: string, lang: string): IndexEntry => ({
  title,
  meeting: 'Junta escolar',
  lang,
  fileName: `${title.toLowerCase()}.html`,
  bytes: 420_000,
});

describe('the index page', () => {
  it("speaks the decks' language when they share one", () => {
    const page = toHtml(indexDocument([entry('Norte', 'es'), entry('Oeste', 'es')]));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('<h1>Presentaciones</h1>');
    expect(page).toContain('Reunión');
    expect(page).toContain('español');
    expect(page).not.toMatch(/\b(Decks|Meeting|Language|File size)\b/);
  });

  it('is in English when the decks are in several languages', () => {
    const page = toHtml(indexDocument([entry('Norte', 'es'), entry('North', 'en')]));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Decks</h1>');
    expect(page).toContain('2 slide decks, each one file that opens anywhere.');
  });
});

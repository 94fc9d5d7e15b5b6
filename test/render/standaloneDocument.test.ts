import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptJson } from '../../src/compile/components/chartFigure.ts';
import { DeckError } from '../../src/compile/deckError.ts';
import { diskFiles } from '../../src/compile/deckFiles.ts';
import { compileDeck } from '../../src/compile/index.ts';
import { deckDocument, documentFile, documentHtml, standaloneDocument } from '../../src/render/standaloneDocument.ts';
import { loadTheme } from '../../src/render/theme.ts';

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'podium-render-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function thrown(action: () => unknown): DeckError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return error as DeckError;
  }
  throw new Error('expected a DeckError, but nothing was thrown');
}

const logo = '<svg xmlns="http://www.w3.org/2000/svg"/>';

/** A deck compiled from its text, beside any files it uses (a logo). */
async function deckFrom(source: string, files: Record<string, string> = {}) {
  const dir = project({ 'deck.mdx': source, ...files });
  return compileDeck({ file: join(dir, 'deck.mdx'), root: dir, publicDir: join(dir, 'public') });
}

describe('standaloneDocument', () => {
  it('inlines the runtime, reveal CSS and theme, with lang, title and description', async () => {
    const deck = await deckFrom(
      '---\ntitle: Budget 2027\nlang: es\nsubtitle: Propuesta\nmeeting: Concejo municipal\n---\n\n# Hola\n',
    );
    const html = standaloneDocument(deck, {
      runtimeScript: 'window.ran=1',
      runtimeStyle: '.reveal{}',
      themeStyle: ':root{}',
    });
    expect(html.replaceAll('&#x27;', "'")).toMatch(
      /^<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; /,
    );
    expect(html).toContain('<title>Budget 2027</title>');
    expect(html).toContain('<meta name="description" content="Propuesta · Concejo municipal">');
    expect(html).toContain('<script>window.ran=1</script>');
    expect(html).toContain('<style>.reveal{}</style><style data-theme="civic">:root{}</style>');
    expect(html).toMatch(
      /<div class="reveal" data-deck="[\w-]{16}" data-aspect="16:9"><div class="slides"><section><h1>Hola<\/h1><\/section><\/div><\/div>/,
    );
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/);
  });

  it('writes the aspect, and the logo and footer once, in the slide box before the slides, escaped', async () => {
    const deck = await deckFrom(
      '---\ntitle: t\nlogo: ./logo.svg\nlogoAlt: "<b>Riverbend</b>"\nfooter: "Families & <i>friends</i>"\naspect: "4:3"\n---\n\n# x\n',
      { 'logo.svg': logo },
    );
    const html = standaloneDocument(deck, { runtimeScript: '', runtimeStyle: '', themeStyle: '' });
    expect(html).toMatch(
      /<div class="reveal" data-deck="[\w-]{16}" data-aspect="4:3"><div class="slides"><div class="podium-brand"><img class="podium-brand-logo" src="data:image\/svg\+xml;base64,[\w+/=]+" alt="<b>Riverbend<\/b>"><p class="podium-brand-footer">Families &#x26; &#x3C;i>friends&#x3C;\/i><\/p><\/div><section>/,
    );
    const titleOnly = await deckFrom('---\ntitle: t\nfooter: F\n---\n\n# x\n');
    expect(standaloneDocument(titleOnly, { runtimeScript: '', runtimeStyle: '', themeStyle: '' })).toContain(
      '<div class="slides"><div class="podium-brand"><p class="podium-brand-footer">F</p></div><section>',
    );
  });

  it('stamps the slides, so a speaker view can tell a build from another', async () => {
    const parts = { runtimeScript: '', runtimeStyle: '', themeStyle: '' };
    const stamp = async (source: string) =>
      /data-deck="([^"]+)"/.exec(standaloneDocument(await deckFrom(source), parts))?.[1];
    const first = await stamp('---\ntitle: t\n---\n\n# One\n');
    expect(first).toMatch(/^[\w-]{16}$/);
    expect(await stamp('---\ntitle: t\n---\n\n# One\n')).toBe(first);
    expect(await stamp('---\ntitle: t\n---\n\n# One, edited\n')).not.toBe(first);
  });

  it('writes the slides as serializing the whole tree would, even after the tree changed', async () => {
    const deck = await deckFrom(
      '---\ntitle: t\nlogo: ./logo.svg\nlogoAlt: Riverbend\nfooter: "Families & friends"\n---\n\n# Café <b>&</b> \u{1F3EB}\n\n<BarChart title="Staff" labels={["a", "b"]} values={[1, 2]} unit="staff" source="s" />\n\n---\n\n## Two\n\n<span className="fragment">x < y</span> [a link](https://example.org/?a=1&b=2)\n',
      { 'logo.svg': logo },
    );
    const large = { runtimeScript: `var a=${'1'.repeat(20_000)};`, runtimeStyle: '.r{}', themeStyle: ':root{}' };
    const document = deckDocument(deck, large);
    const whole = () => toHtml(document, { upperDoctype: true });
    const before = whole();
    expect(before).toContain('<div class="podium-brand">');
    expect(before).toContain('podium-chart-config');
    expect(documentHtml(document)).toBe(before);
    // Serializing leaves the tree as it was.
    expect(whole()).toBe(before);
    expect(documentFile(document).html).toBe(before);

    // A slide taken out of the tree after it was made: the text kept for the slides no longer holds.
    const slides = document.children
      .flatMap((node) => (node.type === 'element' ? [node] : []))[0]!
      .children.flatMap((node) => (node.type === 'element' && node.tagName === 'body' ? node.children : []))
      .flatMap((node) => (node.type === 'element' ? node.children : []))
      .find((node) => node.type === 'element' && node.properties.className?.toString() === 'slides');
    if (slides?.type !== 'element') throw new Error('no slides element');
    slides.children.pop();
    const changed = whole();
    expect(changed).not.toBe(before);
    expect(documentHtml(document)).toBe(changed);
  });

  it('keeps an end tag inside inlined script or style from closing it early', async () => {
    const deck = await deckFrom('---\ntitle: t\n---\n\n# x\n');
    const html = standaloneDocument(deck, {
      runtimeScript: 'var s="</script><b>";',
      runtimeStyle: 'a::after{content:"</style>"}',
      themeStyle: '',
    });
    expect(html).toContain('<script>var s="<\\/script><b>";</script>');
    expect(html).toContain('content:"<\\/style>"');
  });
});

describe('scriptJson', () => {
  it('keeps </script> and line separators in data inert while staying valid JSON', () => {
    const value = { label: '</script><script>alert(1)</script>', odd: '\u2028' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/<|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('loadTheme', () => {
  it('refuses a theme that would load a remote file, at its file:line:column', async () => {
    const deck = await deckFrom('---\ntitle: t\ntheme: remote\n---\n\n# x\n');
    const themes = project({ 'remote.css': ':root { color: black; }\n@import url("https://fonts.example/css");\n' });
    const error = thrown(() => loadTheme(deck, [themes], diskFiles([themes])));
    expect(error.format(themes)).toMatch(/^remote\.css:2:1: The theme loads another file \(@import/);
  });

  it('minifies the theme, and reports broken CSS at its file:line:column', async () => {
    const deck = await deckFrom('---\ntitle: t\ntheme: mine\n---\n\n# x\n');
    const good = project({ 'mine.css': '/* why */\n.reveal {\n  color: #141414;\n}\n' });
    expect(loadTheme(deck, [good], diskFiles([good])).css).toBe('.reveal{color:#141414}');
    const broken = project({
      'mine.css': '.reveal { color: black; }\n@media screen and ( {\n  h1 { color: red; }\n}\n',
    });
    expect(thrown(() => loadTheme(deck, [broken], diskFiles([broken]))).format(broken)).toMatch(
      /^mine\.css:2:\d+: The theme's CSS is invalid: Invalid media query/,
    );
  });

  it('names the deck line of an unknown theme', async () => {
    const deck = await deckFrom('---\ntitle: t\ntheme: civc\n---\n\n# x\n');
    const empty = project({});
    const error = thrown(() => loadTheme(deck, [empty], diskFiles([empty])));
    expect(error.place).toMatchObject({ line: 3, column: 1 });
    expect(error.message).toBe('Unknown theme "civc"');
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { checkAllowList } from '../../src/compile/allowList.ts';
import { DeckError } from '../../src/compile/deckError.ts';
import { compileDeck, type Deck } from '../../src/compile/index.ts';
import { sanitizeSlides } from '../../src/compile/slideSchema.ts';
import { standaloneDocument } from '../../src/render/standaloneDocument.ts';
import { locales } from '../../src/locale/index.ts';

// Each case is a deck whose line 7 holds what the deck tries; `at` is where the build must point.
const pixel = 'data:image/png;base64,iVBORw0KGgo=';
const deckWith = (line: string) => `---\ntitle: A deck\n---\n\n# One\n\n${line}\n`;

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-allow-list-'));
  mkdirSync(join(project, 'decks', 'data'), { recursive: true });
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

async function build(deck: string): Promise<{ code: number; report: string }> {
  writeFileSync(join(project, 'decks', 'deck.mdx'), deck);
  const err: string[] = [];
  const code = await run(['build'], { out: () => {}, err: (line) => err.push(line), cwd: project });
  return { code, report: err.join('\n') };
}

async function expectRefused(deck: string, at: string, message: RegExp) {
  const { code, report } = await build(deck);
  expect(code).toBe(1);
  expect(report.split('\n')[0]).toMatch(new RegExp(`^decks/deck\\.mdx:${at}: `));
  expect(report).toMatch(message);
  expect(existsSync(join(project, 'dist', 'deck.html'))).toBe(false);
}

const active: Array<[string, string, RegExp]> = [
  [
    'meta',
    '<meta httpEquiv="refresh" content="0;url=http://x" />',
    /<meta> is not allowed on a slide: it can reload the page or send the reader to another address/,
  ],
  ['script', '<script>{"alert(1)"}</script>', /<script> is not allowed on a slide: it runs code/],
  [
    'iframe',
    '<iframe src="https://example.org" />',
    /<iframe> is not allowed on a slide: it loads another page into the slide/,
  ],
  [
    'object',
    '<object data="https://example.org/x.swf" />',
    /<object> is not allowed on a slide: it loads and runs a plug-in/,
  ],
  [
    'embed',
    '<embed src="https://example.org/x.swf" />',
    /<embed> is not allowed on a slide: it loads and runs a plug-in/,
  ],
  [
    'link',
    '<link rel="stylesheet" href="https://example.org/x.css" />',
    /<link> is not allowed on a slide: it loads a file from an address/,
  ],
  [
    'style',
    '<style>{"body{background:url(https://example.org/t.png)}"}</style>',
    /<style> is not allowed on a slide: its CSS applies to the whole page[\s\S]*theme: in the frontmatter/,
  ],
  [
    'form',
    '<form action="https://example.org/collect"><p>x</p></form>',
    /<form> is not allowed on a slide: it sends what is typed in it to an address/,
  ],
  [
    'base',
    '<base href="https://example.org/" />',
    /<base> is not allowed on a slide: it changes where every link in the deck leads/,
  ],
];

const media: Array<[string, string]> = [
  ['video', '<video src="https://example.org/talk.mp4" />'],
  ['audio', '<audio src="https://example.org/talk.mp3" />'],
  ['source', '<source src="https://example.org/talk.mp4" />'],
  ['track', '<track src="https://example.org/talk.vtt" />'],
  ['picture', '<picture><img src="photo.png" alt="" /></picture>'],
];

describe('elements that could load, navigate or run something are refused at their place', () => {
  for (const [name, markup, message] of active) {
    it(`<${name}> written as markup`, () => expectRefused(deckWith(markup), '7:1', message));
    // Braces bypass the Markdown-level check: the pass over the finished slides must catch it.
    it(`<${name}> written as JSX in braces`, () => expectRefused(deckWith(`{${markup}}`), '7:2', message));
  }

  it('a <button> or <input> written in the deck, which only Podium and task lists may make', async () => {
    await expectRefused(
      deckWith('{<button type="button">Go</button>}'),
      '7:2',
      /<button> is not allowed on a slide: it is a form control/,
    );
    await expectRefused(
      deckWith('{<input type="text" name="email" />}'),
      '7:2',
      /<input> is not allowed on a slide: it is a form field[\s\S]*- \[ \] item/,
    );
  });

  it('a script dressed as a chart config, in braces', () =>
    expectRefused(
      deckWith(
        '<figure className="podium-chart">{<script type="application/json" className="podium-chart-config">{"{}"}</script>}</figure>',
      ),
      '7:35',
      /<script> is not allowed on a slide: it runs code/,
    ));

  it('an element a data file shapes like a node', async () => {
    writeFileSync(
      join(project, 'decks', 'data', 'page.json'),
      JSON.stringify({
        node: {
          type: 'element',
          tagName: 'meta',
          properties: { httpEquiv: 'refresh', content: '0;url=http://x' },
          children: [],
        },
      }),
    );
    // Data stays data: the value is refused where the deck shows it, before any element is made.
    await expectRefused(
      `---\ntitle: A deck\n---\nimport page from './data/page.json'\n\n# One\n\n{page.node}\n`,
      '8:2',
      /`page.node` is an object with type, tagName, properties, children, not text/,
    );
  });
});

describe('media and remote images are refused: a shared deck carries its images and loads nothing', () => {
  for (const [name, markup] of media) {
    const message = new RegExp(
      `<${name}> is not supported in a shared deck: a [a-z ]+ would have to be carried in the file or loaded from the network`,
    );
    it(`<${name}> written as markup`, () => expectRefused(deckWith(markup), '7:1', message));
    it(`<${name}> written as JSX in braces`, () => expectRefused(deckWith(`{${markup}}`), '7:2', message));
  }

  it('an image whose address comes from an expression', () =>
    expectRefused(
      deckWith('<img src={"http://tracker.example/p.png"} alt="" />'),
      '7:1',
      /Image "http:\/\/tracker\.example\/p\.png" is on the network\n.*write its path as text/,
    ));

  it('an image whose path comes from an expression, which cannot be embedded', () =>
    expectRefused(
      deckWith('<img src={"images/map.png"} alt="" />'),
      '7:1',
      /Image "images\/map\.png" was not embedded: its path came from an expression/,
    ));

  it('an image with srcSet', () =>
    expectRefused(
      deckWith(`<img src="${pixel}" srcSet="https://example.org/big.png 2x" alt="" />`),
      '7:1',
      /srcSet on <img> is not supported: the browser would choose among images to load by address/,
    ));
});

describe('attributes that run code or lead to code are refused', () => {
  it('a javascript: link', () =>
    expectRefused(
      deckWith('<a href="javascript:alert(1)">Budget</a>'),
      '7:1',
      /<a href="javascript:alert\(1\)"> is not allowed: a javascript: address runs code/,
    ));

  it('a data: link given by an expression', () =>
    expectRefused(
      deckWith('<a href={"data:text/html,<script>alert(1)</script>"}>Budget</a>'),
      '7:1',
      /<a href="data:text\/html,<script>alert\(1\)<\/script>"> is not allowed: a data: address opens a page/,
    ));

  it('a file: link', () =>
    expectRefused(
      deckWith('[notes](file:///etc/passwd)'),
      '7:1',
      /<a href="file:\/\/\/etc\/passwd"> is not a link a shared deck can follow/,
    ));

  it('a link with no scheme that reaches another host, or hides one', async () => {
    // From a file:// page, //host/share is a network share.
    await expectRefused(
      deckWith('<a href="//fileserver.example/share">x</a>'),
      '7:1',
      /is not a link a shared deck can follow/,
    );
    await expectRefused(
      deckWith('<a href={"java\tscript:alert(1)"}>x</a>'),
      '7:1',
      /is not allowed: a javascript: address runs code/,
    );
  });

  it('an onClick handler', () =>
    expectRefused(deckWith('<p onClick="alert(1)">Budget</p>'), '7:1', /onClick on <p> is not allowed: it runs code/));

  it('an onError handler', () =>
    expectRefused(
      deckWith(`<img src="${pixel}" onError="alert(1)" alt="" />`),
      '7:1',
      /onError on <img> is not allowed: it runs code/,
    ));

  it('a style that loads a file, and one spelt with an escape', async () => {
    await expectRefused(
      deckWith('<p style={{ background: "url(https://tracker.example/p.png)" }}>x</p>'),
      '7:1',
      /The style of <p> could load a file/,
    );
    await expectRefused(
      deckWith('<p style={{ background: "\\\\75 rl(https://tracker.example/p.png)" }}>x</p>'),
      '7:1',
      /The style of <p> uses a CSS escape/,
    );
  });

  it('a data- attribute reveal.js would load from', () =>
    expectRefused(
      deckWith('<div data-background-image="https://tracker.example/p.png">x</div>'),
      '7:1',
      /data-background-image on <div> is not allowed\n.*reveal\.js acts on data- attributes/,
    ));
});

it('builds the plain HTML and Markdown a deck may write', async () => {
  const { code } = await build(
    deckWith(
      `<p className="fragment" style={{ textAlign: 'left' }}>A <small>b</small> <mark>c</mark> <abbr title="d">e</abbr> [f](https://example.org) [g](#/sources) <a href="mailto:a@example.org">h</a> [the budget deck](budget.html) [its PDF](./pdf/budget%20handout.pdf)</p>\n\n- [ ] i\n\nj[^1]\n\n[^1]: k`,
    ),
  );
  expect(code).toBe(0);
});

describe('the last guard: slides are sanitized as the document is written', () => {
  it('drops what no slide may hold, even when the compile did not refuse it', () => {
    const slide: Element = h('section', [
      h('meta', { httpEquiv: 'refresh', content: '0;url=https://tracker.example/' }),
      h('script', 'alert(1)'),
      h('iframe', { src: 'https://tracker.example/' }),
      h('img', { src: 'https://tracker.example/p.png', onError: 'alert(1)', alt: 'photo' }),
      h('a', { href: 'javascript:alert(1)', onClick: 'alert(2)' }, 'Budget'),
      h('p', { style: 'background: url(https://tracker.example/p.png)' }, 'Text stays'),
      h(
        'script',
        { type: 'application/json', className: ['podium-chart-config'] },
        '{"a":"</script><script>alert(3)</script>"}',
      ),
    ]);
    const deck: Deck = {
      file: '/deck.mdx',
      source: '',
      meta: { title: 'T', lang: 'en', theme: 'civic', notes: 'private' },
      placeOf: () => ({ file: '/deck.mdx', line: 1, column: 1 }),
      slides: [slide],
      brand: {},
      chartCount: 0,
      chartTypes: [],
      messages: [],
      strings: locales.en,
    };
    const html = standaloneDocument(deck, { runtimeScript: 'window.ran=1', runtimeStyle: '', themeStyle: '' });
    const slides = html.slice(html.indexOf('<div class="slides">'), html.lastIndexOf('<script>'));
    expect(slides).toBe(
      '<div class="slides"><section><img alt="photo"><a>Budget</a><p>Text stays</p>' +
        '<script type="application/json" class="podium-chart-config">{"a":"\\u003c/script>\\u003cscript>alert(3)\\u003c/script>"}</script></section></div></div>',
    );
    expect(html).not.toMatch(/refresh|tracker\.example|onerror|onclick|javascript:|alert\(1\)/i);
  });
});

it('admits a chart script or button only when the chart component made it, not for its shape', () => {
  // Shaped exactly like Podium's own, with no place in the deck, as no path a deck takes can make.
  const script = h('script', { type: 'application/json', className: ['podium-chart-config'] }, '{"type":"bar"}');
  const button = h('button', { type: 'button', className: ['podium-data-toggle'] }, 'Show data');
  const deck = new VFile({ path: '/deck.mdx', value: '# One\n' });
  for (const part of [h('figure', [script]), h('figure', [h('figcaption', [button])])]) {
    expect(() => checkAllowList([h('section', [part])], deck)).toThrow(DeckError);
  }
});

it('leaves the slides of every sample, docs, browser-test and fixture deck exactly as compiled', async () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const inFolder = (folder: string) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => join(root, folder, name));
  const fixtures = readdirSync(join(root, 'test/fixtures'))
    .filter((name) => !name.startsWith('error-'))
    .map((name) => join(root, 'test/fixtures', name, 'deck.mdx'));
  const decks = [
    ...inFolder('decks'),
    join(root, 'docs/components.mdx'),
    ...inFolder('test/browser/decks'),
    ...fixtures,
  ];
  expect(decks.length).toBeGreaterThan(20);
  for (const file of decks) {
    const publicDir = file.includes('/test/fixtures/') ? join(dirname(file), 'public') : join(root, 'public');
    const { slides } = await compileDeck({ file, root, publicDir });
    expect(toHtml(sanitizeSlides(slides)), file).toBe(toHtml(slides));
  }
});

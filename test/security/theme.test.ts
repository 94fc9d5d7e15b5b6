import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';

// A theme is CSS from whoever shared the deck: whatever it names must be written into the file,
// never fetched, however the CSS spells it.

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'podium-theme-'));
  mkdirSync(join(project, 'decks'));
  mkdirSync(join(project, 'themes'));
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

function deck(name: string, theme: string): void {
  writeFileSync(join(project, 'decks', `${name}.mdx`), `---\ntitle: Budget\ntheme: ${theme}\n---\n\n# Hello\n`);
}

/** Builds decks/<name>.mdx with the CLI; gives its exit code, its report and the built file. */
async function build(name: string): Promise<{ code: number; report: string; html: string | undefined }> {
  const err: string[] = [];
  const code = await run(['build', `decks/${name}.mdx`], {
    out: () => {},
    err: (line) => err.push(line),
    cwd: project,
  });
  let html: string | undefined;
  try {
    html = readFileSync(join(project, 'dist', `${name}.html`), 'utf8');
  } catch {
    html = undefined;
  }
  return { code, report: err.join('\n'), html };
}

async function refused(css: string): Promise<string> {
  writeFileSync(join(project, 'themes', 'shared.css'), css);
  deck('talk', 'shared');
  const { code, report, html } = await build('talk');
  expect(code).toBe(1);
  expect(html).toBeUndefined();
  return report;
}

const remote = 'http://evil.example/track';

describe('a theme that would load something', () => {
  it.each([
    [
      'an escaped @import',
      `/* brand */\n@\\69mport "${remote}.css";\n`,
      '2:1',
      `The theme loads another file (@import "${remote}.css")`,
    ],
    [
      'an @import after other rules',
      `:root { color: black; }\n@\\69mport url(${remote}.css);\n`,
      '2:1',
      'The theme loads another file (@import)',
    ],
    [
      'an escaped url()',
      `.reveal {\n  background: \\75 rl(${remote}.png);\n}\n`,
      '2:15',
      `The theme loads another file (url(${remote}.png))`,
    ],
    [
      'an image-set() of a string',
      `.reveal {\n  background: image-set("${remote}.png" 1x);\n}\n`,
      '2:25',
      `The theme loads another file (image-set("${remote}.png"))`,
    ],
    [
      'a url split by a comment',
      `.reveal {\n  background: URL/**/(${remote}.png);\n}\n`,
      '2:15',
      'The theme writes "url" apart from its "(", which Podium cannot check',
    ],
    ['a cursor', `.reveal {\n  color: red;\n  cursor: url(${remote}.cur), auto;\n}\n`, '3:11', `(url(${remote}.cur))`],
    [
      'a cursor image-set() kept as tokens',
      `.reveal {\n  cursor: image-set("${remote}.png" 1x), auto;\n}\n`,
      '2:11',
      `(image-set("${remote}.png"))`,
    ],
    ['a mask', `.reveal {\n  mask: url(${remote}.svg);\n}\n`, '2:9', `(url(${remote}.svg))`],
    ['a list-style-image', `li {\n  list-style-image: url(${remote}.png);\n}\n`, '2:21', `(url(${remote}.png))`],
    ['generated content', `h1::before {\n  content: url(${remote}.png);\n}\n`, '2:12', `(url(${remote}.png))`],
    ['a border-image', `h1 {\n  border-image: url(${remote}.png) 30;\n}\n`, '2:17', `(url(${remote}.png))`],
    [
      'a web font',
      `@font-face {\n  font-family: Brand;\n  src: url(${remote}.woff2) format("woff2");\n}\n`,
      '3:8',
      `(url(${remote}.woff2))`,
    ],
    ['a variable', `:root {\n  --logo: url(//evil.example/logo.png);\n}\n`, '2:11', '(url(//evil.example/logo.png))'],
    [
      'an @property starting value',
      `@property --logo {\n  syntax: "*";\n  inherits: false;\n  initial-value: url(${remote}.png);\n}\n`,
      '1:1',
      `(url(${remote}.png))`,
    ],
    [
      'an address built from a variable',
      `:root { --file: "${remote}.png"; }\n.reveal {\n  background: image-set(var(--file) 1x);\n}\n`,
      '3:15',
      'The theme builds the address in image-set() from a variable',
    ],
  ])('refuses %s at its file:line:column, saying why and how to fix it', async (_name, css, place, message) => {
    const report = await refused(css);
    expect(report).toMatch(new RegExp(`^themes/shared\\.css:${place}: `));
    expect(report.split('\n')[0]).toContain(message);
    expect(report).toMatch(/A shared deck must open offline and load nothing/);
    expect(report).toMatch(/themes\//);
  });

  it('refuses a data: URL of anything but an image or a font', async () => {
    const report = await refused(`.reveal {\n  background: url("data:text/html,<script>alert(1)</script>");\n}\n`);
    expect(report).toMatch(/^themes\/shared\.css:2:15: The theme holds a data: URL of type "text\/html"/);
    expect(report).toMatch(/Only images and fonts may be written into a theme as data: URLs\./);
  });

  it('refuses a file outside themes/, through ../ or a symlink, and never prints it', async () => {
    writeFileSync(join(project, 'secret.png'), 'TOP SECRET');
    expect(await refused(`.reveal {\n  background: url(../secret.png);\n}\n`)).toMatch(
      /^themes\/shared\.css:2:15: The theme refers to "\.\.\/secret\.png", which is outside its folder \(themes\/\)\n {2}A shared deck must open offline and load nothing, so Podium writes only files from the theme's own folder into it: copy the file into themes\/ and refer to it by a relative path\./,
    );

    symlinkSync(join(project, 'secret.png'), join(project, 'themes', 'logo.png'));
    const report = await refused(`.reveal {\n  color: red;\n  background: url(logo.png);\n}\n`);
    expect(report).toMatch(
      /^themes\/shared\.css:3:15: The theme refers to "logo\.png", which is outside its folder \(themes\/\)/,
    );
    expect(report).not.toContain('TOP SECRET');
  });

  it('names a missing file as the theme writes it, and refuses a file that is no font or image unread', async () => {
    expect(await refused(`@font-face {\n  font-family: Brand;\n  src: url("fonts/brand.woff2");\n}\n`)).toMatch(
      /^themes\/shared\.css:3:8: The theme refers to "fonts\/brand\.woff2", which is not in its folder \(themes\/\)\n {2}Check the name, or put the file in themes\/ and refer to it by a relative path/,
    );
    writeFileSync(join(project, 'themes', 'notes.txt'), 'PRIVATE NOTES');
    const report = await refused(`.reveal {\n  background: url(notes.txt);\n}\n`);
    expect(report).toMatch(
      /^themes\/shared\.css:2:15: The theme refers to "notes\.txt", which is not a font or an image/,
    );
    expect(report).not.toContain('PRIVATE NOTES');
  });
});

describe('a theme with its own fonts and images', () => {
  it('has them written into the deck as data: URLs, so the built file (civic or not) names no other address', async () => {
    const font = Buffer.from('wOF2 brand font bytes');
    const paper = Buffer.from('\x89PNG paper bytes');
    const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    mkdirSync(join(project, 'themes', 'fonts'));
    writeFileSync(join(project, 'themes', 'fonts', 'brand.woff2'), font);
    writeFileSync(join(project, 'themes', 'paper.png'), paper);
    writeFileSync(join(project, 'themes', 'logo.svg'), logo);
    const drawn = 'data:image/png;base64,iVBORw0KGgo=';
    writeFileSync(
      join(project, 'themes', 'brand.css'),
      [
        '@font-face { font-family: Brand; src: url("fonts/brand.woff2") format("woff2"); }',
        '.reveal { font-family: Brand, system-ui; background: url(./paper.png); }',
        '.reveal h1 { background-image: image-set("logo.svg" 1x); cursor: image-set("logo.svg" 1x), auto; }',
        `.reveal h2 { background-image: url(${drawn}); }`,
      ].join('\n'),
    );
    deck('branded', 'brand');
    deck('plain', 'civic');

    const branded = await build('branded');
    expect(branded.report).toBe('');
    const theme = /<style data-theme="brand">([\s\S]*?)<\/style>/.exec(branded.html!)![1]!;
    expect(theme).toContain(`data:font/woff2;base64,${font.toString('base64')}`);
    expect(theme).toContain(`data:image/png;base64,${paper.toString('base64')}`);
    expect(theme.split(`data:image/svg+xml;base64,${logo.toString('base64')}`)).toHaveLength(3);
    expect(theme).toContain(drawn);
    expect(theme).not.toMatch(/paper\.png|logo\.svg|brand\.woff2/);

    const plain = await build('plain');
    expect(plain.report).toBe('');
    for (const html of [branded.html!, plain.html!]) {
      const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
      expect(styles).toMatch(/\.reveal/);
      const addresses = [...styles.matchAll(/url\(\s*["']?([^"')\s]*)/gi)].map((match) => match[1]);
      expect(addresses.filter((address) => !address!.startsWith('data:'))).toEqual([]);
      expect(styles).not.toMatch(/image-set\(\s*["'](?!data:)/i);
    }
  });
});

describe('a theme in a folder of its own', () => {
  it('has the fonts and images beside it written into the deck', async () => {
    const font = Buffer.from('wOF2 brand font bytes');
    const paper = Buffer.from('\x89PNG paper bytes');
    mkdirSync(join(project, 'themes', 'brand', 'fonts'), { recursive: true });
    writeFileSync(join(project, 'themes', 'brand', 'fonts', 'brand.woff2'), font);
    writeFileSync(join(project, 'themes', 'brand', 'paper.png'), paper);
    writeFileSync(
      join(project, 'themes', 'brand', 'theme.css'),
      [
        '@font-face { font-family: Brand; src: url(./fonts/brand.woff2) format("woff2"); }',
        '.reveal { font-family: Brand, system-ui; background: url(./paper.png); }',
      ].join('\n'),
    );
    deck('branded', 'brand');
    const { report, html } = await build('branded');
    expect(report).toBe('');
    const theme = /<style data-theme="brand">([\s\S]*?)<\/style>/.exec(html!)![1]!;
    expect(theme).toContain(`data:font/woff2;base64,${font.toString('base64')}`);
    expect(theme).toContain(`data:image/png;base64,${paper.toString('base64')}`);
    expect(theme).not.toMatch(/paper\.png|brand\.woff2/);
  });

  it('refuses a file outside its folder, even in themes/, at its file:line:column', async () => {
    mkdirSync(join(project, 'themes', 'brand'));
    mkdirSync(join(project, 'themes', 'other'));
    writeFileSync(join(project, 'themes', 'other', 'x.woff2'), 'wOF2 other font');
    writeFileSync(
      join(project, 'themes', 'brand', 'theme.css'),
      '@font-face {\n  font-family: Other;\n  src: url(../other/x.woff2);\n}\n',
    );
    deck('talk', 'brand');
    const { code, report, html } = await build('talk');
    expect(code).toBe(1);
    expect(html).toBeUndefined();
    expect(report).toMatch(
      /^themes\/brand\/theme\.css:3:8: The theme refers to "\.\.\/other\/x\.woff2", which is outside its folder \(themes\/brand\/\)\n {2}A shared deck must open offline and load nothing, so Podium writes only files from the theme's own folder into it: copy the file into themes\/brand\/ and refer to it by a relative path\./,
    );
  });

  it('is refused when a file of the same name is a theme too, naming both', async () => {
    mkdirSync(join(project, 'themes', 'brand'));
    writeFileSync(join(project, 'themes', 'brand', 'theme.css'), '.reveal { color: #111; }\n');
    writeFileSync(join(project, 'themes', 'brand.css'), '.reveal { color: #222; }\n');
    deck('talk', 'brand');
    const { code, report } = await build('talk');
    expect(code).toBe(1);
    expect(report).toMatch(/^decks\/talk\.mdx:3:1: Two themes are named "brand"/);
    expect(report).toContain('Podium found both themes/brand.css and themes/brand/theme.css: keep one of them.');
  });
});

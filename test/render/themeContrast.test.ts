import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { runtimeFiles } from '../../src/render/runtimeFiles.ts';
import { checkThemeContrast, themeContrastErrors } from '../../src/render/themeContrast.ts';

const themePath = '/project/themes/navy.css';

/** Civic's colours as the base stylesheet's defaults. */
const civicBase = `:root {
  --podium-background: #fafaf7; --podium-text: #141414; --podium-heading: #0a0a0a; --podium-link: #0645ad;
  --podium-muted: #3f3f3f; --podium-surface: #efefea; --podium-surface-strong: #e6e6e0; --podium-accent: #0645ad;
  --podium-chart-1: #0072b2; --podium-chart-2: #d55e00; --podium-chart-text: #262626;
}
@media print { :root { --podium-print-background: #fff; --podium-print-text: #000; } }
`;

function errors(themeCss: string, baseCss = civicBase) {
  return themeContrastErrors({ baseCss, themePath, themeCss }).map((error) => ({
    at: `${error.place.line}:${error.place.column}`,
    message: error.message,
    hint: error.hint,
  }));
}

describe('the contrast of a theme', () => {
  it('passes a theme whose colours all reach their minimum', () => {
    const navy =
      ':root {\n  --podium-background: #0b1f3a;\n  --podium-text: #f5f5f0;\n  --podium-heading: #ffd166;\n}\n';
    const passing = `${navy}:root { --podium-link: #9cc3ff; --podium-muted: #c8ccd4; --podium-surface: #13294b; }
:root { --podium-surface-strong: #1c355e; --podium-accent: #ffd166; --podium-chart-text: #e8e8e8; }
:root { --podium-chart-1: #56b4e9; --podium-chart-2: #e69f00; }`;
    expect(errors(passing)).toEqual([]);
    expect(checkThemeContrast({ baseCss: civicBase, themePath, themeCss: passing })).toBeUndefined();
  });

  it('reports a pair under its minimum at the foreground, with its values, ratio and the nearest passing colour', () => {
    const theme = '/* Riverbend navy */\n:root {\n  --podium-surface: #1e293b;\n  --podium-muted: #6b7280;\n}\n';
    const base = ':root { --podium-surface: #efefea; --podium-muted: #3f3f3f; }';
    const [error, ...others] = themeContrastErrors({ baseCss: base, themePath, themeCss: theme });
    expect(others).toEqual([]);
    expect(error!.format('/project')).toBe(
      [
        "themes/navy.css:4:3: The theme's --podium-muted (#6b7280) on --podium-surface (#1e293b) has a contrast of 3.02:1; text needs at least 4.5:1",
        '  The nearest colour that passes is #888f9e: use it for --podium-muted, or change --podium-surface.',
        '',
        '  3 |   --podium-surface: #1e293b;',
        '> 4 |   --podium-muted: #6b7280;',
        '    |   ^',
        '  5 | }',
      ].join('\n'),
    );
    expect(error!.ruleId).toBe('theme-contrast');
  });

  it('says charts and controls need 3:1', () => {
    expect(errors(':root { --podium-chart-2: #f0a060; }')).toEqual([
      {
        at: '1:9',
        message:
          "The theme's --podium-chart-2 (#f0a060) on --podium-background (#fafaf7) has a contrast of 2.02:1; charts and controls need at least 3:1",
        hint: 'The nearest colour that passes is #cc7f3e: use it for --podium-chart-2, or change --podium-background.',
      },
    ]);
  });

  it('follows var() chains, the theme over the base, and places the error where the theme set the colour', () => {
    const theme = [
      'html {',
      '  --brand-grey: #9a9a9a;',
      '  --podium-link: var(--brand-missing, var(--brand-grey));',
      '}',
      '.reveal { --podium-muted: var(--podium-link); }',
    ].join('\n');
    expect(errors(theme).map(({ at, message }) => `${at} ${message}`)).toEqual([
      "3:3 The theme's --podium-link (#9a9a9a) on --podium-background (#fafaf7) has a contrast of 2.69:1; text needs at least 4.5:1",
      "3:3 The theme's --podium-link (#9a9a9a) on --podium-surface (#efefea) has a contrast of 2.43:1; text needs at least 4.5:1",
      "3:3 The theme's --podium-link (#9a9a9a) on --podium-surface-strong (#e6e6e0) has a contrast of 2.24:1; text needs at least 4.5:1",
      "5:11 The theme's --podium-muted (#9a9a9a) on --podium-background (#fafaf7) has a contrast of 2.69:1; text needs at least 4.5:1",
      "5:11 The theme's --podium-muted (#9a9a9a) on --podium-surface (#efefea) has a contrast of 2.43:1; text needs at least 4.5:1",
      "5:11 The theme's --podium-muted (#9a9a9a) on --podium-surface-strong (#e6e6e0) has a contrast of 2.24:1; text needs at least 4.5:1",
    ]);
    // A base default made of another variable fails where the theme set that one.
    const base = `${civicBase}:root { --podium-heading: var(--podium-text); }`;
    expect(
      errors('\n:root { --podium-text: #8a8a8a; }', base).filter(({ message }) => message.includes('heading')),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ at: '2:9' })]));
  });

  it('leaves a variable that is unset, in a cycle, or not a plain colour unchecked', () => {
    expect(errors(':root { --podium-muted: #eeeeee; }', '')).toEqual([]);
    expect(errors(':root { --podium-text: var(--a); --a: var(--podium-text); --podium-link: currentColor; }')).toEqual(
      [],
    );
  });

  it('measures a translucent colour as it shows, and suggests one that passes on every ground', () => {
    expect(errors(':root {\n  --podium-background: #ffffff;\n  --podium-text: rgba(0, 0, 0, 0.4);\n}')[0]).toEqual({
      at: '3:3',
      message:
        "The theme's --podium-text (#00000066) on --podium-background (#ffffff) has a contrast of 2.84:1; text needs at least 4.5:1",
      hint: 'The nearest colour that passes is #676767: use it for --podium-text, or change --podium-background.',
    });
  });

  it('reads named colours and other notations', () => {
    expect(
      errors(':root { --podium-background: black; --podium-heading: NAVY; }').map(({ message }) => message),
    ).toContain(
      "The theme's --podium-heading (#000080) on --podium-background (#000000) has a contrast of 1.31:1; text needs at least 4.5:1",
    );
    expect(
      errors(':root { --podium-text: oklch(0.7 0 0); --podium-link: hsl(0 0% 60%); }').map(({ at }) => at),
    ).toEqual(['1:9', '1:9', '1:9', '1:40', '1:40', '1:40']);
  });

  it('places a pair at the background when the theme set only the background', () => {
    const theme = ':root {\n  --podium-background: #3a3a3a;\n}\n';
    const found = errors(theme, ':root { --podium-background: #fafaf7; --podium-text: #141414; }');
    expect(found).toEqual([
      {
        at: '2:3',
        message:
          "The theme's --podium-text (#141414) on --podium-background (#3a3a3a) has a contrast of 1.61:1; text needs at least 4.5:1",
        hint: 'The nearest colour that passes is #7e7e7e: use it for --podium-background, or change --podium-text.',
      },
    ]);
  });

  it('checks the print colours in print, and nothing else there or in other media', () => {
    const theme = [
      '@media print {',
      '  :root { --podium-text: #eeeeee; }',
      '  html { --podium-print-text: #aaaaaa; }',
      '}',
      '@media (prefers-color-scheme: dark) { :root { --podium-text: #eeeeee; } }',
      '.card { --podium-text: #eeeeee; }',
    ].join('\n');
    expect(errors(theme)).toEqual([
      {
        at: '3:10',
        message:
          "The theme's --podium-print-text (#aaaaaa) on --podium-print-background (#ffffff) has a contrast of 2.32:1; text needs at least 4.5:1",
        hint: 'The nearest colour that passes is #767676: use it for --podium-print-text, or change --podium-print-background.',
      },
    ]);
  });

  it('finds the root past braces in comments and strings', () => {
    const theme = [
      ":root { --quote: '}'; --podium-heading: #bbbbbb; }",
      '.a::before { content: "\\"}" }',
      ':root { /* } */ --podium-link: #cccccc; }',
    ].join('\n');
    expect(errors(theme).map(({ at }) => at)).toEqual(['1:23', '1:23', '1:23', '3:17', '3:17', '3:17']);
  });

  it('stops a build at the first pair, and names the others in its hint', () => {
    const theme =
      ':root {\n  --podium-background: #222222;\n  --podium-text: #555555;\n  --podium-heading: #444444;\n}';
    const base = ':root { --podium-text: #141414; --podium-heading: #0a0a0a; --podium-background: #fafaf7; }';
    const error = checkThemeContrast({ baseCss: base, themePath, themeCss: theme });
    expect(error?.place).toMatchObject({ line: 3, column: 3 });
    expect(error?.hint).toBe(
      'The nearest colour that passes is #898989: use it for --podium-text, or change --podium-background. ' +
        'The theme has 1 more pair under the minimum: --podium-heading on --podium-background (1.63:1) at line 4.',
    );
  });

  it("passes every one of Podium's own themes over the runtime's stylesheet", async () => {
    const baseCss = runtimeFiles('bar').style;
    const themes = fileURLToPath(new URL('../../themes/', import.meta.url));
    const names = readdirSync(themes).filter((name) => name.endsWith('.css'));
    expect(names).toContain('civic.css');
    for (const name of names) {
      const themeCss = readFileSync(join(themes, name), 'utf8');
      expect(themeContrastErrors({ baseCss, themePath: join(themes, name), themeCss }), name).toEqual([]);
    }
  });
});

describe('podium build with a theme too faint to read', () => {
  let project: string;

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'podium-contrast-'));
    mkdirSync(join(project, 'decks'));
    mkdirSync(join(project, 'themes'));
  });

  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('fails with the pair at themes/<name>.css:line:column and writes nothing', async () => {
    writeFileSync(
      join(project, 'themes', 'navy.css'),
      '/* Riverbend Families */\n:root {\n  --podium-text: #6b7280;\n  --podium-background: #1e293b;\n}\n',
    );
    writeFileSync(join(project, 'decks', 'talk.mdx'), '---\ntitle: Budget\ntheme: navy\n---\n\n# Hello\n');
    const err: string[] = [];
    const code = await run(['build', 'decks/talk.mdx'], { out: () => {}, err: (line) => err.push(line), cwd: project });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(
      "themes/navy.css:3:3: The theme's --podium-text (#6b7280) on --podium-background (#1e293b) has a contrast of 3.02:1; text needs at least 4.5:1\n" +
        '  The nearest colour that passes is #9097a6: use it for --podium-text, or change --podium-background.',
    );
    expect(existsSync(join(project, 'dist', 'talk.html'))).toBe(false);
  });
});

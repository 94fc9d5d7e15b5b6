import { transform } from 'lightningcss';
import { join } from 'node:path';
import { DeckError, placeOfOffset } from '../compile/deckError.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from '../compile/deckFiles.ts';
import type { Deck } from '../compile/index.ts';
import { importRefused, mayReferToFiles, offsetOf, selfContainedTheme } from './selfContainedTheme.ts';
import { checkThemeContrast } from './themeContrast.ts';

/**
 * The stylesheet for a deck's `theme`: `themes/<name>.css` in the project, then Podium's own.
 * A theme must be self-contained: its own fonts and images are written into it, and anything
 * else it would fetch (`@import`, a remote `url()`) is refused, and so is a theme whose colours,
 * over the defaults in `baseCss` (Podium's base stylesheet), leave text or charts too faint.
 */
export function loadTheme(
  deck: Deck,
  themeDirs: readonly string[],
  files: DeckFiles,
  baseCss = '',
): { path: string; css: string } {
  const name = deck.meta.theme;
  for (const dir of themeDirs) {
    const path = join(dir, `${name}.css`);
    const css = readInsideProject(
      () => files.readText(path),
      () => {
        throw new DeckError(`The theme "${name}" is outside the project`, {
          place: deck.placeOf('theme'),
          hint: outsideProjectHint,
          ruleId: 'file-outside-project',
        });
      },
    );
    if (css === undefined) continue;
    const small = minified(path, css, files);
    const tooFaint = checkThemeContrast({ baseCss, themePath: path, themeCss: css });
    if (tooFaint) throw tooFaint;
    return { path, css: small };
  }
  throw new DeckError(`Unknown theme "${name}"`, {
    place: deck.placeOf('theme'),
    hint: `Podium looked for ${themeDirs.map((dir) => join(dir, `${name}.css`)).join(' and ')}; the built-in theme is "civic".`,
    ruleId: 'theme-missing',
  });
}

/**
 * Themes are written to be read; the shared file carries them minified (a third smaller). The
 * same parse checks what the theme refers to, so no text escapes the check by being written oddly.
 */
function minified(path: string, css: string, files: DeckFiles): string {
  try {
    // Visiting costs a theme's whole syntax tree in JavaScript; only a theme that could refer to a file needs it.
    const visitor = mayReferToFiles(css) ? selfContainedTheme(path, css, files) : undefined;
    return transform({ filename: path, code: Buffer.from(css), minify: true, visitor }).code.toString();
  } catch (error) {
    if (error instanceof DeckError) throw error;
    const { loc, message, data } = error as {
      loc?: { line: number; column: number };
      message: string;
      data?: { type?: string };
    };
    if (data?.type === 'UnexpectedImportRule' && loc) {
      // lightningcss places it after the at-keyword; point at its "@".
      const start = css.lastIndexOf('@', offsetOf(css, loc));
      throw importRefused(path, css, start === -1 ? loc : placeOfOffset(css, start));
    }
    throw new DeckError(`The theme's CSS is invalid: ${message}`, {
      place: { file: path, line: loc?.line ?? 1, column: loc?.column ?? 1 },
      hint: 'Check the braces, colons and semicolons near this place.',
      text: css,
      ruleId: 'theme-invalid',
    });
  }
}

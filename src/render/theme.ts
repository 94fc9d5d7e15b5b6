import { basename, join } from 'node:path';
import { builtInThemesDir } from '../config.ts';
import { DeckError, placeOfOffset } from '../compile/deckError.ts';
import { diskFiles, outsideProjectHint, readInsideProject, type DeckFiles } from '../compile/deckFiles.ts';
import type { Deck } from '../compile/index.ts';
import { importRefused, mayReferToFiles, offsetOf, selfContainedTheme } from './selfContainedTheme.ts';
import { checkThemeContrast } from './themeContrast.ts';
import { lightningcss } from './lightningcss.ts';
import { prepareBuiltInThemes, preparedTheme } from './preparedThemes.ts';

/**
 * The stylesheet for a deck's `theme`: `themes/<name>.css` or `themes/<name>/theme.css` in the
 * project, then Podium's own. A theme must be self-contained: its own fonts and images, from its
 * own folder, are written into it, and anything else it would fetch (`@import`, a remote `url()`,
 * a file outside that folder) is refused; so is a theme whose colours, over the defaults in
 * `baseCss` (Podium's base stylesheet), leave text or charts too faint.
 */
export function loadTheme(
  deck: { meta: Pick<Deck['meta'], 'theme'>; placeOf: Deck['placeOf'] },
  themeDirs: readonly string[],
  files: DeckFiles,
  baseCss = '',
): { path: string; css: string } {
  const name = deck.meta.theme;
  for (const dir of themeDirs) {
    const found = themeFiles(dir, name).flatMap((theme) => {
      const css = readInsideProject(
        () => files.readText(theme.path),
        () => {
          throw new DeckError(`The theme "${name}" is outside the project`, {
            place: deck.placeOf('theme'),
            hint: outsideProjectHint,
            ruleId: 'file-outside-project',
          });
        },
      );
      return css === undefined ? [] : [{ ...theme, css }];
    });
    if (found.length > 1) {
      throw new DeckError(`Two themes are named "${name}"`, {
        place: deck.placeOf('theme'),
        hint: `Podium found both ${found.map((theme) => theme.shownPath).join(' and ')}: keep one of them.`,
        ruleId: 'theme-twice',
      });
    }
    const [theme] = found;
    if (!theme) continue;
    return { path: theme.path, css: readyTheme(theme.path, theme.css, files, theme.shownFolder, baseCss) };
  }
  const looked = themeDirs.flatMap((dir) => themeFiles(dir, name).map((theme) => theme.path));
  throw new DeckError(`Unknown theme "${name}"`, {
    place: deck.placeOf('theme'),
    hint: `Podium looked for ${looked.join(', ')}; the built-in theme is "civic".`,
    ruleId: 'theme-missing',
  });
}

/** Themes already made ready in this process, by base stylesheet, path and text. */
const readyThemes = new Map<string, string>();

/**
 * A theme minified and checked over the base, once per process for the same text (a build of many
 * decks reads it again for each deck, so that each deck's files are known). A theme that refers
 * to files of its own is made each time, since each deck must read those files too.
 */
function readyTheme(path: string, css: string, files: DeckFiles, shownFolder: string, baseCss: string): string {
  const prepared = preparedTheme(path, css, baseCss);
  if (prepared !== undefined) return prepared;
  const reusable = !mayReferToFiles(css);
  const key = `${path}\n${css}\n${baseCss}`;
  const made = reusable ? readyThemes.get(key) : undefined;
  if (made !== undefined) return made;
  const small = minified(path, css, files, shownFolder);
  const tooFaint = checkThemeContrast({ baseCss, themePath: path, themeCss: css });
  if (tooFaint) throw tooFaint;
  if (reusable) readyThemes.set(key, small);
  return small;
}

/** Podium's own themes, checked and minified ahead, for `npm run build:tool` (preparedThemes.ts). */
export function prepareThemes(): void {
  prepareBuiltInThemes((path, css, baseCss) =>
    readyTheme(path, css, diskFiles([builtInThemesDir]), 'themes/', baseCss),
  );
}

/**
 * Where a theme called `name` may be in a folder of themes: a file of its own, or a folder of
 * its own holding `theme.css` beside its fonts and images. `shownFolder` is the folder its files
 * must stay in, and `shownPath` the theme, as messages name them (`themes/brand/theme.css`).
 */
function themeFiles(dir: string, name: string): Array<{ path: string; shownFolder: string; shownPath: string }> {
  const themes = `${basename(dir)}/`;
  return [
    { path: join(dir, `${name}.css`), shownFolder: themes, shownPath: `${themes}${name}.css` },
    { path: join(dir, name, 'theme.css'), shownFolder: `${themes}${name}/`, shownPath: `${themes}${name}/theme.css` },
  ];
}

/**
 * Themes are written to be read; the shared file carries them minified (a third smaller). The
 * same parse checks what the theme refers to, so no text escapes the check by being written oddly.
 */
function minified(path: string, css: string, files: DeckFiles, shownFolder: string): string {
  try {
    // Visiting costs a theme's whole syntax tree in JavaScript; only a theme that could refer to a file needs it.
    const visitor = mayReferToFiles(css) ? selfContainedTheme(path, css, files, shownFolder) : undefined;
    return lightningcss()
      .transform({ filename: path, code: Buffer.from(css), minify: true, visitor })
      .code.toString();
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
      throw importRefused(path, css, start === -1 ? loc : placeOfOffset(css, start), shownFolder);
    }
    throw new DeckError(`The theme's CSS is invalid: ${message}`, {
      place: { file: path, line: loc?.line ?? 1, column: loc?.column ?? 1 },
      hint: 'Check the braces, colons and semicolons near this place.',
      text: css,
      ruleId: 'theme-invalid',
    });
  }
}

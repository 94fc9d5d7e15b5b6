import { transform } from 'lightningcss';
import { join } from 'node:path';
import { DeckError, placeOfOffset } from '../compile/deckError.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from '../compile/deckFiles.ts';
import type { Deck } from '../compile/index.ts';

/**
 * The stylesheet for a deck's `theme`: `themes/<name>.css` in the project, then Podium's own.
 * A theme must be self-contained: anything it would fetch (`@import`, remote `url()`) is refused.
 */
export function loadTheme(deck: Deck, themeDirs: readonly string[], files: DeckFiles): { path: string; css: string } {
  const name = deck.meta.theme;
  for (const dir of themeDirs) {
    const path = join(dir, `${name}.css`);
    const css = readInsideProject(
      () => files.readText(path),
      () => {
        throw new DeckError(`The theme "${name}" is outside the project`, { place: deck.placeOf('theme'), hint: outsideProjectHint, ruleId: 'file-outside-project' });
      },
    );
    if (css !== undefined) {
      checkSelfContained(path, css);
      return { path, css: minified(path, css) };
    }
  }
  throw new DeckError(`Unknown theme "${name}"`, {
    place: deck.placeOf('theme'),
    hint: `Podium looked for ${themeDirs.map((dir) => join(dir, `${name}.css`)).join(' and ')}; the built-in theme is "civic".`,
    ruleId: 'theme-missing',
  });
}

function checkSelfContained(path: string, css: string): void {
  const found = /@import\b|url\(\s*(?!['"]?data:)/i.exec(css);
  if (!found) return;
  throw new DeckError(`The theme loads another file (${found[0].trim()}…)`, {
    place: { file: path, ...placeOfOffset(css, found.index) },
    hint: 'A shared deck must open offline: write the CSS into the theme itself, and use system fonts or data: URLs.',
    source: css,
    ruleId: 'theme-remote',
  });
}

/** Themes are written to be read; the shared file carries them minified (a third smaller). */
function minified(path: string, css: string): string {
  try {
    return transform({ filename: path, code: Buffer.from(css), minify: true }).code.toString();
  } catch (error) {
    const { loc, message } = error as { loc?: { line: number; column: number }; message: string };
    throw new DeckError(`The theme's CSS is invalid: ${message}`, {
      place: { file: path, line: loc?.line ?? 1, column: loc?.column ?? 1 },
      hint: 'Check the braces, colons and semicolons near this place.',
      source: css,
      ruleId: 'theme-invalid',
    });
  }
}

import { realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Function as CssFunction, Location, Location2, TokenOrValue, Visitor } from 'lightningcss';
import { VFile } from 'vfile';
import { DeckError, placeOfOffset } from '../compile/deckError.ts';
import { failOn, type Fail } from '../compile/deckMessages.ts';
import type { DeckFiles } from '../compile/deckFiles.ts';

/** The files a theme may carry, by extension: its fonts and its images. */
const mediaTypes: Readonly<Record<string, string>> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
};

/** data: URLs a theme may already hold: images and fonts, never documents or scripts. */
const embeddedTypes =
  /^(?:image\/[\w.+-]+|font\/[\w.+-]+|application\/(?:x-)?font-[\w.+-]+|application\/vnd\.ms-fontobject)$/;

/** Functions that read a string argument as the address of an image. */
const addressFunctions = /^(?:-[a-z]+-)?(?:image-set|image|src|url)$/i;

const offline = 'A shared deck must open offline and load nothing';
/** How to give a theme a font or an image: `folder` is the theme's folder as the organizer knows it (`themes/`). */
const howToFix = (folder: string) =>
  `put the file in ${folder} and refer to it by a relative path (Podium writes it into the deck), or use system fonts`;

/**
 * False only for CSS that cannot name a file: every way to load one is a function whose name
 * holds url, src or image (`url(`, `URL/**\/(`, `-webkit-image-set(`), or `@import`, and any
 * other spelling needs a backslash escape.
 */
export function mayReferToFiles(css: string): boolean {
  return /\\|@import|(?:url|src|image)[\w-]*(?:\s|\/\*[\s\S]*?\*\/)*\(/i.test(css);
}

/**
 * A lightningcss visitor that keeps a theme from loading anything, run in the same pass that
 * minifies it. Every address the parser finds (`url()`, `image-set()`, `@import`, escaped or
 * not) must name a font or an image inside the theme's folder, which is written into the CSS as
 * a data: URL, or be a data: URL of an image or a font already. `shownFolder` names that folder
 * in messages: `themes/`, or `themes/<name>/` for a theme in a folder of its own.
 */
export function selfContainedTheme(
  path: string,
  css: string,
  files: DeckFiles,
  shownFolder = 'themes/',
): Visitor<never> {
  const folder = dirname(path);
  const fix = howToFix(shownFolder);
  // Where the rule being visited starts: values below a rule carry no place of their own.
  const ruleStarts: Location[] = [];

  // The theme is a file of its own, reported in its own vfile.
  const fail: Fail = failOn(new VFile({ path, value: css }));

  // Some properties place their url() at the space or comment before it; point at the url itself.
  const settled = (at: Location): Location => {
    const gap = /(?:\s|\/\*[\s\S]*?\*\/)*/y;
    gap.lastIndex = offsetOf(css, at);
    gap.exec(css);
    return placeOfOffset(css, gap.lastIndex);
  };

  /** The address to write in place of `address`: a data: URL, or the address itself if allowed. */
  const embedded = (address: string, at: Location, written: string): string => {
    const trimmed = address.trim();
    if (/^data:/i.test(trimmed)) {
      const type = /^data:([^;,]*)/i.exec(trimmed)![1]!.trim().toLowerCase();
      if (embeddedTypes.test(type)) return address;
      return fail(`The theme holds a data: URL of type "${type || 'text/plain'}" (${written})`, {
        place: at,
        hint: 'Only images and fonts may be written into a theme as data: URLs.',
        ruleId: 'theme-data',
      });
    }
    // A fragment names an element of the deck itself (an SVG filter or mask): no request.
    if (trimmed.startsWith('#')) return address;
    if (/^[a-z][\w+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
      return fail(`The theme loads another file (${written})`, {
        place: at,
        hint: `${offline}: ${fix}.`,
        ruleId: 'theme-remote',
      });
    }
    const name = fileName(trimmed);
    if (name === '') {
      return fail(`The theme names no file (${written})`, {
        place: at,
        hint: `Name a font or an image in ${shownFolder} by a relative path, or remove it.`,
        ruleId: 'theme-file-missing',
      });
    }
    const file = resolve(folder, name);
    const outside = () =>
      fail(`The theme refers to "${trimmed}", which is outside its folder (${shownFolder})`, {
        place: at,
        hint: `${offline}, so Podium writes only files from the theme's own folder into it: copy the file into ${shownFolder} and refer to it by a relative path.`,
        ruleId: 'theme-outside',
      });
    if (!isInside(folder, file)) return outside();
    const real = realPath(file);
    if (real !== undefined && !isInside(realPath(folder) ?? folder, real)) return outside();
    const type = mediaTypes[extname(file).toLowerCase()];
    if (type === undefined) {
      return fail(`The theme refers to "${trimmed}", which is not a font or an image`, {
        place: at,
        hint: `A theme may carry fonts (${extensionsOf('font/')}) and images (${extensionsOf('image/')}).`,
        ruleId: 'theme-file-type',
      });
    }
    // Asked for even when missing, so that a watcher rebuilds once it appears.
    const read = files.readBytes(file);
    const bytes = real === undefined ? undefined : read;
    if (bytes === undefined) {
      return fail(`The theme refers to "${trimmed}", which is not in its folder (${shownFolder})`, {
        place: at,
        hint: `Check the name, or ${fix}.`,
        ruleId: 'theme-file-missing',
      });
    }
    return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
  };

  /** Where a value without a place of its own is: the first `pattern` in its rule, or the rule. */
  const placeInRule = (pattern: RegExp): Location => {
    const start = ruleStarts.at(-1) ?? { line: 1, column: 1 };
    const from = offsetOf(css, start);
    const found = new RegExp(pattern.source, 'gi');
    found.lastIndex = from;
    const match = found.exec(css);
    return match ? placeOfOffset(css, match.index) : start;
  };

  /** image-set("…"), src("…") and the like, in values lightningcss keeps as tokens. */
  const embeddedArguments = (fn: CssFunction): TokenOrValue | undefined => {
    if (!addressFunctions.test(fn.name)) return undefined;
    const at = () => placeInRule(new RegExp(`${escapeRegExp(fn.name)}\\(`));
    for (const argument of fn.arguments) {
      const computed =
        argument.type === 'var' ||
        argument.type === 'env' ||
        (argument.type === 'function' && /^attr$/i.test(argument.value.name));
      if (computed) {
        fail(`The theme builds the address in ${fn.name}() from a variable`, {
          place: at(),
          hint: `${offline}, and a variable could name any address: write the file's name in ${fn.name}() itself; ${fix}.`,
          ruleId: 'theme-remote',
        });
      }
      if (argument.type === 'token' && argument.value.type === 'string') {
        const address = argument.value.value;
        argument.value.value = embedded(address, at(), `${fn.name}("${address}")`);
      }
    }
    return { type: 'function', value: fn };
  };

  /** Addresses inside a value lightningcss hands over whole (an @property's initial value). */
  const embedWithin = (value: unknown, at: Location): void => {
    if (Array.isArray(value)) {
      for (const item of value) embedWithin(item, at);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    if (typeof node.url === 'string' && typeof node.loc === 'object')
      node.url = embedded(node.url, at, `url(${node.url})`);
    else if (typeof node.name === 'string' && Array.isArray(node.arguments))
      // biome-ignore lint/plugin: lightningcss hands this value over untyped; its shape is checked just above.
      embeddedArguments(node as unknown as CssFunction);
    for (const item of Object.values(node)) embedWithin(item, at);
  };

  return {
    Rule(rule) {
      const loc = (rule as { value?: { loc?: Location2 } }).value?.loc;
      const at = loc ? { line: loc.line + 1, column: loc.column } : (ruleStarts.at(-1) ?? { line: 1, column: 1 });
      ruleStarts.push(at);
      if (rule.type === 'import') throw importRefused(path, css, at, shownFolder, `@import "${rule.value.url}"`);
      if (rule.type === 'property') {
        embedWithin(rule.value.initialValue, at);
        return rule;
      }
    },
    RuleExit() {
      ruleStarts.pop();
    },
    Url(url) {
      return { ...url, url: embedded(url.url, settled(url.loc), `url(${url.url})`) };
    },
    // The Url hook does not see the images of an image-set().
    Image(image) {
      if (image.type !== 'image-set') return;
      for (const { image: option } of image.value.options) {
        if (option.type === 'url')
          option.value.url = embedded(option.value.url, settled(option.value.loc), `image-set("${option.value.url}")`);
      }
      return image;
    },
    Function: embeddedArguments,
    Token: {
      // `URL/**/(…)` is no url() to the parser, but the minifier drops the comment and makes it one.
      ident(token) {
        if (token.value.toLowerCase() !== 'url') return;
        fail('The theme writes "url" apart from its "(", which Podium cannot check', {
          place: placeInRule(/url\s*(?:\/\*[\s\S]*?\*\/\s*)*\(/),
          hint: `Write url(…) with nothing between url and "(". ${offline}: ${fix}.`,
          ruleId: 'theme-remote',
        });
      },
    },
  };
}

/** `@import` is refused wherever it is; lightningcss reports one after other rules as a parse error. */
export function importRefused(
  path: string,
  css: string,
  at: Location,
  shownFolder: string,
  written = '@import',
): DeckError {
  return new DeckError(`The theme loads another file (${written})`, {
    place: { file: path, ...at },
    hint: `${offline}: copy the rules into this theme, and for a font or an image ${howToFix(shownFolder)}.`,
    text: css,
    ruleId: 'theme-remote',
  });
}

/** The file an address names, without its query or fragment (`font.eot?#iefix`). */
function fileName(address: string): string {
  const path = address.replace(/[?#].*$/s, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isInside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && path.split(sep)[0] !== '..' && !isAbsolute(path);
}

/** The path with every symlink followed, or undefined when it does not exist. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function extensionsOf(kind: string): string {
  return Object.entries(mediaTypes)
    .filter(([, type]) => type.startsWith(kind))
    .map(([extension]) => extension)
    .join(', ');
}

/** The character offset of a 1-based line and column in `text`. */
export function offsetOf(text: string, { line, column }: Location): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

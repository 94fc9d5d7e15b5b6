import type { CssColor, Rule, SelectorComponent, TokenOrValue } from 'lightningcss';
import { DeckError, placeOfOffset } from '../compile/deckError.ts';
import type { Point } from '../compile/deckMessages.ts';
import { contrastPairs, type ContrastPair } from '../contract/themeVariables.ts';
import { composited, contrastRatio, hexOf, mixedInSrgb, nearestPassing, srgbOf, type Srgb } from './colourContrast.ts';
import { offsetOf } from './selfContainedTheme.ts';
import { lightningcss } from './lightningcss.ts';

/** A variable as a message shows it: its name and its colour. */
interface Shown {
  name: string;
  value: string;
}

/** What the contrast check says, in one place. */
const wording = {
  failed: (foreground: Shown, background: Shown, ratio: string, needs: string) =>
    `The theme's ${foreground.name} (${foreground.value}) on ${background.name} (${background.value}) has a contrast of ${ratio}:1; ${needs}`,
  needs: (minimum: number) =>
    minimum < textMinimum ? `charts and controls need at least ${minimum}:1` : `text needs at least ${minimum}:1`,
  nearest: (colour: string, change: string, other: string) =>
    `The nearest colour that passes is ${colour}: use it for ${change}, or change ${other}.`,
  noneNear: (change: string, other: string) =>
    `No colour of the same hue and chroma passes: change ${change} or ${other}.`,
  others: (list: readonly string[]) =>
    ` The theme has ${list.length} more pair${list.length === 1 ? '' : 's'} under the minimum: ${list.join('; ')}.`,
  other: (foreground: string, background: string, ratio: string, line: number) =>
    `${foreground} on ${background} (${ratio}:1) at line ${line}`,
};

/** At this minimum or above a pair is text; below it, graphics and controls (WCAG 1.4.11). */
const textMinimum = 4.5;

/** What a translucent ground lies on: the page, white unless the theme says otherwise. */
const paper: Srgb = { r: 1, g: 1, b: 1, alpha: 1 };

export interface ThemeContrastInput {
  /** Podium's base stylesheet, which gives every variable its default. */
  baseCss: string;
  themePath: string;
  themeCss: string;
}

/**
 * Every pair of `contrastPairs` the theme (over the base's defaults) leaves under its minimum, as
 * one error each, at the theme's declaration of the variable to change. A pair whose variables
 * are declared nowhere, or are not plain colours (currentColor, light-dark()), is not checked.
 */
export function themeContrastErrors({ baseCss, themePath, themeCss }: ThemeContrastInput): DeckError[] {
  return failingPairs(baseCss, themeCss).map((failure) => contrastError(themePath, themeCss, failure, ''));
}

/** The first pair under its minimum, its hint listing the others (a build stops at one error); undefined when all pass. */
export function checkThemeContrast({ baseCss, themePath, themeCss }: ThemeContrastInput): DeckError | undefined {
  const [first, ...others] = failingPairs(baseCss, themeCss);
  if (first === undefined) return undefined;
  const list = others.map(({ pair, ratio, place }) =>
    wording.other(pair.foreground, pair.background, ratio, place.line),
  );
  return contrastError(themePath, themeCss, first, others.length === 0 ? '' : wording.others(list));
}

/** A pair under its minimum, and what to do about it. */
interface Failure {
  pair: ContrastPair;
  foreground: Shown;
  background: Shown;
  /** The ratio as shown: cut, not rounded, to two decimals, so that 4.499 never reads 4.50. */
  ratio: string;
  /** The theme's declaration of the variable to change (`change`), or its first line. */
  place: Point;
  change: string;
  other: string;
  suggestion: Srgb | undefined;
}

function contrastError(path: string, css: string, failure: Failure, more: string): DeckError {
  const { pair, foreground, background, ratio, change, other, suggestion } = failure;
  const hint = suggestion ? wording.nearest(hexOf(suggestion), change, other) : wording.noneNear(change, other);
  return new DeckError(wording.failed(foreground, background, ratio, wording.needs(pair.minimum)), {
    place: { file: path, ...failure.place },
    hint: hint + more,
    text: css,
    ruleId: 'theme-contrast',
  });
}

function failingPairs(baseCss: string, themeCss: string): Failure[] {
  const base = rootDeclarationsOnce(baseCss, 'base');
  const theme = rootDeclarationsOnce(themeCss, 'theme');
  const screen = settings(cascade(base, theme, 'screen'));
  const print = settings(cascade(base, theme, 'print'));
  const failures: Failure[] = [];
  for (const pair of contrastPairs) {
    const set = pair.background === '--podium-print-background' ? print : screen;
    const foreground = set.get(pair.foreground);
    const ground = groundOf(pair.background, set);
    if (foreground === undefined || ground === undefined) continue;
    const seen = composited(foreground.colour, ground);
    const ratio = contrastRatio(seen, ground);
    if (ratio >= pair.minimum) continue;
    const background = set.get(pair.background)!;
    const themeOf = (setting: Setting) => setting.from.find((declared) => declared.place !== undefined)?.place;
    // The variable the theme set is the one to change; the foreground when it set both, or neither.
    const atBackground = themeOf(foreground) === undefined && themeOf(background) !== undefined;
    failures.push({
      pair,
      foreground: { name: pair.foreground, value: hexOf(foreground.colour) },
      background: { name: pair.background, value: hexOf(background.colour) },
      ratio: (Math.floor(ratio * 100) / 100).toFixed(2),
      place: (atBackground ? themeOf(background) : themeOf(foreground)) ?? { line: 1, column: 1 },
      change: atBackground ? pair.background : pair.foreground,
      other: atBackground ? pair.foreground : pair.background,
      suggestion: atBackground
        ? nearestPassing(ground, seen, pair.minimum)
        : nearestPassing(seen, ground, pair.minimum),
    });
  }
  suggestForEveryGround(failures, screen, print);
  // Reported from the top of the theme down, as its author reads it.
  return failures.sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column);
}

/**
 * A colour to suggest for a foreground that fails on several grounds (muted text on the slide and
 * on both surfaces) must pass on all of them, or following the hint only moves the error.
 */
function suggestForEveryGround(
  failures: Failure[],
  screen: ReadonlyMap<string, Setting>,
  print: ReadonlyMap<string, Setting>,
): void {
  const byForeground = new Map<string, Failure[]>();
  for (const failure of failures.filter(({ change, pair }) => change === pair.foreground))
    byForeground.set(failure.change, [...(byForeground.get(failure.change) ?? []), failure]);
  for (const group of byForeground.values()) {
    const grounds = group.flatMap(({ pair }) => {
      const ground = groundOf(pair.background, pair.background === '--podium-print-background' ? print : screen);
      return ground ? [{ ground, minimum: pair.minimum }] : [];
    });
    let suggestion = group[0]?.suggestion;
    // Each step moves only as far as the next ground needs; a few rounds settle it, or nothing fits.
    for (let round = 0; round < 3 && suggestion; round += 1) {
      const failing = grounds.find(({ ground, minimum }) => contrastRatio(suggestion!, ground) < minimum);
      if (!failing) break;
      suggestion = nearestPassing(suggestion, failing.ground, failing.minimum);
    }
    const passesAll =
      suggestion && grounds.every(({ ground, minimum }) => contrastRatio(suggestion!, ground) >= minimum);
    for (const failure of group) failure.suggestion = passesAll ? suggestion : failure.suggestion;
  }
}

/** The opaque colour a ground variable shows: a translucent surface lies on the slide's background. */
function groundOf(name: string, set: ReadonlyMap<string, Setting>): Srgb | undefined {
  const setting = set.get(name);
  if (setting === undefined) return undefined;
  const onPaper = name === '--podium-background' || name === '--podium-print-background';
  const under = onPaper ? paper : (groundOf('--podium-background', set) ?? paper);
  return composited(setting.colour, under);
}

/* ---- Which variables the root sets, and where ---- */

/** Where a declaration applies: every medium, the screen only, or print only. */
type Medium = 'all' | 'screen' | 'print';

/** A custom property set on the root: its value as parsed, and, in the theme, where it is written. */
interface Declared {
  name: string;
  value: TokenOrValue[];
  important: boolean;
  medium: Medium;
  place?: Point;
}

// A process builds many decks on the same base and, mostly, the same theme: each is read once.
const declarationsRead = new Map<string, readonly Declared[]>();
/** Enough for a dev server whose author keeps editing one theme: older versions are let go. */
const declarationsKept = 8;

function rootDeclarationsOnce(css: string, source: 'base' | 'theme'): readonly Declared[] {
  const key = `${source}\n${css}`;
  let declarations = declarationsRead.get(key);
  if (declarations === undefined) {
    if (declarationsRead.size >= declarationsKept) declarationsRead.clear();
    declarations = rootDeclarations(css, source === 'theme');
    declarationsRead.set(key, declarations);
  }
  return declarations;
}

/**
 * `css` with only the top-level rules that could set a variable on the root; the others are
 * blanked out, keeping every line and column. The base holds reveal.js's whole stylesheet, and
 * handing each of its rules to JavaScript would cost more than the build of a slide. The parse of
 * what is left decides exactly.
 */
const doubleQuoted = /(?:[^"\\\n]|\\[\s\S])*/y;
const singleQuoted = /(?:[^'\\\n]|\\[\s\S])*/y;

function rulesThatMaySetRoot(css: string): string {
  const kept: string[] = [];
  let depth = 0;
  let start = 0;
  let blockStart = 0;
  // Where the text not yet blanked or kept starts.
  let done = 0;
  // Only these characters change what the scan knows; the regular expression skips to the next in native code.
  const stops = /[\\/"';{}]/g;
  for (let found = stops.exec(css); found !== null; found = stops.exec(css)) {
    const index = found.index;
    const char = found[0];
    if (char === '\\') stops.lastIndex = index + 2;
    else if (char === '/') {
      const end = css.startsWith('/*', index) ? css.indexOf('*/', index + 2) : index - 1;
      stops.lastIndex = end === -1 ? css.length : end + 2;
    } else if (char === '"' || char === "'") {
      const string = char === '"' ? doubleQuoted : singleQuoted;
      string.lastIndex = index + 1;
      string.exec(css);
      stops.lastIndex = string.lastIndex + 1;
    } else if (char === ';' && depth === 0) start = index + 1;
    else if (char === '{') {
      if (depth === 0) blockStart = index;
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth > 0) continue;
      const prelude = css
        .slice(start, blockStart)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .trim();
      const followed = prelude.startsWith('@')
        ? /^@(?:layer\b|media\s+(?:only\s+)?(?:print|screen|all)\s*(?:,\s*(?:print|screen|all)\s*)*$)/i.test(prelude)
        : /:root|html|body|\.reveal/i.test(prelude) && css.slice(blockStart, index).includes('--');
      if (followed) {
        kept.push(blank(css.slice(done, start)), css.slice(start, index + 1));
        done = index + 1;
      }
      start = index + 1;
    }
  }
  // A rule left open runs to the end: kept, for the parse to judge.
  kept.push(depth > 0 ? blank(css.slice(done, start)) + css.slice(start) : blank(css.slice(done)));
  return kept.join('');
}

/** `text` as spaces, keeping its line breaks. */
function blank(text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

/** The custom properties `css` sets on the root (`:root`, `html`, `.reveal` …), outside @media except print. */
function rootDeclarations(css: string, withPlaces: boolean): Declared[] {
  const found: Declared[] = [];
  const followed = rulesThatMaySetRoot(css);
  // The medium each open rule applies in; undefined below one this check does not follow.
  const media: (Medium | undefined)[] = [];
  lightningcss().transform({
    filename: 'theme.css',
    code: Buffer.from(followed),
    errorRecovery: true,
    visitor: {
      Rule(rule) {
        const outer = media.length === 0 ? 'all' : media.at(-1);
        media.push(innerMedium(rule, outer));
        if (rule.type !== 'style' || outer === undefined || !rule.value.selectors.some(isRoot)) return;
        const start = offsetOf(css, { line: rule.value.loc.line + 1, column: rule.value.loc.column });
        const { declarations = [], importantDeclarations = [] } = rule.value.declarations ?? {};
        for (const [list, important] of [
          [declarations, false],
          [importantDeclarations, true],
        ] as const) {
          const times = new Map<string, number>();
          for (const declaration of list) {
            if (declaration.property !== 'custom') continue;
            const { name, value } = declaration.value;
            const occurrence = (times.get(name) ?? 0) + 1;
            times.set(name, occurrence);
            const place = withPlaces ? placeOfDeclaration(css, start, name, occurrence) : undefined;
            found.push({ name, value, important, medium: outer, place });
          }
        }
      },
      RuleExit() {
        media.pop();
      },
    },
  });
  return found;
}

/** The medium inside `rule`: nested style rules are not the root, and only plain media queries are followed. */
function innerMedium(rule: Rule, outer: Medium | undefined): Medium | undefined {
  if (outer === undefined) return undefined;
  if (rule.type === 'layer-block') return outer;
  if (rule.type !== 'media') return undefined;
  const types = new Set<string>();
  for (const query of rule.value.query.mediaQueries) {
    if (query.qualifier || query.condition) return undefined;
    types.add(query.mediaType);
  }
  const medium: Medium | undefined =
    types.has('all') || (types.has('screen') && types.has('print'))
      ? 'all'
      : types.size === 1 && (types.has('screen') || types.has('print'))
        ? (types.values().next().value as Medium)
        : undefined;
  if (medium === undefined || medium === 'all') return medium && outer;
  return outer === 'all' || outer === medium ? medium : undefined;
}

/** A selector for the root of the deck: `:root`, `html`, `body`, `.reveal`, and those joined (`html .reveal`). */
function isRoot(selector: readonly SelectorComponent[]): boolean {
  return selector.every(
    (part) =>
      (part.type === 'pseudo-class' && part.kind === 'root') ||
      (part.type === 'type' && (part.name === 'html' || part.name === 'body')) ||
      (part.type === 'class' && (part.name === 'reveal' || part.name === 'reveal-viewport')) ||
      (part.type === 'combinator' && (part.value === 'descendant' || part.value === 'child')),
  );
}

/** Where the `occurrence`th `name:` after `start` is: declarations carry no place of their own. */
function placeOfDeclaration(css: string, start: number, name: string, occurrence: number): Point {
  const pattern = new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'g');
  pattern.lastIndex = start;
  let match: RegExpExecArray | null = null;
  for (let seen = 0; seen < occurrence; seen += 1) {
    const next = pattern.exec(css);
    if (next === null) break;
    match = next;
  }
  return placeOfOffset(css, match?.index ?? start);
}

/* ---- What each variable resolves to ---- */

/** The declaration of each variable that wins in `medium`: the theme over the base, later over earlier, !important over both. */
function cascade(
  base: readonly Declared[],
  theme: readonly Declared[],
  medium: 'screen' | 'print',
): Map<string, Declared> {
  const winners = new Map<string, Declared>();
  for (const important of [false, true]) {
    for (const declared of [...base, ...theme]) {
      if (declared.important !== important || (declared.medium !== 'all' && declared.medium !== medium)) continue;
      winners.set(declared.name, declared);
    }
  }
  return winners;
}

/** A variable's colour, and the declarations it came through (its own first, then those its var()s named). */
interface Setting {
  colour: Srgb;
  from: readonly Declared[];
}

/** The colour of every variable the pairs name, where it resolves to one. */
function settings(winners: ReadonlyMap<string, Declared>): Map<string, Setting> {
  const names = new Set(contrastPairs.flatMap(({ foreground, background }) => [foreground, background]));
  const resolvedValues = [...names].flatMap((name) => {
    const found = resolved(name, winners, new Set());
    return found ? [{ name, ...found }] : [];
  });
  const named = namedColours(resolvedValues.flatMap(({ value }) => (value.type === 'ident' ? [value.ident] : [])));
  const result = new Map<string, Setting>();
  for (const { name, value, from } of resolvedValues) {
    const colour =
      value.type === 'srgb'
        ? value.colour
        : value.type === 'colour'
          ? srgbOf(value.colour)
          : named.get(value.ident.toLowerCase());
    if (colour) result.set(name, { colour, from });
  }
  return result;
}

/** A value after var() substitution, when it is one colour, one word (a named colour) or a mix of two colours. */
type Single = { type: 'colour'; colour: CssColor } | { type: 'ident'; ident: string } | { type: 'srgb'; colour: Srgb };

function resolved(
  name: string,
  winners: ReadonlyMap<string, Declared>,
  seen: ReadonlySet<string>,
): { value: Single; from: Declared[] } | undefined {
  const substitution = substituted(name, winners, seen);
  if (substitution === undefined) return undefined;
  const parts = substitution.tokens.filter(
    (token) => !(token.type === 'token' && (token.value.type === 'white-space' || token.value.type === 'comment')),
  );
  const [only] = parts;
  if (parts.length !== 1 || only === undefined) return undefined;
  if (only.type === 'color') return { value: { type: 'colour', colour: only.value }, from: substitution.from };
  if (only.type === 'token' && only.value.type === 'ident')
    return { value: { type: 'ident', ident: only.value.value }, from: substitution.from };
  const mix = only.type === 'function' && only.value.name === 'color-mix' ? srgbMix(only.value.arguments) : undefined;
  return mix ? { value: { type: 'srgb', colour: mix }, from: substitution.from } : undefined;
}

/**
 * `color-mix(in srgb, <colour> [p%], <colour> [q%])` once its var()s are substituted, as the base
 * stylesheet derives shades from a theme's colours; any other space or form is not checked.
 */
function srgbMix(argumentTokens: readonly TokenOrValue[]): Srgb | undefined {
  const meaningful = argumentTokens.filter((token) => !(token.type === 'token' && token.value.type === 'white-space'));
  const parts: TokenOrValue[][] = [[]];
  for (const token of meaningful) {
    if (token.type === 'token' && token.value.type === 'comma') parts.push([]);
    else parts.at(-1)?.push(token);
  }
  const [space, first, second] = parts;
  const words = space?.map((token) =>
    token.type === 'token' && token.value.type === 'ident' ? token.value.value : '',
  );
  if (parts.length !== 3 || words?.join(' ') !== 'in srgb' || !first || !second) return undefined;
  const shareOf = (part: TokenOrValue[]): { colour: Srgb; share: number | undefined } | undefined => {
    const colour = part.find((token) => token.type === 'color');
    const share = part.find((token) => token.type === 'token' && token.value.type === 'percentage');
    if (part.length !== (share ? 2 : 1) || colour?.type !== 'color') return undefined;
    const srgb = srgbOf(colour.value);
    const value = share?.type === 'token' && share.value.type === 'percentage' ? share.value.value : undefined;
    return srgb && { colour: srgb, share: value };
  };
  const [a, b] = [shareOf(first), shareOf(second)];
  return a && b ? mixedInSrgb(a.colour, a.share, b.colour, b.share) : undefined;
}

/** `name`'s tokens with every var() replaced, as a browser computes them; undefined when invalid (unset, a cycle). */
function substituted(
  name: string,
  winners: ReadonlyMap<string, Declared>,
  seen: ReadonlySet<string>,
): { tokens: TokenOrValue[]; from: Declared[] } | undefined {
  const declared = winners.get(name);
  if (declared === undefined || seen.has(name)) return undefined;
  const inner = new Set([...seen, name]);
  const tokens: TokenOrValue[] = [];
  const from: Declared[] = [declared];
  // Into `into`, so a function's arguments (color-mix's colours) are substituted too.
  const substitute = (value: readonly TokenOrValue[], into: TokenOrValue[]): boolean => {
    for (const token of value) {
      if (token.type === 'function') {
        const args: TokenOrValue[] = [];
        if (!substitute(token.value.arguments, args)) return false;
        into.push({ type: 'function', value: { name: token.value.name, arguments: args } });
        continue;
      }
      if (token.type !== 'var') {
        into.push(token);
        continue;
      }
      const found = substituted(token.value.name.ident, winners, inner);
      if (found) {
        into.push(...found.tokens);
        from.push(...found.from);
      } else if (!token.value.fallback || !substitute(token.value.fallback, into)) return false;
    }
    return true;
  };
  return substitute(declared.value, tokens) ? { tokens, from } : undefined;
}

/** Named colours (`navy`, `transparent`) as lightningcss reads them, in one parse for all. */
function namedColours(idents: readonly string[]): Map<string, Srgb> {
  const words = [...new Set(idents.map((ident) => ident.toLowerCase()))].filter((word) => /^[a-z]+$/.test(word));
  const colours = new Map<string, Srgb>();
  if (words.length === 0) return colours;
  lightningcss().transform({
    filename: 'colours.css',
    code: Buffer.from(words.map((word, n) => `.c${n}{color:${word}}`).join('')),
    errorRecovery: true,
    visitor: {
      Rule: {
        style(rule) {
          const n = Number(
            rule.value.selectors[0]?.[0]?.type === 'class' ? rule.value.selectors[0][0].name.slice(1) : -1,
          );
          for (const declaration of rule.value.declarations?.declarations ?? []) {
            if (declaration.property !== 'color' || typeof declaration.value !== 'object') continue;
            const colour = srgbOf(declaration.value);
            const word = words[n];
            if (colour && word !== undefined) colours.set(word, colour);
          }
        },
      },
    },
  });
  return colours;
}

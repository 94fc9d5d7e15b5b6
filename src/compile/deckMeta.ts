import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import type { VFile } from 'vfile';
import { placeOfOffset, type Place } from './deckError.ts';
import { failOn, type Fail } from './deckMessages.ts';
import { stringsSchema } from './deckStrings.ts';
import { validate } from './validate.ts';
import { aspects } from '../contract/slideSize.ts';

const text = z.union([z.string(), z.number()]).transform(String);

/** The frontmatter a deck may set; anything else is reported, with a suggestion for typos. */
const deckMetaSchema = z.strictObject({
  title: text.pipe(z.string().trim().min(1, 'must not be empty')),
  subtitle: text.optional(),
  author: text.optional(),
  meeting: text.optional(),
  date: text.optional(),
  lang: z
    .string()
    .refine(
      (tag) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag) && isLanguageTag(tag),
      'must be a language tag such as en, es or en-US',
    )
    .default('en'),
  theme: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a theme name such as civic (a file themes/<name>.css)')
    .default('civic'),
  description: text.optional(),
  /** Where the deck will be shared: link previews and <ShareQR /> point here. */
  url: z.url({ protocol: /^https?$/, error: 'must be a web address such as https://example.org/deck.html' }).optional(),
  /** A speaking limit such as 3m, 90s or 2m30s, in seconds once read. */
  timeLimit: z
    .union([z.string(), z.number()])
    .transform((value, context) => {
      const bare = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
      // "timeLimit: 3" almost always means three minutes, not three seconds.
      if (bare !== undefined && bare < 30) {
        context.addIssue({
          code: 'custom',
          message: `a bare number is seconds; did you mean ${bare}m (${bare} minutes)?`,
        });
        return 0;
      }
      const seconds = parseDuration(bare ?? value);
      if (seconds === undefined)
        context.addIssue({ code: 'custom', message: 'must be a duration such as 3m, 90s or 2m30s' });
      return seconds ?? 0;
    })
    .optional(),
  /** `visible` also shows the countdown to the audience; otherwise only the speaker view has it. */
  timer: z.enum(['speaker', 'visible']).optional(),
  /** `public`: the reading view (`?read`) shows the speaker notes under each slide; by default it never does. */
  notes: z.enum(['private', 'public']).default('private'),
  /** An image of the project (like ./images/logo.svg): on the title slide, and small in a corner of every slide. */
  logo: z.string().trim().min(1, 'must be the path of an image, such as ./images/logo.svg').optional(),
  /** `title-only` keeps the logo to <TitleSlide />; by default it is on every slide. */
  logoPlacement: z.enum(['every-slide', 'title-only']).optional(),
  /** What the logo says, for those who cannot see it; the deck's `author` when not given. */
  logoAlt: text.pipe(z.string().trim().min(1, 'must not be empty')).optional(),
  /** A line of small text on every slide, such as the group's name. */
  footer: text.pipe(z.string().trim().min(1, 'must not be empty')).optional(),
  /** The deck in another language (like ./comentario.mdx): each built file links to the other. */
  translation: z
    .string()
    .trim()
    .regex(/\.mdx$/i, 'must be the path of a deck, such as ./comentario.mdx')
    .optional(),
  /** The slide box's shape (see slideSizes); 16:9 when not set. */
  aspect: z.enum(aspects).optional(),
  /** Podium's own words (`showData: Ver datos`) in place of those of the deck's `lang`. */
  strings: stringsSchema.optional(),
});

/** A tag the browser's number formatting accepts (en-12 has the right shape but is not one). */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** "3m", "90s", "2m30s" or a plain number of seconds, in seconds. */
function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return value > 0 && Number.isFinite(value) ? value : undefined;
  const match = /^\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?\s*$/i.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const seconds = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

export type DeckMeta = z.output<typeof deckMetaSchema>;

/** Far more than any frontmatter repeats a value with `*name`, far fewer than an alias bomb expands to. */
const maxAliasCount = 100;

export interface DeckMetaOptions {
  /** Receives the validated metadata and where each key was written. */
  onMeta: (meta: DeckMeta, placeOf: (key: string) => Place) => void;
}

/** Reads and checks the YAML frontmatter (the block between the first two `---` lines). */
export function remarkDeckMeta({ onMeta }: DeckMetaOptions) {
  return (tree: Root, vfile: VFile) => {
    const file = vfile.path;
    const source = String(vfile.value);
    const fail: Fail = failOn(vfile);
    const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
    const top: Place = { file, line: 1, column: 1 };
    if (!yaml) {
      fail('The deck has no frontmatter', {
        place: top,
        hint: 'Start the file with a block such as:\n  ---\n  title: Students need support staff\n  ---',
        ruleId: 'frontmatter-missing',
      });
    }
    // The YAML text starts on the line after the opening `---`.
    const start = source.indexOf('\n', yaml.position?.start.offset ?? 0) + 1;
    const placeAt = (offset: number): Place => ({ file, ...placeOfOffset(source, start + offset) });
    const tooLarge: (place: Place) => never = (place) =>
      fail('The frontmatter is too large once its aliases (*name) or nesting are expanded', {
        place,
        hint: 'Frontmatter holds a few plain "key: value" lines; write each value out instead of repeating others with &name and *name.',
        ruleId: 'frontmatter-too-large',
      });
    const document = parseDocument(yaml.value, { prettyErrors: false });
    const problem = document.errors[0];
    if (problem?.code === 'RESOURCE_EXHAUSTION') tooLarge(placeAt(problem.pos[0]));
    if (problem) {
      fail(`Invalid frontmatter: ${problem.message.split('\n')[0]}`, {
        place: placeAt(problem.pos[0]),
        hint: 'Each line is "key: value"; put text with a colon in quotes.',
        ruleId: 'frontmatter-yaml',
      });
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount }) ?? {};
    } catch {
      // Aliases (*name) repeating aliases grow exponentially ("billion laughs"); yaml stops counting past the limit.
      tooLarge(placeAt(firstAlias(document) ?? 0));
    }
    // A nested key (strings: { showDta: … }) is placed at its own line, else at the deepest key found.
    const placeOf = (key: string | undefined, path: PropertyKey[] = key === undefined ? [] : [key]): Place => {
      let place = top;
      let map = document.contents;
      for (const segment of path) {
        if (!isMap(map)) break;
        const pair = map.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair || !isScalar(pair.key) || !pair.key.range) break;
        place = placeAt(pair.key.range[0]);
        map = pair.value as typeof map;
      }
      return place;
    };
    const meta = validate(deckMetaSchema, value, {
      name: 'the frontmatter',
      field: 'key',
      placeOf,
      fail,
      ruleId: 'frontmatter-invalid',
    });
    onMeta(meta, (key) => placeOf(key));
  };
}

/** Where the first alias (`*name`) is written in the frontmatter's YAML. */
function firstAlias(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { checkAllowList } from './allowList.ts';
import { numberCitations } from './components/citations.ts';
import { componentNames, components } from './components/index.ts';
import { shareStatSizes } from './components/stat.ts';
import type { DeckState } from './components/deckState.ts';
import { DeckError, type DeckWarning, type Place } from './deckError.ts';
import { deckWarnings, failOn, warnOn } from './deckMessages.ts';
import { diskFiles, outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';
import { deckBrand, type DeckBrand } from './deckBrand.ts';
import { remarkDeckMeta, type DeckMeta } from './deckMeta.ts';
import { deckTranslation, type DeckTranslation } from './deckTranslation.ts';
import { deckStrings } from './deckStrings.ts';
import { renderSlides } from './expressions/renderSlides.ts';
import { computesInBraces } from './expressions/plainData.ts';
import { DeckSandboxes, preloadSandbox } from './expressions/sandbox.ts';
import { refuseDeepNesting, remarkNestingLimit } from './nestingDepth.ts';
import { remarkDataImports } from './remarkDataImports.ts';
import { remarkImages } from './remarkImages.ts';
import { remarkKnownComponents } from './remarkKnownComponents.ts';
import { remarkSlides } from './remarkSlides.ts';
import { remarkParseSlides, SlideParses } from './slideParses.ts';
import { remarkThousandsCommas } from './remarkThousandsCommas.ts';
import { remarkUnravel } from './remarkUnravel.ts';
import { slideHeadings } from './slideHeadings.ts';
import type { Strings } from '../locale/index.ts';

export interface CompileOptions {
  /** Absolute path of the deck; data and images are resolved beside it. */
  file: string;
  /** The project folder: no file outside it is read (see diskFiles). */
  root: string;
  /** The deck's text; read from `file` when not given. */
  source?: string;
  /** Folder of images any deck can use (`public/`). */
  publicDir: string;
  files?: DeckFiles;
  /** Sandboxes kept from one build of this deck to the next (podium dev); else the compile makes its own. */
  sandboxes?: DeckSandboxes;
  /** Slides' parses kept across the decks of one build, or the saves of `podium dev`; else the compile parses afresh. */
  parses?: SlideParses;
}

/** A compiled deck: what the renderer needs and what a watcher should watch. */
export interface Deck {
  file: string;
  /** The deck's text, for the code frame of a problem found once it is built (a slide too tall). */
  source: string;
  meta: DeckMeta;
  /** Where each frontmatter key was written, for errors found later (a missing theme). */
  placeOf: (key: string) => Place;
  slides: Element[];
  /** The logo and footer line the frontmatter puts on every slide. */
  brand: DeckBrand;
  /** The deck in another language (frontmatter `translation`), linked both ways. */
  translation?: DeckTranslation;
  chartCount: number;
  /** Chart.js chart types the slides draw. */
  chartTypes: string[];
  /** What builds but deserves a look, in the order found (see DeckWarning). */
  messages: DeckWarning[];
  /** Every word Podium writes in this deck, the build's and the runtime's: its `lang`'s, with `strings:` over them. */
  strings: Strings;
}

/**
 * MDX's nodes stay in the tree when Markdown becomes hast, to be rendered by Podium. They pass
 * as they are: remark-rehype's passThrough would deep-copy each one, its expressions' syntax
 * trees and all (a tenth of a deck's compile), for a Markdown tree nothing reads again.
 */
type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['blockquote']>;
const keepMdxNode: Handler = (state, node) =>
  'children' in node ? ({ ...node, children: state.all(node) } as never) : (node as never);
const mdxNodeHandlers: Record<string, Handler> = Object.fromEntries(
  ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'].map((type) => [
    type,
    keepMdxNode,
  ]),
);

/**
 * MDX → Deck: parse, check and resolve at build time, then render the slides to hast. The
 * deck's expressions are evaluated as data in a sandbox, never run as Node code.
 */
export async function compileDeck(options: CompileOptions): Promise<Deck> {
  return renderDeck(await prepareDeck(options), { sandboxes: options.sandboxes });
}

/**
 * A deck parsed, checked and with its data read, not yet rendered: what stays the same when one
 * deck is rendered once per row of a spreadsheet (see renderDeck's `row`).
 */
export interface PreparedDeck {
  file: string;
  source: string;
  meta: DeckMeta;
  placeOf: Deck['placeOf'];
  /** Markdown as hast, its JSX and expressions still in it; renderDeck works on a copy. */
  tree: HastRoot;
  data: Record<string, unknown>;
  brand: DeckBrand;
  translation: DeckTranslation | undefined;
  strings: Strings;
  /** Warnings found while preparing; each render adds its own. */
  messages: DeckWarning[];
}

/** Reads the deck and runs the passes that do not depend on a row: parse, frontmatter, data, images, slides. */
export async function prepareDeck(options: CompileOptions): Promise<PreparedDeck> {
  const files = options.files ?? diskFiles([options.root]);
  const { file, publicDir } = options;
  const source =
    options.source ??
    readInsideProject(
      () => files.readText(file),
      () => {
        throw new DeckError('The deck is outside the project', {
          place: { file, line: 1, column: 1 },
          hint: outsideProjectHint,
          ruleId: 'file-outside-project',
        });
      },
    );
  if (source === undefined) {
    throw new DeckError(`Cannot find the deck ${file}`, {
      place: { file, line: 1, column: 1 },
      hint: 'Check the path; decks are .mdx files.',
      ruleId: 'deck-missing',
    });
  }
  let meta: DeckMeta | undefined;
  let placeOf: Deck['placeOf'] = () => ({ file, line: 1, column: 1 });
  let data: Record<string, unknown> = {};
  const vfile = new VFile({ path: file, value: source });
  refuseDeepNesting(vfile);
  const tree = await parseDeck(vfile, options.parses ?? new SlideParses(), [
    remarkFrontmatter,
    remarkGfm,
    remarkUnravel,
    remarkNestingLimit,
    [
      remarkDeckMeta,
      {
        onMeta: (value: DeckMeta, places: Deck['placeOf']) => {
          meta = value;
          placeOf = places;
        },
      },
    ],
    [remarkKnownComponents, { known: componentNames }],
    remarkThousandsCommas,
    [remarkDataImports, { files, onData: (value: Record<string, unknown>) => (data = value) }],
    [remarkImages, { publicDir, files }],
    remarkSlides,
  ]);
  // A deck whose braces compute needs the sandbox: its interpreter loads while the rest is prepared.
  if (computesInBraces(tree)) preloadSandbox();
  const brand = deckBrand(meta!, { deck: file, publicDir, files, placeOf, fail: failOn(vfile) });
  const translation = deckTranslation(meta!, {
    deck: file,
    files,
    placeOf,
    fail: failOn(vfile),
    warn: warnOn(vfile),
  });
  const strings = deckStrings(meta!, { warn: warnOn(vfile), placeOf });
  return {
    file,
    source,
    meta: meta!,
    placeOf,
    tree,
    data,
    brand,
    translation,
    strings,
    messages: deckWarnings(vfile),
  };
}

export interface RenderOptions {
  /** One row of a spreadsheet: `row` in the deck's expressions, given as data like an import. */
  row?: Record<string, unknown>;
  /** The frontmatter for this row, when it differs from the prepared deck's (see rowMeta). */
  meta?: DeckMeta;
  /** The sandboxes the rows of this deck (or its builds in podium dev) share; else the render makes its own. */
  sandboxes?: DeckSandboxes;
}

/** A prepared deck → its slides, its expressions evaluated in a sandbox (see RenderOptions.sandboxes). */
export async function renderDeck(
  prepared: PreparedDeck,
  { row, meta = prepared.meta, sandboxes: shared }: RenderOptions = {},
): Promise<Deck> {
  const { file, source, placeOf, brand, translation, strings } = prepared;
  const vfile = new VFile({ path: file, value: source });
  vfile.messages.push(...prepared.messages);
  // Rendering reads the tree and leaves it as it was (bar comments in braces, dropped once), so
  // every row renders the same prepared tree: copying it cost a third of a row's time.
  const { tree } = prepared;
  const data = row ? { ...prepared.data, row } : prepared.data;
  const state: DeckState = {
    file,
    source,
    meta,
    brand,
    translation,
    lang: meta.lang,
    strings,
    url: meta.url,
    chartCount: 0,
    chartTypes: new Set(),
    sources: new Map(),
  };
  // A deck renders in a sandbox of its own; the rows of one deck share theirs (DeckSandboxes).
  const sandboxes = shared ?? new DeckSandboxes(componentNames);
  try {
    const hooks = { warn: warnOn(vfile), fail: failOn(vfile), slideHeadingAt: slideHeadings(tree) };
    const provided = Object.fromEntries(
      components.map((component) => [component.name, component.render(state, hooks)]),
    );
    const slides = await renderSlides(tree, {
      file: vfile,
      evaluate: (codes) => sandboxes.evaluate(state.lang, codes, data),
      data,
      components: provided,
    });
    numberCitations(slides, state.sources, strings);
    shareStatSizes(slides);
    checkAllowList(slides, vfile);
    return {
      file,
      source,
      meta,
      placeOf,
      slides,
      brand,
      translation,
      chartCount: state.chartCount,
      chartTypes: [...state.chartTypes],
      messages: deckWarnings(vfile),
      strings,
    };
  } finally {
    if (!shared) await sandboxes.dispose();
  }
}

/** Parses the deck and runs the passes: Markdown with JSX and expressions, as hast. */
async function parseDeck(vfile: VFile, parses: SlideParses, remarkPlugins: PluggableList): Promise<HastRoot> {
  const processor = unified()
    .use(remarkParseSlides, { parses })
    .use(remarkMdx)
    .use(remarkPlugins)
    .use(remarkRehype, { handlers: mdxNodeHandlers });
  try {
    return (await processor.run(processor.parse(vfile) as MdastRoot, vfile)) as HastRoot;
  } catch (error) {
    if (error instanceof DeckError) throw error;
    const message = error as {
      reason?: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
      url?: string;
    };
    const given = message.place && 'start' in message.place ? message.place.start : message.place;
    // "Expected a closing tag for `<Notes>` (34:1-34:8)" is placed at the document's start;
    // the element it means is the place to show.
    const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(message.reason ?? '');
    const at =
      named && (given?.line ?? message.line ?? 1) === 1 ? { line: Number(named[1]), column: Number(named[2]) } : given;
    return failOn(vfile)(message.reason ?? String(error), {
      place: { line: at?.line ?? message.line ?? 1, column: at?.column ?? message.column ?? 1 },
      hint: syntaxHint(message.reason ?? ''),
      ruleId: 'mdx-syntax',
      cause: error,
    });
  }
}

function syntaxHint(reason: string): string {
  if (/comment/.test(reason)) return 'MDX has no HTML comments: write {/* a comment */} instead of <!-- … -->.';
  const unclosed = /closing tag for `<([^>]+)>`/.exec(reason);
  if (unclosed)
    return `This <${unclosed[1]}> is never closed: end it with </${unclosed[1]}>, or write <${unclosed[1]} … /> if it holds nothing.`;
  if (/closing tag|end tag/i.test(reason))
    return 'Every component needs a closing tag (<Notes>…</Notes>) or a self-closing slash (<BarChart … />).';
  if (/parse expression|acorn/i.test(reason))
    return 'Braces {…} hold data such as {figures.total}; to show a brace as text write \\{. Numbers in code are written without commas: 2000, not 2,000.';
  return "Check the markup near this place: a component's tags, braces {…} and quotes must match.";
}

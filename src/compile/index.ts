import { compile, run } from '@mdx-js/mdx';
import type { Element } from 'hast';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { SourceMapConsumer, SourceMapGenerator, type RawSourceMap } from 'source-map-js';
import { VFile } from 'vfile';
import { numberCitations } from './components/citations.ts';
import { componentNames, components } from './components/index.ts';
import type { DeckState } from './components/defineComponent.ts';
import { DeckError, type Place } from './deckError.ts';
import { diskFiles, outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';
import { remarkDeckMeta, type DeckMeta } from './deckMeta.ts';
import { createHastJsx, toHastChildren, type HastChild } from './hastJsx.ts';
import { refuseDeepNesting, remarkNestingLimit } from './nestingDepth.ts';
import { remarkDataImports } from './remarkDataImports.ts';
import { remarkImages } from './remarkImages.ts';
import { remarkKnownComponents } from './remarkKnownComponents.ts';
import { remarkSlides } from './remarkSlides.ts';
import { remarkThousandsCommas } from './remarkThousandsCommas.ts';

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
}

/** A compiled deck: what the renderer needs and what a watcher should watch. */
export interface Deck {
  file: string;
  meta: DeckMeta;
  /** Where each frontmatter key was written, for errors found later (a missing theme). */
  placeOf: (key: string) => Place;
  slides: Element[];
  chartCount: number;
  /** Chart.js chart types the slides draw. */
  chartTypes: string[];
}

/** MDX → Deck: parse, check and resolve at build time, then run the deck into hast slides. */
export async function compileDeck(options: CompileOptions): Promise<Deck> {
  const files = options.files ?? diskFiles([options.root]);
  const { file, publicDir } = options;
  const source =
    options.source ??
    readInsideProject(
      () => files.readText(file),
      () => {
        throw new DeckError('The deck is outside the project', { place: { file, line: 1, column: 1 }, hint: outsideProjectHint, ruleId: 'file-outside-project' });
      },
    );
  if (source === undefined) {
    throw new DeckError(`Cannot find the deck ${file}`, { place: { file, line: 1, column: 1 }, hint: 'Check the path; decks are .mdx files.', ruleId: 'deck-missing' });
  }
  refuseDeepNesting(file, source);
  let meta: DeckMeta | undefined;
  let placeOf: Deck['placeOf'] = () => ({ file, line: 1, column: 1 });
  const compiled = await compileMdx(source, file, [
    remarkFrontmatter,
    remarkGfm,
    [remarkNestingLimit, { file, source }],
    [remarkDeckMeta, { file, source, onMeta: (value: DeckMeta, places: Deck['placeOf']) => ((meta = value), (placeOf = places)) }],
    [remarkKnownComponents, { file, source, known: componentNames }],
    [remarkThousandsCommas, { file, source }],
    [remarkDataImports, { file, source, files }],
    [remarkImages, { file, source, publicDir, files }],
    [remarkSlides, { file, source }],
  ]);
  const state: DeckState = { file, source, lang: meta!.lang, url: meta!.url, chartCount: 0, chartTypes: new Set(), sources: new Map() };
  const slides = await runDeck(compiled, state);
  numberCitations(slides, state.sources);
  return { file, meta: meta!, placeOf, slides, chartCount: state.chartCount, chartTypes: [...state.chartTypes] };
}

type PluginList = NonNullable<Parameters<typeof compile>[1]>['remarkPlugins'];

interface CompiledMdx {
  code: string;
  /** Maps the generated code back to the deck, to place errors thrown while it runs. */
  map: RawSourceMap | undefined;
}

async function compileMdx(source: string, file: string, remarkPlugins: PluginList): Promise<CompiledMdx> {
  try {
    const output = await compile(new VFile({ path: file, value: source }), {
      development: true,
      outputFormat: 'function-body',
      remarkPlugins,
      SourceMapGenerator: SourceMapGenerator as unknown as NonNullable<Parameters<typeof compile>[1]>['SourceMapGenerator'],
    });
    return { code: String(output), map: output.map as RawSourceMap | undefined };
  } catch (error) {
    if (error instanceof DeckError) throw error;
    const message = error as { reason?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; url?: string };
    const given = message.place && 'start' in message.place ? message.place.start : message.place;
    // "Expected a closing tag for `<Notes>` (34:1-34:8)" is placed at the document's start;
    // the element it means is the place to show.
    const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(message.reason ?? '');
    const at = named && (given?.line ?? message.line ?? 1) === 1 ? { line: Number(named[1]), column: Number(named[2]) } : given;
    throw new DeckError(message.reason ?? String(error), {
      place: { file, line: at?.line ?? message.line ?? 1, column: at?.column ?? message.column ?? 1 },
      hint: syntaxHint(message.reason ?? ''),
      source,
      ruleId: 'mdx-syntax',
      cause: error,
    });
  }
}

function syntaxHint(reason: string): string {
  if (/comment/.test(reason)) return 'MDX has no HTML comments: write {/* a comment */} instead of <!-- … -->.';
  const unclosed = /closing tag for `<([^>]+)>`/.exec(reason);
  if (unclosed) return `This <${unclosed[1]}> is never closed: end it with </${unclosed[1]}>, or write <${unclosed[1]} … /> if it holds nothing.`;
  if (/closing tag|end tag/i.test(reason)) return 'Every component needs a closing tag (<Notes>…</Notes>) or a self-closing slash (<BarChart … />).';
  if (/parse expression|acorn/i.test(reason)) return 'Braces {…} hold data such as {figures.total}; to show a brace as text write \\{. Numbers in code are written without commas: 2000, not 2,000.';
  return 'Check the markup near this place: a component\'s tags, braces {…} and quotes must match.';
}

async function runDeck({ code, map }: CompiledMdx, state: DeckState): Promise<Element[]> {
  const runtime = createHastJsx(state.file, state.source);
  const provided = Object.fromEntries(components.map((component) => [component.name, component.render(state)]));
  try {
    const { default: content } = await run(code, { ...runtime, baseUrl: pathToFileURL(state.file) } as unknown as Parameters<typeof run>[1]);
    const nodes = toHastChildren((content as (props: unknown) => HastChild)({ components: provided }));
    return nodes.filter((node): node is Element => node.type === 'element' && node.tagName === 'section');
  } catch (error) {
    if (error instanceof DeckError) throw error;
    const reason = (error as Error).message;
    throw new DeckError(`An expression in braces failed: ${reason}`, {
      place: { file: state.file, ...(placeInDeck(error, map) ?? { line: 1, column: 1 }) },
      hint: /is not defined/.test(reason)
        ? 'Each name in braces must be imported at the top, e.g. import figures from \'./data/figures.json\'. To show a brace as text, write \\{.'
        : 'Check the names in braces {…} against the data file: a key may be misspelt or missing.',
      source: state.source,
      ruleId: 'deck-expression',
      cause: error,
    });
  }
}

/** Where in the deck a run-time error happened, from its stack and the compile's source map. */
function placeInDeck(error: unknown, map: RawSourceMap | undefined): { line: number; column: number } | undefined {
  // `run` evaluates the code as the body of `async function anonymous(\n) {\n…`: two lines above it.
  const frame = /<anonymous>:(\d+):(\d+)/.exec((error as Error)?.stack ?? '');
  if (!frame || !map) return undefined;
  const original = new SourceMapConsumer(map).originalPositionFor({ line: Number(frame[1]) - 2, column: Number(frame[2]) - 1 });
  return original.line ? { line: original.line, column: original.column + 1 } : undefined;
}

import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { keptByText } from '../../keptByText.ts';
import { sandboxPrelude } from './prelude.ts';
import { dateFormat, numberFormat } from '../../locale/formats.ts';

/**
 * A deck's expressions run here: a QuickJS interpreter compiled to WebAssembly, with no
 * Node, no files, no network and no clock but the one it is given. Data goes in as JSON;
 * values and JSX elements come out as JSON, tagged so that data can never pass for an element.
 */

export interface SourceInfo {
  fileName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

/** An element written as JSX inside braces, made in the sandbox. */
export class SandboxElement {
  constructor(
    /** A tag name, a component's name, or the fragment `<>…</>`. */
    readonly type: { tag: string } | { component: string } | { fragment: true },
    readonly props: Record<string, unknown>,
    readonly source: SourceInfo | undefined,
  ) {}
}

/** A value that is not data (a function, a symbol): it can be neither shown nor passed on. */
export class SandboxOpaque {
  constructor(readonly kind: string) {}
}

export interface SandboxLimits {
  /** Milliseconds all of a deck's expressions may take together. */
  time: number;
  /** Bytes the interpreter may allocate. */
  memory: number;
  /** Bytes of stack: deep recursion stops here, well before Node's own stack. */
  stack: number;
}

/** Failures after which a sandbox is not used again (DeckSandboxes makes another). */
const spentBy = new Set<SandboxFailure['kind']>(['time', 'memory', 'stack']);

export const defaultLimits: SandboxLimits = { time: 2000, memory: 64 * 1024 * 1024, stack: 256 * 1024 };

/** Why an expression did not give a value, with its place inside the evaluated code. */
export class SandboxFailure extends Error {
  /** Which expression, when the failure stopped them all (see DeckSandbox.evaluateAll). */
  index: number | undefined;

  constructor(
    readonly kind: 'error' | 'time' | 'memory' | 'stack' | 'depth',
    message: string,
    /** 1-based line and column in the expression's code, when the interpreter said. */
    readonly at: { line: number; column: number } | undefined,
  ) {
    super(message);
  }
}

/** What one expression gave: a value, or why it gave none. */
export type Outcome = { value: unknown } | { failure: SandboxFailure };

export interface DeckSandbox {
  /**
   * Evaluates a deck's expressions (JavaScript source, JSX already turned into calls) in one
   * pass, each on its own, over `data` (imported data by the name the deck gave it, and the
   * row): a fresh copy each time, so what one pass does to it no other pass sees. The time limit
   * holds for them all, and past it throws a SandboxFailure naming the expression that was running.
   */
  evaluateAll(codes: readonly string[], data: Readonly<Record<string, unknown>>): Outcome[];
  /** Whether a pass ran out of time, memory or stack: the interpreter may be left unfit for another. */
  readonly spent: boolean;
  dispose(): void;
}

export interface SandboxOptions {
  /** Names of Podium's components, usable as JSX inside braces. */
  components: readonly string[];
  /** The deck's language, the default for toLocaleString and Intl formats. */
  lang: string;
  limits?: SandboxLimits;
}

type QuickJsCore = typeof import('quickjs-emscripten-core');

let loading: Promise<{ core: QuickJsCore; module: QuickJSWASMModule }> | undefined;

/**
 * The interpreter is loaded once per process, and only for a deck whose braces compute (see
 * plainData.ts); each deck gets a runtime of its own (DeckSandboxes). A deck's expressions are few and small:
 * V8's baseline compiler, function by function as they are first called, is enough, and leaves
 * the cores to the build (optimising the whole interpreter in the background slowed the Markdown
 * parse beside it by half on a 2-core machine). The flags hold for every WebAssembly module the
 * process compiles afterwards; Podium compiles no other. (bin/podium.js sets the same flags
 * before it compiles the commands' bundle, so that V8 accepts the bundle's code cache.)
 */
function quickJs(): Promise<{ core: QuickJsCore; module: QuickJSWASMModule }> {
  if (!loading) {
    setFlagsFromString('--liftoff-only');
    setFlagsFromString('--wasm-lazy-compilation');
    loading = Promise.all([import('quickjs-emscripten-core'), import('@jitl/quickjs-wasmfile-release-sync')]).then(
      async ([core, variant]) => ({
        core,
        module: await core.newQuickJSWASMModuleFromVariant(variant.default as never),
      }),
    );
  }
  return loading;
}

/** Starts loading the interpreter while other work goes on. */
export function preloadSandbox(): void {
  void quickJs();
}

export async function createDeckSandbox({
  components,
  lang,
  limits = defaultLimits,
}: SandboxOptions): Promise<DeckSandbox> {
  const { core, module } = await quickJs();
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(limits.memory);
  runtime.setMaxStackSize(limits.stack);
  const context = runtime.newContext({
    intrinsics: { ...core.DefaultIntrinsics, Proxy: false, Promise: false, TypedArrays: false },
  });
  try {
    installFormatting(context, lang);
    const prelude = context.evalCode(sandboxPrelude(components, lang), 'podium-prelude.js');
    context.unwrapResult(prelude).dispose();
  } catch (error) {
    disposeAll(context, runtime);
    throw error;
  }
  let spent = false;
  return {
    evaluateAll: (codes, data) => {
      // The time limit is for the deck's own expressions, counted from when they start.
      runtime.setInterruptHandler(core.shouldInterruptAfterDeadline(Date.now() + limits.time));
      try {
        const outcomes = evaluateAll(context, codes, data, () => runtime.removeInterruptHandler());
        if (outcomes.some((outcome) => 'failure' in outcome && spentBy.has(outcome.failure.kind))) spent = true;
        return outcomes;
      } catch (error) {
        spent = true;
        throw error;
      } finally {
        runtime.removeInterruptHandler();
      }
    },
    get spent() {
      return spent;
    },
    dispose: () => disposeAll(context, runtime),
  };
}

/**
 * A deck's sandboxes, one per language, made when first needed and kept for every row of one
 * deck: the same author's expressions run again over other data (given afresh to each pass),
 * which spares each row the interpreter's start (most of a row's time in it). Decks never share
 * a sandbox; what they share is values (see `evaluate`).
 */
export class DeckSandboxes {
  readonly #made = new Map<string, Promise<DeckSandbox>>();

  constructor(readonly components: readonly string[]) {}

  /**
   * What the expressions give over `data`, as the language's sandbox evaluates them (see
   * DeckSandbox.evaluateAll). Their code, their data and the language are all the interpreter
   * goes by, so values once given are kept by those: a deck whose braces are the same as an
   * earlier deck's, over the same data (copies of a template, a save in podium dev that changed
   * only text), takes them without starting a sandbox. Code that reads the clock or chance is
   * evaluated every time, and a pass with any failure is never kept.
   */
  async evaluate(lang: string, codes: readonly string[], data: Readonly<Record<string, unknown>>): Promise<Outcome[]> {
    const key = keptValuesKey(lang, this.components, codes, data);
    const kept = key === undefined ? undefined : keptPasses(key);
    if (kept?.outcomes) return kept.outcomes;
    const outcomes = (await this.get(lang)).evaluateAll(codes, data);
    if (kept && outcomes.every((outcome) => 'value' in outcome))
      kept.outcomes = outcomes.map(({ value }) => ({ value: deepFrozen(value) }));
    return outcomes;
  }

  /** The sandbox for this language: made when first asked for, and again after one is spent. */
  async get(lang: string): Promise<DeckSandbox> {
    const made = await this.#made.get(lang)?.catch(() => undefined);
    if (made && !made.spent) return made;
    made?.dispose();
    const sandbox = createDeckSandbox({ components: this.components, lang });
    this.#made.set(lang, sandbox);
    return sandbox;
  }

  async dispose(): Promise<void> {
    const made = [...this.#made.values()];
    this.#made.clear();
    // One that could not be made has already said why, where it was needed.
    for (const sandbox of await Promise.allSettled(made)) if (sandbox.status === 'fulfilled') sandbox.value.dispose();
  }
}

/** Passes by keptValuesKey, each holding the values it gave once it gave them all; 64 at most. */
const keptPasses = keptByText(64, (): { outcomes?: Outcome[] } => ({}));

/**
 * What a pass's values depend on, hashed; undefined when they may differ from one pass to the
 * next. Deck code reaches only the globals checkExpression allows: of those, only `Date` (the
 * clock) and `Math.random` (chance) give other values each time. Any mention of `Date`, of
 * `random`, of `Math` other than `Math.` and a name, or an escape that could spell one of them
 * (`\u0044ate`), is read as using them.
 */
function keptValuesKey(
  lang: string,
  components: readonly string[],
  codes: readonly string[],
  data: Readonly<Record<string, unknown>>,
): string | undefined {
  const unsure = (code: string) =>
    /Date|random|\\/.test(code) || /Math/.test(code.replace(/\bMath\.[A-Za-z_$][\w$]*/g, ''));
  if (codes.some(unsure)) return undefined;
  return createHash('sha256')
    .update(JSON.stringify([lang, components, codes, data]))
    .digest('base64');
}

/** A kept value, frozen: the decks that take it share one copy. */
function deepFrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const item of Object.values(value)) deepFrozen(item);
  return Object.freeze(value);
}

/**
 * All expressions as one list of functions, each starting on a line of its own, so a place the
 * interpreter gives (`deck.js:12:5`) leads back to its expression and its line there. The data
 * names are the parameters of the function that makes the list, given the data parsed afresh.
 */
function evaluateAll(
  context: QuickJSContext,
  codes: readonly string[],
  data: Readonly<Record<string, unknown>>,
  stopInterrupting: () => void,
): Outcome[] {
  const firstLines: number[] = [];
  const values = Object.fromEntries(Object.entries(data).map(([name, value]) => [name, value ?? null]));
  let text = `(({ ${Object.keys(values).join(', ')} }) => [\n`;
  let line = 2;
  for (const code of codes) {
    text += '() => (\n';
    firstLines.push(line + 1);
    text += `${code}\n),\n`;
    line += code.split('\n').length + 2;
  }
  text += `])(JSON.parse(${JSON.stringify(JSON.stringify(values))}))`;
  const whereIs = (at: { line: number; column: number } | undefined) => {
    if (!at) return undefined;
    const index = firstLines.findLastIndex((first) => first <= at.line);
    return index === -1 ? undefined : { index, at: { line: at.line - firstLines[index]! + 1, column: at.column } };
  };
  const thunks = context.evalCode(text, 'deck.js');
  if (thunks.error) failedAll(failure(context, thunks.error), whereIs);
  const runAll = context.getProp(context.global, '__podiumRunAll');
  const results = context.callFunction(runAll, context.undefined, thunks.value);
  runAll.dispose();
  thunks.value.dispose();
  if (results.error) {
    // Stopped (the time limit): the prelude remembers which expression was running.
    stopInterrupting();
    failedAll(failure(context, results.error), whereIs, runningIndex(context));
  }
  const json = context.getString(results.value);
  results.value.dispose();
  return (JSON.parse(json) as Array<{ v: Encoded } | { e: ThrownError }>).map((result) => {
    if ('v' in result) return { value: decode(result.v) };
    const found = failureOf(result.e, (at) => whereIs(at)?.at);
    return { failure: found };
  });
}

/** A failure no expression could catch (the time limit) stops them all; it is the running one's. */
function failedAll(
  failed: { error: ThrownError },
  whereIs: (
    at: { line: number; column: number } | undefined,
  ) => { index: number; at: { line: number; column: number } } | undefined,
  running?: number,
): never {
  const found = whereIs(stackPlace(failed.error.stack));
  const index = running ?? found?.index ?? 0;
  const stopped = failureOf(failed.error, () => (found?.index === index ? found.at : undefined));
  stopped.index = index;
  throw stopped;
}

function runningIndex(context: QuickJSContext): number | undefined {
  const running = context.getProp(context.global, '__podiumRunning');
  const result = context.callFunction(running, context.undefined);
  running.dispose();
  if (result.error) {
    result.error.dispose();
    return undefined;
  }
  const index = context.getNumber(result.value);
  result.value.dispose();
  return index >= 0 ? index : undefined;
}

interface ThrownError {
  name?: string;
  message?: string;
  stack?: string;
}

function failure(context: QuickJSContext, handle: QuickJSHandle): { error: ThrownError } {
  const dumped = context.dump(handle) as ThrownError | string | undefined;
  handle.dispose();
  return { error: typeof dumped === 'object' && dumped !== null ? dumped : { message: String(dumped) } };
}

/** The innermost place in the deck's code an error's stack names. */
function stackPlace(stack: string | undefined): { line: number; column: number } | undefined {
  const frame = /\(deck\.js:(\d+):(\d+)\)/.exec(stack ?? '');
  return frame ? { line: Number(frame[1]), column: Number(frame[2]) } : undefined;
}

function failureOf(
  error: ThrownError,
  placed: (at: { line: number; column: number } | undefined) => { line: number; column: number } | undefined,
): SandboxFailure {
  const message = String(error.message ?? error);
  const at = placed(stackPlace(error.stack));
  if (error.name === 'InternalError' && message === 'interrupted') return new SandboxFailure('time', message, at);
  if (error.name === 'InternalError' && /stack overflow/.test(message)) return new SandboxFailure('stack', message, at);
  if (/out of memory/i.test(message)) return new SandboxFailure('memory', message, at);
  if (message === '__podium_depth') return new SandboxFailure('depth', message, undefined);
  return new SandboxFailure('error', message, at);
}

/**
 * Disposing a runtime that still holds objects aborts the interpreter's whole WebAssembly
 * instance (a fault in Podium, not in the deck): the decks compiled after this one load a fresh one.
 */
function disposeAll(context: QuickJSContext, runtime: QuickJSRuntime): void {
  try {
    context.dispose();
    runtime.dispose();
  } catch {
    loading = undefined;
  }
}

/** Number and date formats, from Node's Intl, given only plain values. */
function installFormatting(context: QuickJSContext, lang: string): void {
  const format = context.newFunction('__podiumFormat', (kindHandle, localeHandle, optionsHandle, valueHandle) => {
    const kind = context.getString(kindHandle);
    const locale = context.typeof(localeHandle) === 'string' ? context.getString(localeHandle) : lang;
    const options = readOptions(context.getString(optionsHandle));
    const value = context.getNumber(valueHandle);
    try {
      const text =
        kind === 'date'
          ? dateFormat(locale, options).format(new Date(value))
          : numberFormat(locale, options).format(value);
      return context.newString(text);
    } catch (error) {
      return { error: context.newError({ name: 'RangeError', message: (error as Error).message }) };
    }
  });
  context.setProp(context.global, '__podiumFormat', format);
  format.dispose();
}

/** Only plain option values reach Intl: no objects, no getters. */
function readOptions(json: string): Record<string, string | number | boolean> {
  const options: Record<string, string | number | boolean> = {};
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== 'object') return options;
  for (const [key, value] of Object.entries(parsed)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) options[key] = value as string | number | boolean;
  }
  return options;
}

type Encoded =
  | string
  | number
  | boolean
  | null
  | { u: 0 }
  | { n: string }
  | { f: 0 }
  | { x: string }
  | { a: Encoded[] }
  | { o: Record<string, Encoded> }
  | { e: { tag: string } | { component: string } | { fragment: true }; p: Record<string, Encoded>; s?: SourceInfo };

/** JSON from the sandbox back to values: every object is a tag, so data stays data. */
function decode(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('u' in value) return undefined;
  if ('n' in value) return Number(value.n);
  if ('f' in value) return new SandboxOpaque('function');
  if ('x' in value) return new SandboxOpaque(value.x);
  if ('a' in value) return value.a.map(decode);
  if ('o' in value) return Object.fromEntries(Object.entries(value.o).map(([key, item]) => [key, decode(item)]));
  const props = Object.fromEntries(Object.entries(value.p).map(([key, item]) => [key, decode(item)]));
  return new SandboxElement(value.e, props, value.s);
}

import type { Expression, Node, Program } from 'estree';
import { walk } from 'estree-walker';
import type { Element, Root } from 'hast';
import type { Parent } from 'unist';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import type { ComponentFunction, HastChild } from '../hastJsx.ts';
import { createHastJsx, describeValue, Fragment, isMadeByPodium, toHastChildren } from '../hastJsx.ts';
import type { VFile } from 'vfile';
import { failOn, type Fail } from '../deckMessages.ts';
import { checkExpression } from './checkExpression.ts';
import { eachNode } from '../eachNode.ts';
import { expressionsIn } from './deckExpressions.ts';
import { plainDataValues } from './plainData.ts';
import { SandboxElement, SandboxFailure, SandboxOpaque, type Outcome } from './sandbox.ts';

export interface RenderSlidesOptions {
  /** The deck: its path, its text, and its messages. */
  file: VFile;
  /**
   * Evaluates the deck's expressions over its data, in its sandbox (DeckSandboxes.evaluate):
   * asked only of a deck whose expressions compute (see plainData.ts).
   */
  evaluate: (codes: readonly string[]) => Promise<Outcome[]>;
  /** The data the deck imported, by the name it gave it (and the row, for one deck per row). */
  data: Readonly<Record<string, unknown>>;
  /** Podium's components, ready to render for this deck. */
  components: Record<string, ComponentFunction>;
}

/**
 * The deck's tree (Markdown turned to hast, with its JSX and expressions still in it) → slides.
 * Elements are made by Podium's JSX runtime; each expression is checked, then evaluated in the
 * deck's sandbox, and what it gives is data: text, or elements written as JSX in the deck.
 */
export async function renderSlides(
  tree: Root,
  { file: deck, evaluate, data, components }: RenderSlidesOptions,
): Promise<Element[]> {
  const file = deck.path;
  const source = String(deck.value);
  const fail: Fail = failOn(deck);
  const runtime = createHastJsx(deck);
  const known = { data: new Set(Object.keys(data)), components: new Set(Object.keys(components)) };
  const { expressions, shownAsContent, checked } = deckExpressions(tree);

  const placeOf = (node: Node) => ({
    line: node.loc?.start.line ?? 1,
    column: (node.loc?.start.column ?? 0) + 1,
  });

  /** Sandbox values → what the JSX runtime takes: elements written in braces are made here. */
  const fromSandbox = (value: unknown): unknown => {
    if (value instanceof SandboxElement) {
      const { type, props, source: at } = value;
      const made = 'tag' in type ? type.tag : 'component' in type ? components[type.component] : Fragment;
      const converted = Object.fromEntries(Object.entries(props).map(([key, item]) => [key, fromSandbox(item)]));
      return runtime.jsxDEV(made, converted, undefined, false, at);
    }
    if (Array.isArray(value)) return value.map(fromSandbox);
    if (value !== null && typeof value === 'object' && !(value instanceof SandboxOpaque)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromSandbox(item)]));
    }
    return value;
  };

  // Every expression is checked before any runs, then all run in one pass of the sandbox.
  // The rows of a deck render the same tree with the same names: it is checked once for them all.
  const names = [...known.data, '', ...known.components].join(',');
  if (!checked.has(names)) {
    for (const expression of expressions) {
      const problem = checkExpression(expression, known);
      if (problem) fail(problem.reason, { place: placeOf(problem.node), hint: problem.hint, ruleId: problem.ruleId });
    }
    checked.add(names);
  }
  const placedFailure = (expression: Expression, exact: boolean, failure: SandboxFailure): never => {
    const start = placeOf(expression);
    const { at: inside } = failure;
    const at =
      exact && inside
        ? {
            line: start.line + inside.line - 1,
            column: inside.line === 1 ? start.column + inside.column - 1 : inside.column,
          }
        : start;
    const [reason, hint, ruleId] = sandboxMessage(failure);
    return fail(reason, { place: at, hint, ruleId });
  };
  /** Each expression's outcome, and whether a place in its code is a place in the deck's text. */
  const evaluateInSandbox = async (): Promise<Array<{ outcome: Outcome; exact: boolean }>> => {
    // Turning JSX into calls takes a compiler of its own, loaded only for a deck that writes JSX in braces.
    const jsxTools = expressions.some(holdsJsx) ? await loadJsxTools() : undefined;
    const codes = expressions.map((expression) => codeOf(expression, source, file, jsxTools));
    try {
      const evaluated = await evaluate(codes.map(({ code }) => code));
      return evaluated.map((outcome, index) => ({ outcome, exact: codes[index]!.exact }));
    } catch (error) {
      if (!(error instanceof SandboxFailure) || error.index === undefined) throw error;
      return placedFailure(expressions[error.index]!, codes[error.index]!.exact, error);
    }
  };
  const plain = plainDataValues(expressions, data)?.map((outcome) => ({ outcome, exact: true }));
  const evaluated = plain ?? (await evaluateInSandbox());
  const outcomes = new Map(evaluated.map((outcome, index) => [expressions[index]!, outcome]));
  const evaluateExpression = (expression: Expression): unknown => {
    // Component names in the deck's own JSX (<BarChart>) come here too.
    if (expression.type === 'Identifier' && expression.name in components && !expression.loc)
      return components[expression.name];
    const evaluated = outcomes.get(expression);
    if (!evaluated) throw new Error('An expression was not evaluated before rendering');
    const { outcome, exact } = evaluated;
    if ('failure' in outcome) placedFailure(expression, exact, outcome.failure);
    const shown = fromSandbox((outcome as { value: unknown }).value);
    if (shownAsContent.has(expression)) checkContent(shown, expression);
    return shown;
  };

  /** What braces show on a slide must be text or elements, never raw data. */
  const checkContent = (value: unknown, expression: Expression) => {
    const name = source
      .slice((expression as { start?: number }).start ?? 0, (expression as { end?: number }).end ?? 0)
      .trim();
    if (value === undefined) {
      fail('An expression in braces here gives nothing', {
        place: placeOf(expression),
        hint: 'A data key in it may be misspelt or missing from the data file: check it against the file.',
        ruleId: 'expression-empty',
      });
    }
    if (value instanceof SandboxOpaque)
      fail(`\`${name}\` gives a ${value.kind}, not a value to show`, {
        place: placeOf(expression),
        hint: 'Show a value from the data, such as {figures.total}.',
        ruleId: 'expression-not-text',
      });
    const items = Array.isArray(value) ? value.flat(Infinity) : [value];
    const shown = (item: unknown) =>
      item === null || ['string', 'number', 'boolean'].includes(typeof item) || isMadeByPodium(item);
    if (
      Array.isArray(value) &&
      items.length > 0 &&
      items.every((item) => !isMadeByPodium(item) && item !== null && typeof item !== 'object')
    ) {
      fail(`\`${name}\` is ${describeValue(value)}, not text`, {
        place: placeOf(expression),
        hint: `Show one of them ({${name}[0]}) or join them ({${name}.join(', ')}).`,
        ruleId: 'expression-not-text',
      });
    }
    const data = items.find((item) => !shown(item));
    if (data !== undefined) {
      const fields = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
      fail(`\`${name}\` is ${describeValue(Array.isArray(value) ? data : value)}, not text`, {
        place: placeOf(expression),
        hint: fields.length
          ? `Show one of its fields: ${fields
              .slice(0, 6)
              .map((field) => `{${name}.${field}}`)
              .join(', ')}${fields.length > 6 ? ', …' : ''}.`
          : 'Show a value from the data, such as {figures.total}.',
        ruleId: 'expression-not-text',
      });
    }
  };

  const content = toJsxRuntime(tree, {
    Fragment,
    jsx: runtime.jsxDEV as never,
    jsxs: runtime.jsxDEV as never,
    // hast-util-to-jsx-runtime counts columns from 0; Podium's places, like editors, from 1.
    jsxDEV: ((
      type: unknown,
      props: Record<string, unknown>,
      key: unknown,
      isStatic: boolean,
      at?: { lineNumber?: number; columnNumber?: number },
    ) =>
      runtime.jsxDEV(type, props, key, isStatic, at && { ...at, columnNumber: (at.columnNumber ?? 0) + 1 })) as never,
    development: true,
    filePath: file,
    // biome-ignore lint/plugin: its types expect JSX components of one argument; Podium's also take a place (hastJsx.ts).
    components: components as unknown as Partial<Components>,
    passKeys: false,
    createEvaluater: () => ({
      evaluateExpression,
      evaluateProgram: () => {
        throw new Error('Deck programs are resolved before rendering');
      },
    }),
  }) as HastChild;
  return toHastChildren(content).filter(
    (node): node is Element => node.type === 'element' && node.tagName === 'section',
  );
}

interface DeckExpressions {
  expressions: Expression[];
  /** The expressions shown as a slide's content, not given to a component. */
  shownAsContent: WeakSet<Node>;
  /** The sets of names (data and components) the expressions were checked against, passing. */
  checked: Set<string>;
}

/** A prepared tree's expressions, found once however many rows render it (buildRows.ts). */
const foundIn = new WeakMap<Root, DeckExpressions>();

function deckExpressions(tree: Root): DeckExpressions {
  let found = foundIn.get(tree);
  if (found) return found;
  const shownAsContent = new WeakSet<Node>();
  const expressions: Expression[] = [];
  const comments: Array<{ node: Parent['children'][number]; parent: Parent }> = [];
  eachNode(tree, (node, parent) => {
    for (const { program, kind } of expressionsIn(node)) {
      const statement = program?.body[0];
      if (statement?.type === 'ExpressionStatement') {
        if (kind === 'content') shownAsContent.add(statement.expression);
        // A spread attribute ({...props}) is evaluated for the object it spreads.
        const spread =
          kind === 'spread' && statement.expression.type === 'ObjectExpression'
            ? statement.expression.properties[0]
            : undefined;
        expressions.push(spread?.type === 'SpreadElement' ? spread.argument : statement.expression);
      } else if (kind === 'content' && parent) {
        // A comment in braces ({/* … */}) holds no expression: it shows nothing.
        comments.push({ node, parent });
      }
    }
  });
  for (const { node, parent } of comments) parent.children.splice(parent.children.indexOf(node), 1);
  found = { expressions, shownAsContent, checked: new Set() };
  foundIn.set(tree, found);
  return found;
}

function holdsJsx(expression: Expression): boolean {
  let found = false;
  walk(expression, {
    enter(node) {
      if ((node.type as string) === 'JSXElement' || (node.type as string) === 'JSXFragment') found = true;
    },
  });
  return found;
}

type JsxTools = Awaited<ReturnType<typeof loadJsxTools>>;

async function loadJsxTools() {
  const [{ buildJsx }, { toJs }] = await Promise.all([import('estree-util-build-jsx'), import('estree-util-to-js')]);
  return { buildJsx, toJs };
}

/** The code the sandbox runs: the deck's own text when it has no JSX, so error columns are exact. */
function codeOf(
  expression: Expression,
  source: string,
  file: string,
  jsxTools: JsxTools | undefined,
): { code: string; exact: boolean } {
  const { start, end } = expression as { start?: number; end?: number };
  if (!jsxTools || !holdsJsx(expression)) return { code: source.slice(start ?? 0, end ?? 0), exact: true };
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: structuredClone(expression) }],
  };
  jsxTools.buildJsx(program, { runtime: 'automatic', development: true, filePath: file });
  // The automatic runtime imports its functions; the sandbox defines them instead.
  program.body = program.body.filter((statement) => statement.type !== 'ImportDeclaration');
  return { code: jsxTools.toJs(program).value.replace(/;\s*$/, ''), exact: false };
}

function sandboxMessage(error: SandboxFailure): [string, string, string] {
  switch (error.kind) {
    case 'time':
      return [
        "The deck's expressions took longer than 2 seconds; this one was still running",
        'Braces compute values from data: a calculation that never ends (or repeats millions of times) cannot finish. Simplify it, or put the result in a data file.',
        'expression-time',
      ];
    case 'memory':
      return [
        'This expression needs more memory than a deck may use',
        'Braces compute values from data: make the value smaller, or put it in a data file.',
        'expression-memory',
      ];
    case 'stack':
      return [
        'This expression calls itself too deeply',
        'Braces compute values from data: a function that calls itself without end cannot finish.',
        'expression-depth',
      ];
    case 'depth':
      return [
        'This expression gives a value nested more than 100 deep',
        'Slides hold values and elements nested a few levels deep: simplify it.',
        'expression-depth',
      ];
    default:
      return [
        `An expression in braces failed: ${error.message}`,
        'Check the names in braces {…} against the data file: a key may be misspelt or missing.',
        'deck-expression',
      ];
  }
}

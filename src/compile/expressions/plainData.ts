import type { Expression, Node } from 'estree';
import type { Root } from 'hast';
import { eachNode } from '../eachNode.ts';
import { expressionsIn } from './deckExpressions.ts';
import type { Outcome } from './sandbox.ts';

/**
 * Most decks' braces only name data and write values: `{staffing.ratios}`, `values={[328, 250]}`,
 * `series={[{ name: "Missouri", values: [328, 488] }]}`, `` title={`Staff in ${row.district}`} ``.
 * Those are read here from the syntax tree with nothing run, which spares such a deck the
 * sandbox (its interpreter takes longer to start than the whole deck takes to compile).
 *
 * Only syntax whose value the language fixes is read: literals, arrays, objects, a data name,
 * a data member the data really holds, a negative number, and a template joining text and
 * numbers. Anything else (a call, an operator, a function, JSX, a key the data lacks) sends
 * the whole deck to the sandbox, so one deck's values never come from two evaluators and every
 * failure is reported as the sandbox reports it.
 */

/** What the sandbox hands back would have no prototype tricks either: these keys always go there. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper values are the sandbox's to refuse (it stops at 100 levels). */
const maxDepth = 100;

/** Whether the expression is written only in the syntax read here (its data is looked at later). */
export function isPlainSyntax(node: Node): boolean {
  switch (node.type) {
    case 'Literal':
      return 'value' in node && !('regex' in node) && !('bigint' in node);
    case 'Identifier':
      return true;
    case 'ArrayExpression':
      return node.elements.every(
        (element) => element !== null && element.type !== 'SpreadElement' && isPlainSyntax(element),
      );
    case 'ObjectExpression':
      return node.properties.every(
        (property) =>
          property.type === 'Property' &&
          property.kind === 'init' &&
          !property.method &&
          !property.computed &&
          keyOf(property.key) !== undefined &&
          isPlainSyntax(property.value),
      );
    case 'MemberExpression':
      return (
        !node.optional &&
        node.object.type !== 'Super' &&
        isPlainSyntax(node.object) &&
        (node.computed ? node.property.type === 'Literal' && keyOf(node.property) !== undefined : true)
      );
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number';
    case 'TemplateLiteral':
      return node.expressions.every(isPlainSyntax);
    default:
      return false;
  }
}

/** Whether any expression in the deck's tree is written in more than plain syntax. */
export function computesInBraces(tree: Root): boolean {
  let computes = false;
  eachNode(tree, (node) => {
    if (computes) return;
    for (const { program } of expressionsIn(node)) {
      const statement = program?.body[0];
      if (statement?.type === 'ExpressionStatement' && !isPlainSyntax(statement.expression)) computes = true;
    }
  });
  return computes;
}

/** Signals that a value must come from the sandbox instead. */
class NotPlain extends Error {}

/**
 * Each expression's value, read from the tree and the deck's data, or undefined when any one of
 * them needs the sandbox. The values are fresh copies, as the sandbox's are: no row or slide can
 * change the data another one reads.
 */
export function plainDataValues(
  expressions: readonly Expression[],
  data: Readonly<Record<string, unknown>>,
): Outcome[] | undefined {
  if (!expressions.every(isPlainSyntax)) return undefined;
  try {
    return expressions.map((expression) => ({ value: copy(read(expression, data), 0) }));
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

function read(node: Node, data: Readonly<Record<string, unknown>>): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'Identifier':
      return member(data, node.name);
    case 'ArrayExpression':
      return node.elements.map((element) => read(element as Node, data));
    case 'ObjectExpression': {
      const object: Record<string, unknown> = {};
      for (const property of node.properties) {
        if (property.type !== 'Property') throw new NotPlain();
        object[keyOf(property.key)!] = read(property.value, data);
      }
      return object;
    }
    case 'MemberExpression': {
      const key = node.computed ? keyOf(node.property as Node) : (node.property as { name: string }).name;
      return member(read(node.object, data), key!);
    }
    case 'UnaryExpression':
      return -(read(node.argument, data) as number);
    case 'TemplateLiteral': {
      const texts = node.quasis.map((quasi) => quasi.value.cooked);
      if (texts.some((text) => text == null)) throw new NotPlain();
      const parts = node.expressions.map((expression) => read(expression, data));
      if (parts.some((part) => typeof part !== 'string' && typeof part !== 'number')) throw new NotPlain();
      return texts.map((text, index) => (index === 0 ? text : String(parts[index - 1]) + text)).join('');
    }
    default:
      throw new NotPlain();
  }
}

/** A value the data itself holds under this key: an array's items and length, an object's own fields. */
function member(holder: unknown, key: string): unknown {
  if (holder === null || typeof holder !== 'object' || unsafeKeys.has(key) || !Object.hasOwn(holder, key)) {
    throw new NotPlain();
  }
  return (holder as Record<string, unknown>)[key];
}

function keyOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return unsafeKeys.has(node.name) ? undefined : node.name;
  if (node.type !== 'Literal') return undefined;
  const { value } = node;
  if (typeof value === 'string') return unsafeKeys.has(value) ? undefined : value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : undefined;
}

/** A copy of JSON-shaped data, as the sandbox gives it back; anything else is the sandbox's to judge. */
function copy(value: unknown, depth: number): unknown {
  if (depth > maxDepth) throw new NotPlain();
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotPlain();
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (unsafeKeys.has(key)) throw new NotPlain();
      object[key] = copy((value as Record<string, unknown>)[key], depth + 1);
    }
    return object;
  }
  throw new NotPlain();
}

import type { Expression, MemberExpression, Node, Program } from 'estree';
import { walk } from 'estree-walker';
import { analyze } from 'periscopic';

/** What an expression in braces may not do, and where it tried: 1-based line, 0-based column as in estree. */
export interface ExpressionProblem {
  reason: string;
  hint: string;
  ruleId: string;
  node: Node;
}

/** Globals a deck's expressions may use: values and formatting, nothing that reaches outside. */
export const allowedGlobals = new Set([
  'Math',
  'Intl',
  'Number',
  'String',
  'Boolean',
  'Array',
  'Object',
  'JSON',
  'Date',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'Infinity',
  'NaN',
  'undefined',
]);

/** Names that would reach Node, the network or code itself: each gets the same answer. */
const codeNames = new Set([
  'process',
  'globalThis',
  'global',
  'window',
  'self',
  'require',
  'module',
  'exports',
  'fetch',
  'eval',
  'Function',
  'AsyncFunction',
  'Reflect',
  'Proxy',
  'WebAssembly',
  'XMLHttpRequest',
  'WebSocket',
  'Buffer',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'import',
  '__dirname',
  '__filename',
  'Deno',
  'Bun',
]);

/** Properties that lead from a value to the code behind it. */
const codeProperties = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'caller',
  'callee',
  'arguments',
]);

/** The syntax a deck's expression may use: values, operators, arrow functions and JSX. */
const allowedNodes = new Set([
  'Program',
  'ExpressionStatement',
  'Literal',
  'Identifier',
  'TemplateLiteral',
  'TemplateElement',
  'ArrayExpression',
  'ObjectExpression',
  'Property',
  'SpreadElement',
  'MemberExpression',
  'ChainExpression',
  'CallExpression',
  'NewExpression',
  'ConditionalExpression',
  'BinaryExpression',
  'LogicalExpression',
  'UnaryExpression',
  'SequenceExpression',
  'ArrowFunctionExpression',
  'ParenthesizedExpression',
  'ArrayPattern',
  'ObjectPattern',
  'AssignmentPattern',
  'RestElement',
  // Arrow functions may have a block with constants, conditions and a return.
  'BlockStatement',
  'ReturnStatement',
  'VariableDeclaration',
  'VariableDeclarator',
  'IfStatement',
  'EmptyStatement',
  'JSXElement',
  'JSXFragment',
  'JSXOpeningElement',
  'JSXClosingElement',
  'JSXOpeningFragment',
  'JSXClosingFragment',
  'JSXIdentifier',
  'JSXAttribute',
  'JSXSpreadAttribute',
  'JSXExpressionContainer',
  'JSXEmptyExpression',
  'JSXText',
]);

const noCode =
  "A deck holds text and data, not code: put the value in a data file (import figures from './data/figures.json') and show it with {figures.total}, or use a component.";

/** Syntax a reader would recognise, by estree type. */
const describedNodes: Record<string, string> = {
  FunctionExpression: 'a function',
  ClassExpression: 'a class',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  ImportExpression: 'import()',
  MetaProperty: 'import.meta',
  ThisExpression: 'this',
  TaggedTemplateExpression: 'a tagged template',
  AssignmentExpression: 'an assignment',
  UpdateExpression: '++ or --',
  ForStatement: 'a loop',
  ForInStatement: 'a loop',
  ForOfStatement: 'a loop',
  WhileStatement: 'a loop',
  DoWhileStatement: 'a loop',
  ThrowStatement: 'throw',
  TryStatement: 'try',
  FunctionDeclaration: 'a function',
  ClassDeclaration: 'a class',
  WithStatement: 'with',
  LabeledStatement: 'a label',
  SwitchStatement: 'switch',
  JSXMemberExpression: 'a dotted component name',
  JSXNamespacedName: 'a namespaced name',
};

/**
 * Checks an expression against what a deck may write, before it is run: the sandbox would
 * stop the rest, but here the answer can say where and what to do instead.
 */
export function checkExpression(
  expression: Expression,
  known: { data: ReadonlySet<string>; components: ReadonlySet<string> },
): ExpressionProblem | undefined {
  let problem: ExpressionProblem | undefined;
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression }],
  };
  walk(program, {
    enter(node, parent) {
      // The first problem is the one reported; the rest of the tree is walked unchecked.
      problem ??= checkNode(node, parent, known);
    },
  });
  if (problem) return problem;
  for (const [name, node] of analyze(program).globals) {
    if (known.data.has(name) || known.components.has(name) || allowedGlobals.has(name)) continue;
    if (codeNames.has(name))
      return { reason: `"${name}" is not available in a deck`, hint: noCode, ruleId: 'expression-code', node };
    return {
      reason: `"${name}" is not defined`,
      hint: "Each name in braces must be imported at the top, e.g. import figures from './data/figures.json'. To show a brace as text, write \\{.",
      ruleId: 'expression-not-defined',
      node,
    };
  }
  return undefined;
}

function checkNode(
  node: Node,
  parent: Node | null,
  known: { components: ReadonlySet<string> },
): ExpressionProblem | undefined {
  const type = node.type as string;
  if (!allowedNodes.has(type)) {
    const what = describedNodes[type] ?? type;
    return {
      reason: `Braces cannot hold ${what}`,
      hint: type === 'FunctionExpression' ? 'Write an arrow function: (row) => row.total.' : noCode,
      ruleId: 'expression-code',
      node,
    };
  }
  if (node.type === 'MemberExpression') {
    const name = memberName(node);
    if (name !== undefined && codeProperties.has(name))
      return {
        reason: `"${name}" is not available in a deck`,
        hint: noCode,
        ruleId: 'expression-code',
        node: node.property,
      };
  }
  if (node.type === 'Property' && !node.computed && node.key.type === 'Identifier' && node.key.name === '__proto__') {
    return { reason: '"__proto__" is not available in a deck', hint: noCode, ruleId: 'expression-code', node };
  }
  if (node.type === 'ArrowFunctionExpression' && (node.async || node.generator)) {
    return { reason: 'Braces cannot hold an async function', hint: noCode, ruleId: 'expression-code', node };
  }
  if (node.type === 'VariableDeclaration' && node.kind === 'var') {
    return {
      reason: 'Use const in braces, not var',
      hint: "Write const total = …; inside an arrow function's block.",
      ruleId: 'expression-code',
      node,
    };
  }
  if (node.type === 'NewExpression' && !isFormatConstructor(node.callee)) {
    return {
      reason: 'Braces can only use new with Intl.NumberFormat, Intl.DateTimeFormat or Date',
      hint: noCode,
      ruleId: 'expression-code',
      node,
    };
  }
  if (type === 'JSXIdentifier' && parent && (parent.type as string) === 'JSXOpeningElement') {
    const name = 'name' in node && typeof node.name === 'string' ? node.name : '';
    if (/^[A-Z]/.test(name) && !known.components.has(name)) {
      return {
        reason: `Unknown component <${name}>`,
        hint: `Components Podium has: ${[...known.components].map((k) => `<${k}>`).join(', ')}.`,
        ruleId: 'unknown-component',
        node,
      };
    }
  }
  return undefined;
}

/** The name a member expression reads (`a.b`, `a["b"]`); none when it is computed (`a[i]`). */
export function memberName(node: MemberExpression): string | undefined {
  if (node.computed) return node.property.type === 'Literal' ? String(node.property.value) : undefined;
  return node.property.type === 'Identifier' ? node.property.name : undefined;
}

function isFormatConstructor(callee: Node): boolean {
  if (callee.type === 'Identifier') return callee.name === 'Date';
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Intl' &&
    callee.property.type === 'Identifier' &&
    ['NumberFormat', 'DateTimeFormat'].includes(callee.property.name)
  );
}

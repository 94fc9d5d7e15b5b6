/**
 * What a deck's sandbox holds before the deck's own expressions run: the JSX functions that
 * record elements, the encoder that hands values back to Podium, and number and date formatting
 * in the deck's language. Deck code sees only the globals defined here, and its data, which each
 * pass of its expressions is given afresh (sandbox.ts).
 */
export function sandboxPrelude(components: readonly string[], lang: string): string {
  return `'use strict';
(() => {
  const format = globalThis.__podiumFormat;
  delete globalThis.__podiumFormat;
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: false, configurable: false, enumerable: false });
  const elements = new WeakMap();
  const componentMarks = new WeakMap();
  const fragment = Object.freeze({});
  const jsx = (type, props, key, isStatic, source) => {
    const element = Object.freeze({});
    elements.set(element, { type, props: props ?? {}, source });
    return element;
  };
  define('_jsxDEV', jsx);
  define('_Fragment', fragment);
  for (const name of ${JSON.stringify(components)}) {
    const mark = Object.freeze({});
    componentMarks.set(mark, name);
    define(name, mark);
  }

  const maxDepth = 100;
  const encode = (value, depth) => {
    if (depth > maxDepth) throw new RangeError('__podium_depth');
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : { n: String(value) };
    if (value === undefined) return { u: 0 };
    if (typeof value === 'function') return componentMarks.has(value) ? { x: 'component' } : { f: 0 };
    if (typeof value !== 'object') return { x: typeof value };
    const element = elements.get(value);
    if (element) {
      const { type } = element;
      const kind = type === fragment ? { fragment: true }
        : typeof type === 'string' ? { tag: type }
        : componentMarks.has(type) ? { component: componentMarks.get(type) }
        : { tag: String(type) };
      const source = element.source && { fileName: String(element.source.fileName), lineNumber: Number(element.source.lineNumber), columnNumber: Number(element.source.columnNumber) };
      return { e: kind, p: encodeObject(element.props, depth + 1), s: source };
    }
    if (componentMarks.has(value)) return { x: 'component' };
    if (Array.isArray(value)) return { a: value.map((item) => encode(item, depth + 1)) };
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? { x: 'date' } : value.toISOString();
    if (value instanceof RegExp) return { x: 'regexp' };
    return { o: encodeObject(value, depth + 1) };
  };
  const encodeObject = (value, depth) => {
    // No prototype: a data key such as "constructor" or "toString" is just a key.
    const out = Object.create(null);
    for (const key of Object.keys(value)) out[key] = encode(value[key], depth);
    return out;
  };
  // Each expression on its own: one that fails leaves the others their values. The one running
  // is remembered, so a time limit that stops them all is put on the right one.
  let running = -1;
  define('__podiumRunning', () => running);
  define('__podiumRunAll', (thunks) => {
    const results = [];
    for (let index = 0; index < thunks.length; index++) {
      running = index;
      try {
        results.push({ v: encode(thunks[index](), 0) });
      } catch (error) {
        const thrown = error !== null && typeof error === 'object' ? error : { message: String(error) };
        results.push({ e: { name: String(thrown.name ?? 'Error'), message: String(thrown.message ?? ''), stack: String(thrown.stack ?? '') } });
      }
    }
    running = -1;
    return JSON.stringify(results);
  });

  const lang = ${JSON.stringify(lang)};
  const optionsText = (options) => JSON.stringify(options ?? {});
  const localeOf = (locale) => (locale === undefined ? lang : String(locale));
  const NumberFormat = function (locale, options) {
    const chosen = localeOf(locale);
    const text = optionsText(options);
    return Object.freeze({ format: (value) => format('number', chosen, text, Number(value)) });
  };
  const DateTimeFormat = function (locale, options) {
    const chosen = localeOf(locale);
    const text = optionsText(options);
    return Object.freeze({ format: (value) => format('date', chosen, text, value === undefined ? 0 : new Date(value).getTime()) });
  };
  define('Intl', Object.freeze({ NumberFormat, DateTimeFormat }));
  Number.prototype.toLocaleString = function (locale, options) {
    return format('number', localeOf(locale), optionsText(options), Number(this));
  };
  Date.prototype.toLocaleDateString = function (locale, options) {
    return format('date', localeOf(locale), optionsText(options ?? { dateStyle: 'long' }), this.getTime());
  };

  // Deck code must not reach a function constructor (code from a string, calling the functions
  // above without a place) nor change what the encoder and formats rely on: no constructor on
  // functions, and the built-ins frozen before any deck code runs.
  // (Async and generator functions, which have constructors of their own, are refused before
  // deck code runs; creating one here, with no Promise in the sandbox, would leak.)
  Object.defineProperty(Function.prototype, 'constructor', { value: undefined, writable: false, configurable: false });
  for (const builtIn of [Object, Array, String, Number, Boolean, Date, RegExp, Function, Error, Math, JSON, Symbol, Map, Set, WeakMap, WeakSet]) {
    Object.freeze(builtIn);
    if (builtIn.prototype) Object.freeze(builtIn.prototype);
  }
  for (const error of [TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) Object.freeze(error.prototype);
})();
`;
}

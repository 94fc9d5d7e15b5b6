// Runs in Node when the runtime is built (vite.config.ts), not in the browser.
import { parse } from 'acorn';
import { cspHash } from '../render/contentSecurityPolicy.ts';

/**
 * reveal's speaker view is a page the notes plugin writes into an about:blank window, which
 * inherits the deck's Content-Security-Policy; its inline scripts must be allowed by hash.
 * They are found in the built runtime itself: the string that holds the speaker view's HTML.
 */
export function speakerViewScriptHashes(runtime: string): string[] {
  const html = stringsIn(parse(runtime, { ecmaVersion: 'latest' })).find((text) => text.includes('<title>reveal.js - Speaker View</title>'));
  if (!html) throw new Error('The speaker view was not found in the runtime: its scripts cannot be allowed by the Content-Security-Policy.');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => cspHash(match[1]));
}

/** Every complete string value in a program: plain literals and templates without expressions. */
function stringsIn(node: unknown, found: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return found;
  const typed = node as { type?: string; value?: unknown; quasis?: Array<{ value: { cooked: string | null } }>; expressions?: unknown[] };
  if (typed.type === 'Literal' && typeof typed.value === 'string') found.push(typed.value);
  else if (typed.type === 'TemplateLiteral' && typed.expressions?.length === 0) found.push(typed.quasis?.[0]?.value.cooked ?? '');
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
    else if (value && typeof value === 'object') stringsIn(value, found);
  }
  return found;
}

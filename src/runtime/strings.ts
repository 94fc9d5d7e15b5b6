import { classNames } from '../contract/markup.ts';
import { format } from '../locale/index.ts';
import { runtimeEn } from '../locale/runtime.en.ts';

export type RuntimeStrings = Record<keyof typeof runtimeEn, string>;
type Key = keyof RuntimeStrings;

let read: RuntimeStrings | undefined;

/**
 * The words the runtime writes, in the deck's language: the table the build puts in the page
 * (`<script type="application/json" class="podium-strings">`), read once. A key it lacks, or a
 * page without one (an older build), falls back to English.
 */
export function runtimeStrings(root: ParentNode = document): RuntimeStrings {
  if (!read) read = { ...runtimeEn, ...embedded(root) };
  return read;
}

/** A runtime string with its `{name}` places filled: `say('speakerPlace', { slide: 3, slides: 6 })`. */
export function say(key: Key, values: Record<string, string | number> = {}): string {
  return format(runtimeStrings()[key], values);
}

function embedded(root: ParentNode): Partial<RuntimeStrings> {
  const text = root.querySelector(`script.${classNames.strings}`)?.textContent;
  if (!text) return {};
  let table: unknown;
  try {
    table = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof table !== 'object' || table === null) return {};
  const found: Partial<RuntimeStrings> = {};
  for (const [key, value] of Object.entries(table)) {
    if (Object.hasOwn(runtimeEn, key) && typeof value === 'string') found[key as Key] = value;
  }
  return found;
}

import type { z } from 'zod';
import { DeckError, type Place } from './deckError.ts';
import { didYouMean } from './suggest.ts';

/** How validation names the thing it checks: `<BarChart>` with props, or frontmatter with keys. */
export interface Subject {
  /** e.g. `<BarChart>` or `the frontmatter` */
  name: string;
  /** e.g. `prop` or `key` */
  field: string;
  /** Where a field (by its first path segment) is written; the subject's own place if unknown. */
  placeOf: (field: string | undefined) => Place;
  source?: string;
  ruleId: string;
}

/** Checks a value against a schema; the first problem becomes a DeckError that says the fix. */
export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, subject: Subject): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // An unknown name usually explains a "missing" one (a typo), so report it first.
  const issues = [...result.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  const issue = issues[0];
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0] === undefined ? undefined : String(issue.path[0]);
  const { reason, hint } = describe(issue, value, subject, schema);
  throw new DeckError(reason, { place: subject.placeOf(field), hint, source: subject.source, ruleId: subject.ruleId });
}

function describe(issue: z.core.$ZodIssue, value: unknown, subject: Subject, schema: z.ZodType): { reason: string; hint?: string } {
  const known = knownFields(schema);
  const label = pathLabel(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const name = issue.keys[0];
    const suggestion = didYouMean(name, known);
    return {
      reason: `Unknown ${subject.field} "${name}" on ${subject.name}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      hint: `Known ${subject.field}s: ${known.join(', ')}.`,
    };
  }
  const received = valueAt(value, issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && received === undefined && issue.path.length > 0) {
    const expected = issue.code === 'invalid_type' ? issue.expected : 'string';
    return { reason: `${capitalize(subject.name)} needs the ${subject.field} "${label}"`, hint: `Add ${example(label, expected, subject)}.` };
  }
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    const expected = issue.code === 'invalid_type' ? article(issue.expected) : 'one of the accepted forms';
    return {
      reason: `${capitalize(subject.field)} "${label}" on ${subject.name} must be ${expected}, but it is ${shown(received)}`,
      hint: issue.code === 'invalid_type' && issue.expected === 'number' ? 'Write numbers without quotes, commas or units: 2000, not "2,000+".' : undefined,
    };
  }
  return { reason: `${capitalize(subject.field)} "${label}" on ${subject.name}: ${issue.message}` };
}

function knownFields(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
    ?? (schema as unknown as { def?: { in?: { shape?: Record<string, unknown> } } }).def?.in?.shape;
  return shape ? Object.keys(shape) : [];
}

function pathLabel(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };
  return names[type] ?? type;
}

function example(label: string, expected: string, subject: Subject): string {
  if (subject.field === 'key') return `a line "${label}: …" between the --- lines at the top`;
  return expected === 'array' ? `${label}={[…]}` : `${label}="…"`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

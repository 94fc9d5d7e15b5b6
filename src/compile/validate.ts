import { z } from 'zod';
import type { Fail, Point } from './deckMessages.ts';
import { closestNames, didYouMean } from './suggest.ts';

// No compiled fast path for zod's object schemas: compiling one for each schema cost a build more
// than it saved, even over a hundred rows. Set before any schema is made: every module that makes
// one imports this module, directly or through defineComponent.
z.config({ jitless: true });

/** How validation names the thing it checks: `<BarChart>` with props, or frontmatter with keys. */
export interface Subject {
  /** e.g. `<BarChart>` or `the frontmatter` */
  name: string;
  /** e.g. `prop` or `key` */
  field: string;
  /** Where a field (by its first path segment, or its whole `path`) is written; the subject's own place if unknown. */
  placeOf: (field: string | undefined, path: PropertyKey[]) => Point;
  /** Stops the compile with the first problem, at its place. */
  fail: Fail;
  ruleId: string;
}

/** Checks a value against a schema; the first problem fails the compile with a message that says the fix. */
export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, subject: Subject): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // An unknown name usually explains a "missing" one (a typo), so report it first.
  const issues = [...result.error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  const issue = issues[0];
  const field =
    issue.code === 'unrecognized_keys'
      ? issue.keys[0]
      : issue.path[0] === undefined
        ? undefined
        : String(issue.path[0]);
  const { reason, hint } = describe(issue, value, subject, schema);
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  return subject.fail(reason, { place: subject.placeOf(field, path), hint, ruleId: subject.ruleId });
}

function describe(
  issue: z.core.$ZodIssue,
  value: unknown,
  subject: Subject,
  schema: z.ZodType,
): { reason: string; hint?: string } {
  const inner = unionBranchIssue(issue);
  if (inner) return describe(inner, value, subject, schema);
  const label = pathLabel(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const name = issue.keys[0];
    const known = knownFields(schemaAt(schema, issue.path));
    const suggestion = didYouMean(name, known);
    const where =
      issue.path.length === 0
        ? `${subject.field} "${name}" on ${subject.name}`
        : `key "${name}" in ${label} on ${subject.name}`;
    const kind = issue.path.length === 0 ? `${subject.field}s` : 'keys';
    return {
      reason: `Unknown ${where}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      hint:
        known.length === 0
          ? `${capitalize(subject.name)} takes no ${issue.path.length === 0 ? `${subject.field}s` : 'keys here'}.`
          : known.length > maxListed
            ? `Known ${kind} closest to it: ${closestNames(name, known, 6).join(', ')} (of ${known.length}).`
            : `Known ${kind}: ${known.join(', ')}.`,
    };
  }
  const received = valueAt(value, issue.path);
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    received === undefined &&
    issue.path.length > 0
  ) {
    const expected = issue.code === 'invalid_type' ? issue.expected : 'string';
    return {
      reason: `${capitalize(subject.name)} needs the ${subject.field} "${label}"`,
      hint: `Add ${example(label, expected, subject)}.`,
    };
  }
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    const expected = issue.code === 'invalid_type' ? article(issue.expected) : 'one of the accepted forms';
    return {
      reason: `${capitalize(subject.field)} "${label}" on ${subject.name} must be ${expected}, but it is ${shown(received)}`,
      hint:
        received === null
          ? 'An empty cell in a CSV file (or null in a JSON file) gives nothing here: fill in the value in the data file.'
          : issue.code === 'invalid_type' && issue.expected === 'number'
            ? 'Write numbers without quotes, commas or units: 2000, not "2,000+".'
            : undefined,
    };
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    const suggestion = typeof received === 'string' ? didYouMean(received, options) : undefined;
    return {
      reason: `${capitalize(subject.field)} "${label}" on ${subject.name} cannot be ${shown(received)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      hint: `Use one of: ${options.join(', ')}.`,
    };
  }
  return { reason: `${capitalize(subject.field)} "${label}" on ${subject.name}: ${issue.message}` };
}

/** More known names than a hint can list usefully (Podium's words): it lists the closest few. */
const maxListed = 24;

/**
 * When a value has one of a union's shapes but a flaw inside it (a source object with a
 * misspelt key), the flaw is the useful report, not "none of the forms matched".
 */
function unionBranchIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue | undefined {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return undefined;
  const branch = (issue.errors as z.core.$ZodIssue[][]).find(
    (issues) => issues.length > 0 && !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  const first = branch?.[0];
  return first ? { ...first, path: [...issue.path, ...first.path] } : undefined;
}

/** The part of a schema that checks the value at `path`, through optional, default, pipe and list wrappers. */
function schemaAt(schema: z.ZodType, path: PropertyKey[]): z.ZodType {
  let current = unwrap(schema);
  for (const key of path) {
    const next =
      current instanceof z.ZodArray
        ? current.element
        : current instanceof z.ZodRecord
          ? current.valueType
          : current instanceof z.ZodObject
            ? current.shape[String(key)]
            : undefined;
    if (!next) return current;
    current = unwrap(next as z.ZodType);
  }
  return current;
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return unwrap(schema.def.innerType as z.ZodType);
  if (schema instanceof z.ZodPipe) return unwrap(schema.def.in as z.ZodType);
  if (schema instanceof z.ZodLazy) return unwrap(schema.def.getter() as z.ZodType);
  // Of a union (text or an object), the object form is the one with keys to name.
  if (schema instanceof z.ZodUnion)
    return (schema.def.options as z.ZodType[]).map(unwrap).find((option) => option instanceof z.ZodObject) ?? schema;
  return schema;
}

function knownFields(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function pathLabel(path: PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}

function shown(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
  };
  return names[type] ?? type;
}

function example(label: string, expected: string, subject: Subject): string {
  if (subject.field === 'key') return `a line "${label}: …" between the --- lines at the top`;
  return expected === 'array' ? `${label}={[…]}` : `${label}="…"`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import type { ParseError } from 'jsonc-parser';
import { createRequire } from 'node:module';
import { VFile } from 'vfile';
import { placeOfOffset } from './deckError.ts';
import { failOn, type Fail } from './deckMessages.ts';

/**
 * The tolerant parser that finds a mistake's place, or where each row of a list is: loaded only
 * when a file has a mistake or holds rows, not by every build.
 */
export const jsonPlaces = () => createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');

/** Deeper than any real data file; deeper still would exhaust the stack when the data is inlined. */
export const maxJsonDepth = 100;

/** What each JSON mistake means, in an organizer's words. */
const mistakes: Record<string, string | undefined> = {
  InvalidSymbol: 'this is not a JSON value (text needs "double quotes"; true, false and null are lower-case)',
  InvalidNumberFormat: 'this number is not written as JSON writes numbers',
  PropertyNameExpected: 'expected a key in "double quotes"',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon (:) after the key',
  CommaExpected: 'expected a comma between the items',
  CloseBraceExpected: 'expected } to close the object',
  CloseBracketExpected: 'expected ] to close the list',
  EndOfFileExpected: 'expected the end of the file after the data',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'this text is missing its closing quote',
  UnexpectedEndOfNumber: 'this number is cut short',
  InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter: 'this text has an unknown backslash escape (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)',
  InvalidCharacter: 'this text holds a tab or line break; write it as \\t or \\n',
};

/**
 * A JSON data file's value. Node's own parser gives the value (and agrees with every browser);
 * when it refuses the file, jsonc-parser finds where, since Node 20's message names no
 * position for many mistakes and quotes the file's text. A byte-order mark is allowed.
 */
export function parseJson(path: string, withMark: string): unknown {
  const text = withMark.replace(/^\uFEFF/, '');
  // The data file is a file of its own, reported in its own vfile.
  const fail: Fail = failOn(new VFile({ path, value: text }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const mistake = firstMistake(text);
    fail(
      `Invalid JSON: ${(mistake && mistakes[jsonPlaces().printParseErrorCode(mistake.error)]) ?? 'this is not JSON'}`,
      {
        place: placeOfOffset(text, mistake?.offset ?? 0),
        hint: 'Check for a missing or extra comma (JSON allows none after the last item), or a missing quote or bracket, just before this place.',
        ruleId: 'data-invalid-json',
      },
    );
  }
  const tooDeep = offsetPastDepth(text, maxJsonDepth);
  if (tooDeep !== undefined) {
    fail(`The JSON data is nested more than ${maxJsonDepth} deep`, {
      place: placeOfOffset(text, tooDeep),
      hint: 'Slides show a few levels of data at most: flatten the lists and objects.',
      ruleId: 'data-too-deep',
    });
  }
  return value;
}

function firstMistake(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  try {
    jsonPlaces().parse(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
  } catch {
    // The tolerant parser recurses; on data too deep for it the place stays unknown.
    return undefined;
  }
  return errors.sort((a, b) => a.offset - b.offset)[0];
}

/** Where valid JSON `text` first opens a list or object more than `depth` deep, if it does. */
function offsetPastDepth(text: string, depth: number): number | undefined {
  let open = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      open += 1;
      if (open > depth) return index;
    } else if (char === ']' || char === '}') {
      open -= 1;
    }
  }
  return undefined;
}

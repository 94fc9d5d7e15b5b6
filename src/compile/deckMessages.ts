import type { VFile } from 'vfile';
import { DeckError, DeckWarning } from './deckError.ts';

/** Where in the deck a message is: 1-based line and column. */
export interface Point {
  line: number;
  column: number;
}

/** What a message says besides its reason: where in the deck, how to fix it, and which rule. */
export interface MessageOptions {
  place: Point;
  hint?: string;
  ruleId: string;
}

/** Reports a problem that does not stop the build: a warning at `place`. */
export type Warn = (reason: string, options: MessageOptions) => void;

/** Reports a problem that stops the build: throws it as a DeckError at `place`. */
export type Fail = (reason: string, options: MessageOptions & { cause?: unknown }) => never;

/** Warnings go on the deck's vfile, as unified's own passes report theirs. */
export function warnOn(file: VFile): Warn {
  return (reason, options) => {
    file.messages.push(new DeckWarning(reason, reportOptions(file, options)));
  };
}

/** Errors go on the deck's vfile too, then stop the compile, as `file.fail` does. */
export function failOn(file: VFile): Fail {
  return (reason, options) => {
    const error = new DeckError(reason, { ...reportOptions(file, options), cause: options.cause });
    file.messages.push(error);
    throw error;
  };
}

function reportOptions(file: VFile, { place, hint, ruleId }: MessageOptions) {
  return {
    place: { file: file.path, line: place.line, column: place.column },
    hint,
    text: file.value === undefined ? undefined : String(file.value),
    ruleId,
  };
}

/** The deck's warnings: the vfile's messages that did not stop the build. */
export function deckWarnings(file: VFile): DeckWarning[] {
  return file.messages.filter((message) => message instanceof DeckWarning);
}

import type { VFile } from 'vfile';
import { DeckWarning, type Place } from './deckError.ts';

/** Reports a problem that does not stop the build: a warning at `place`. */
export type Warn = (reason: string, options: { place: Place; hint?: string; ruleId: string }) => void;

/** Warnings go on the deck's vfile, as unified's own passes report theirs. */
export function warnOn(file: VFile): Warn {
  return (reason, { place, hint, ruleId }) => {
    const message = file.message(reason, {
      place: { line: place.line, column: place.column },
      ruleId,
      source: 'podium',
    });
    message.note = hint;
  };
}

/** The vfile's messages as the deck's warnings, each with the source for its code frame. */
export function deckWarnings(file: VFile, source: string): DeckWarning[] {
  return file.messages.map(
    (message) =>
      new DeckWarning(message.reason, {
        place: { file: file.path, line: message.line ?? 1, column: message.column ?? 1 },
        hint: message.note,
        text: source,
        ruleId: message.ruleId ?? 'podium',
      }),
  );
}

import { codeFrameColumns } from '@babel/code-frame';
import { relative } from 'node:path';
import { VFileMessage } from 'vfile-message';

/** Where in which file a problem is: 1-based line and column, as editors show them. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** What a report says: where, what is wrong, how to fix it, and the text to show around it. */
export interface ReportOptions {
  place: Place;
  hint?: string;
  /** The text of `place.file`, for the code frame; never shown beyond the lines around the place. */
  text?: string;
  ruleId: string;
}

/**
 * A vfile message about a deck or one of its files, as unified's own passes report theirs:
 * `place` with the file, `ruleId`, `source` 'podium', the hint as `note`, and the text of the
 * file for a code frame.
 */
abstract class DeckMessage extends VFileMessage {
  declare readonly place: Place;
  declare readonly ruleId: string;
  /** The text of the file the message is about, for its code frame. */
  readonly text: string | undefined;

  constructor(reason: string, options: ReportOptions & { cause?: unknown }, fatal: boolean) {
    super(reason, {
      place: options.place,
      ruleId: options.ruleId,
      source: 'podium',
      cause: options.cause instanceof Error ? options.cause : undefined,
    });
    this.file = options.place.file;
    this.fatal = fatal;
    this.note = options.hint;
    this.text = options.text;
  }

  /** How to fix it. */
  get hint(): string | undefined {
    return this.note;
  }

  /** The source lines around the problem, with a caret under its column. */
  frame(): string | undefined {
    if (this.text === undefined) return undefined;
    return codeFrameColumns(
      this.text,
      { start: { line: this.place.line, column: this.place.column } },
      { linesAbove: 1, linesBelow: 1 },
    );
  }

  protected report(severity: string, cwd: string): string {
    const { file, line, column } = this.place;
    const shown = relative(cwd, file) || file;
    const lines = [`${shown}:${line}:${column}: ${severity}${this.message}`];
    if (this.hint) lines.push(`  ${this.hint}`);
    const frame = this.frame();
    if (frame) lines.push('', frame);
    return lines.join('\n');
  }
}

/**
 * A problem in a deck or one of its files (a fatal vfile message), reported as
 * `file:line:column: what is wrong`, then what to do about it, then the source line.
 */
export class DeckError extends DeckMessage {
  constructor(reason: string, options: ReportOptions & { cause?: unknown }) {
    super(reason, options, true);
    this.name = 'DeckError';
  }

  /** The full report: location line, hint, and a code frame when the source is known. */
  format(cwd: string = process.cwd()): string {
    return this.report('', cwd);
  }
}

/**
 * Something in a deck that builds but deserves a look (a slide cut off at the bottom, a chart
 * named after its slide): a vfile message that is not fatal, reported like an error:
 * `file:line:column: warning: …`, hint, source.
 */
export class DeckWarning extends DeckMessage {
  constructor(reason: string, options: ReportOptions) {
    super(reason, options, false);
    this.name = 'DeckWarning';
  }

  format(cwd: string = process.cwd()): string {
    return this.report('warning: ', cwd);
  }
}

/** 1-based line and column of a character offset in `text`. */
export function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

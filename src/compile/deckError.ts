import { codeFrameColumns } from '@babel/code-frame';
import { relative } from 'node:path';

/** Where in which file a problem is: 1-based line and column, as editors show them. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * A problem in a deck or one of its files, reported as `file:line:column: what is wrong`,
 * then what to do about it, then the source line.
 */
export class DeckError extends Error {
  readonly place: Place;
  readonly hint: string | undefined;
  readonly source: string | undefined;
  readonly ruleId: string;

  constructor(
    reason: string,
    options: { place: Place; hint?: string; source?: string; ruleId: string; cause?: unknown },
  ) {
    super(reason, { cause: options.cause });
    this.name = 'DeckError';
    this.place = options.place;
    this.hint = options.hint;
    this.source = options.source;
    this.ruleId = options.ruleId;
  }

  /** The full report: location line, hint, and a code frame when the source is known. */
  format(cwd: string = process.cwd()): string {
    const { file, line, column } = this.place;
    const shown = relative(cwd, file) || file;
    const lines = [`${shown}:${line}:${column}: ${this.message}`];
    if (this.hint) lines.push(`  ${this.hint}`);
    const frame = this.frame();
    if (frame) lines.push('', frame);
    return lines.join('\n');
  }

  /** The source lines around the problem, with a caret under its column. */
  frame(): string | undefined {
    if (this.source === undefined) return undefined;
    return codeFrameColumns(
      this.source,
      { start: { line: this.place.line, column: this.place.column } },
      { linesAbove: 1, linesBelow: 1 },
    );
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

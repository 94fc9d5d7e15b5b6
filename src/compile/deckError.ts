import { codeFrameColumns } from '@babel/code-frame';
import { relative } from 'node:path';

/** Where in which file a problem is: 1-based line and column, as editors show them. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** What a report says: where, what is wrong, how to fix it, and the source to show. */
interface ReportOptions {
  place: Place;
  hint?: string;
  source?: string;
  ruleId: string;
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

  constructor(reason: string, options: ReportOptions & { cause?: unknown }) {
    super(reason, { cause: options.cause });
    this.name = 'DeckError';
    this.place = options.place;
    this.hint = options.hint;
    this.source = options.source;
    this.ruleId = options.ruleId;
  }

  /** The full report: location line, hint, and a code frame when the source is known. */
  format(cwd: string = process.cwd()): string {
    return formatReport(this, '', cwd);
  }

  /** The source lines around the problem, with a caret under its column. */
  frame(): string | undefined {
    return codeFrame(this);
  }
}

/**
 * Something in a deck that builds but deserves a look (a slide cut off at the bottom, a chart
 * named after its slide), reported like an error: `file:line:column: warning: …`, hint, source.
 */
export class DeckWarning {
  readonly message: string;
  readonly place: Place;
  readonly hint: string | undefined;
  readonly source: string | undefined;
  readonly ruleId: string;

  constructor(reason: string, options: ReportOptions) {
    this.message = reason;
    this.place = options.place;
    this.hint = options.hint;
    this.source = options.source;
    this.ruleId = options.ruleId;
  }

  format(cwd: string = process.cwd()): string {
    return formatReport(this, 'warning: ', cwd);
  }

  frame(): string | undefined {
    return codeFrame(this);
  }
}

type Report = Pick<DeckError, 'message' | 'place' | 'hint' | 'source'>;

function formatReport(report: Report, severity: string, cwd: string): string {
  const { file, line, column } = report.place;
  const shown = relative(cwd, file) || file;
  const lines = [`${shown}:${line}:${column}: ${severity}${report.message}`];
  if (report.hint) lines.push(`  ${report.hint}`);
  const frame = codeFrame(report);
  if (frame) lines.push('', frame);
  return lines.join('\n');
}

function codeFrame({ source, place }: Report): string | undefined {
  if (source === undefined) return undefined;
  return codeFrameColumns(
    source,
    { start: { line: place.line, column: place.column } },
    { linesAbove: 1, linesBelow: 1 },
  );
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

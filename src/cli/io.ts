/** Where a command writes and from where it resolves paths: the terminal for `podium`, a recorder in tests. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** A line rewritten in place as long work goes on (only on a terminal); '' clears it. */
  progress?: (line: string) => void;
}

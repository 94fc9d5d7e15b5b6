/** An Io for run() that keeps what a command printed, to read in a test. */
export function recordedIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line), cwd },
  };
}

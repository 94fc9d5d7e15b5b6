/** Exit codes of `podium`: 0 all done, 1 a deck failed, 2 the command line was wrong. */
export const ExitCode = { ok: 0, deckFailed: 1, usage: 2 } as const;

/** A problem with how podium was called; its message is shown as is, with the exit code. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = ExitCode.usage) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

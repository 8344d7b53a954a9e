/** The CLI's exit codes. */
export enum ExitCode {
  OK = 0,
  /** Some manifest is invalid, or the committed output drifted. */
  INVALID = 1,
  /** Bad usage, or input that could not be read or parsed. */
  USAGE = 2,
}

/** A mistake in how the command was called: reported with the command's usage, exit 2. */
export class UsageError extends Error {}

/** Where a command writes, so tests and the binary share one code path. */
export interface CommandIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly stderrIsTTY: boolean;
  /** Colour the text report (stdout is a TTY and NO_COLOR is unset). */
  readonly colour: boolean;
  /** Milliseconds now; a parameter so progress reporting can be tested without waiting. */
  readonly now: () => number;
}

/** The process's own streams. */
export function processIO(): CommandIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    now: Date.now,
  };
}

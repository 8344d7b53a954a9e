import { formatIssue, type Issue } from './validate/issue';

const SYNTH_VALIDATION_ERROR = Symbol.for('cdk8s-daemonset.SynthValidationError');

/** An issue found at synth time, with the path of the construct it belongs to. */
export interface ConstructIssue {
  /** Construct path, e.g. `agents/fluent-bit`. */
  readonly constructPath: string;
  /** The issue; its path is the field path in the construct's manifest. */
  readonly issue: Issue;
}

/** `Validation failed with N issues:` and one indented line per issue (see `formatIssue`). */
function formatSynthIssues(issues: readonly ConstructIssue[]): string {
  const lines = issues.map((i) => `  ${formatIssue(i.issue, i.constructPath)}`);
  return `Validation failed with ${issues.length} issue${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/**
 * Thrown by `App.synth()` when any construct is invalid; carries every issue of every construct.
 * Recognize it with `SynthValidationError.isSynthValidationError(e)`, which works across copies of
 * this package (unlike `instanceof`).
 *
 * Its `stack` is its message: the frames would point into the App, not at the user's mistake, and
 * whatever prints the error (Node for an uncaught one, a test runner, a logger) prints the report.
 */
export class SynthValidationError extends Error {
  /** Whether `e` is a `SynthValidationError`, from this or any other copy of the package. */
  public static isSynthValidationError(e: unknown): e is SynthValidationError {
    return typeof e === 'object' && e !== null && SYNTH_VALIDATION_ERROR in e;
  }

  /** Every issue of every invalid construct. */
  declare public readonly issues: readonly ConstructIssue[];

  /** An error whose message lists every issue, one line each (see `formatSynthIssues`). */
  public constructor(issues: readonly ConstructIssue[]) {
    super(formatSynthIssues(issues));
    this.name = 'SynthValidationError';
    // Not enumerable: util.inspect (which Node uses for an uncaught error) lists own enumerable
    // properties after the stack, and would dump every issue object a second time.
    Object.defineProperty(this, 'issues', { value: issues, enumerable: false });
    Object.defineProperty(this, 'stack', {
      value: `${this.name}: ${this.message}`,
      enumerable: false,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(this, SYNTH_VALIDATION_ERROR, { value: true });
  }
}

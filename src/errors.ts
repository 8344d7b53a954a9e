import { formatIssue, type Issue } from './validate/issue';

const SYNTH_VALIDATION_ERROR = Symbol.for('cdk8s-daemonset.SynthValidationError');

/** An issue found at synth time, with the path of the construct it belongs to. */
export interface ConstructIssue {
  /** Construct path, e.g. `agents/fluent-bit`. */
  readonly constructPath: string;
  /** The issue; its path is the field path in the construct's manifest. */
  readonly issue: Issue;
}

/**
 * Thrown by `App.synth()` when any construct is invalid; carries every issue of every construct.
 * Recognize it with `SynthValidationError.isSynthValidationError(e)`, which works across copies of
 * this package (unlike `instanceof`).
 */
export class SynthValidationError extends Error {
  /** Whether `e` is a `SynthValidationError`, from this or any other copy of the package. */
  public static isSynthValidationError(e: unknown): e is SynthValidationError {
    return typeof e === 'object' && e !== null && SYNTH_VALIDATION_ERROR in e;
  }

  /** An error whose message lists every issue, one line each (see `formatIssue`). */
  public constructor(
    /** Every issue of every invalid construct. */
    public readonly issues: readonly ConstructIssue[],
  ) {
    super(
      `Validation failed with ${issues.length} issue${issues.length === 1 ? '' : 's'}:\n${issues
        .map((i) => `  ${formatIssue(i.issue, i.constructPath)}`)
        .join('\n')}`,
    );
    this.name = 'SynthValidationError';
    Object.defineProperty(this, SYNTH_VALIDATION_ERROR, { value: true });
  }
}

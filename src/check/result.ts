/**
 * The one result type of the checking pipeline (read -> check -> output, kubeconform's layering):
 * every output format is fed these and nothing else.
 */

/** What became of one document. */
export type CheckStatus = 'valid' | 'invalid' | 'skipped' | 'unreadable';

/** One issue found in a document: an error, or a warning that does not fail it. */
export interface CheckIssue {
  /** Field path, `spec.template.spec.containers[0].name`; empty for the whole document. */
  readonly path: string;
  /** Rule code, `area/what`. */
  readonly code: string;
  readonly message: string;
  /** 1-based line of the field the path names (its key, or its list item), or of its nearest enclosing field that exists. */
  readonly line: number;
  /** 1-based column of that field. */
  readonly column: number;
  /** Range mode: the minors where this issue occurs, e.g. `1.29-1.34`. @default - every minor checked */
  readonly versions?: string;
}

/** What one minor makes of a document, in range mode. */
export interface VersionVerdict {
  readonly valid: boolean;
  readonly errors: readonly CheckIssue[];
  readonly warnings: readonly CheckIssue[];
}

/** The verdict on one document of one input. */
export interface CheckResult {
  /** The input's name as given: a path, or `-` for standard input. */
  readonly file: string;
  /** Index of the document in its file, from 0. */
  readonly document: number;
  /** 1-based line the document starts on. */
  readonly line: number;
  /** @default - absent when the document has no string `kind` */
  readonly kind?: string;
  /** @default - absent when the document has no string `metadata.name` */
  readonly name?: string;
  /**
   * `valid` and `invalid`: checked by the engine. `skipped`: a kind the engine has no rules for.
   * `unreadable`: not a manifest at all (bad YAML, not a mapping, unreadable file).
   */
  readonly status: CheckStatus;
  /** Set exactly when status is `invalid` or `unreadable`. */
  readonly errors: readonly CheckIssue[];
  /** What the API server accepts but warns about, and fields it drops silently: never a failure. */
  readonly warnings: readonly CheckIssue[];
  /** The minor checked (`1.31`), or the range (`1.27-1.34`). */
  readonly kubernetesVersion: string;
  /** Range mode: each minor's own verdict. @default - absent for a single minor */
  readonly byVersion?: Readonly<Record<string, VersionVerdict>>;
}

/** Counts over every document read, skipped ones included; unreadable ones count as invalid. */
export interface Summary {
  readonly documents: number;
  readonly valid: number;
  readonly invalid: number;
  readonly skipped: number;
}

export function summarize(results: readonly CheckResult[]): Summary {
  let valid = 0;
  let skipped = 0;
  for (const r of results) {
    if (r.status === 'valid') valid++;
    else if (r.status === 'skipped') skipped++;
  }
  return { documents: results.length, valid, invalid: results.length - valid - skipped, skipped };
}

/** Whether the document fails the check: invalid, or not readable as a manifest. */
export function failed(r: CheckResult): boolean {
  return r.status === 'invalid' || r.status === 'unreadable';
}

import type { PssLevel } from '../pss';
import { validateManifest } from '../validate/engine';
import { toFieldPath } from '../validate/issue';
import { field, isObject, str } from '../validate/read';
import { readYamlDocuments } from '../yaml';

/** One error in the CLI's JSON shape. */
export interface DocumentError {
  readonly path: string;
  readonly message: string;
  /** Rule code; shown in text output only, the JSON shape is fixed. */
  readonly code: string;
}

/** The verdict on one document. */
export interface DocumentResult {
  readonly file: string;
  readonly document: number;
  /** 1-based line the document starts on. */
  readonly line: number;
  readonly kind?: string;
  readonly name?: string;
  readonly valid: boolean;
  /** True when the document could not be read as a manifest at all (exit code 2). */
  readonly unreadable: boolean;
  readonly skipped: boolean;
  readonly errors: readonly DocumentError[];
}

export interface CheckOptions {
  /** Also check a Pod Security Standards level. @default - none */
  readonly pss?: PssLevel;
}

/** apiVersions of DaemonSet that Kubernetes 1.27 no longer serves (removed in 1.16). */
const REMOVED_DAEMONSET_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta2']);

/**
 * Checks every document of a YAML stream: DaemonSets (apps/v1) through the rule engine, others
 * skipped. The same engine runs at synth time, so a file passes here exactly when the constructs
 * would let it through.
 */
export function checkDocuments(file: string, text: string, options: CheckOptions = {}): DocumentResult[] {
  // One document read, checked and let go at a time.
  return Array.from(readYamlDocuments(text), (doc): DocumentResult => {
    // Every result is built by one literal of one shape: ten thousand of them stay cheap to make and read.
    const result = (
      kind: string | undefined,
      name: string | undefined,
      verdict: 'valid' | 'invalid' | 'unreadable' | 'skipped',
      errors: readonly DocumentError[],
    ): DocumentResult => ({
      file,
      document: doc.index,
      line: doc.line,
      kind,
      name,
      valid: verdict === 'valid' || verdict === 'skipped',
      unreadable: verdict === 'unreadable',
      skipped: verdict === 'skipped',
      errors,
    });
    if (doc.errors.length > 0) {
      return result(
        undefined,
        undefined,
        'unreadable',
        doc.errors.map((m) => ({ path: '', message: m, code: 'yaml/parse-error' })),
      );
    }
    const m = doc.value;
    if (!isObject(m)) {
      return result(undefined, undefined, 'unreadable', [
        {
          path: '',
          message: `document starting at line ${doc.line} is not a mapping (an object with apiVersion and kind)`,
          code: 'yaml/not-a-mapping',
        },
      ]);
    }
    const kind = str(field(m, 'kind'));
    const name = str(field(m, 'metadata', 'name'));
    const apiVersion = str(field(m, 'apiVersion'));
    if (kind !== 'DaemonSet') return result(kind, name, 'skipped', []);
    if (apiVersion !== 'apps/v1') {
      const hint =
        apiVersion !== undefined && REMOVED_DAEMONSET_VERSIONS.has(apiVersion) ? ' (removed in Kubernetes 1.16)' : '';
      return result(kind, name, 'invalid', [
        {
          path: 'apiVersion',
          message: `DaemonSet is served as apps/v1, got ${JSON.stringify(apiVersion)}${hint}`,
          code: 'manifest/api-version',
        },
      ]);
    }
    const issues = validateManifest(m).map((i) => ({ path: toFieldPath(i.path), message: i.message, code: i.code }));
    if (options.pss) {
      // Loaded only when asked for: most runs don't check Pod Security, and start-up counts.
      const { checkPodSecurity } = require('../pss') as typeof import('../pss');
      const { exemptionsOf } = require('../pod-security') as typeof import('../pod-security');
      const { violations } = checkPodSecurity(m, { level: options.pss, exemptions: exemptionsOf(m) });
      for (const v of violations)
        issues.push({
          path: toFieldPath(v.path),
          message: `violates PodSecurity "${options.pss}": ${v.message}`,
          code: `pss/${v.check}`,
        });
    }
    return result(kind, name, issues.length === 0 ? 'valid' : 'invalid', issues);
  });
}

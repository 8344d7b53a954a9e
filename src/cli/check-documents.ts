import type { PssLevel } from '../pss';
import { type Issue, toFieldPath } from '../validate/issue';
import { validateWithProfile } from '../validate/pipeline';
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion, profileOf } from '../validate/versions';
import { versionRanges } from '../validate/versions/ranges';
import { field, isObject, str } from '../validate/read';
import { readYamlDocuments } from '../yaml';

/** One error in the CLI's JSON shape. */
export interface DocumentError {
  readonly path: string;
  readonly message: string;
  /** Rule code. */
  readonly code: string;
  /** Range mode: the minors where this error (or warning) occurs, e.g. `1.29-1.34`. @default - every minor checked */
  readonly versions?: string;
}

/** What one minor makes of a document, in range mode. */
export interface VersionVerdict {
  readonly valid: boolean;
  readonly errors: readonly DocumentError[];
  readonly warnings: readonly DocumentError[];
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
  /** What the API server accepts but warns about, and fields it drops silently. Never make a document invalid. */
  readonly warnings: readonly DocumentError[];
  /** The minor checked (`1.31`), or the range (`1.27-1.34`). */
  readonly kubernetesVersion: string;
  /** Range mode: each minor's own verdict. @default - absent for a single minor */
  readonly byVersion?: Readonly<Record<string, VersionVerdict>>;
}

export interface CheckOptions {
  /** Also check a Pod Security Standards level. @default - none */
  readonly pss?: PssLevel;
  /** The minors to check for; more than one is range mode. @default ['1.27'] */
  readonly kubernetesVersions?: readonly KubernetesVersion[];
}

function asErrors(issues: readonly Issue[]): DocumentError[] {
  return issues.map((i) => ({ path: toFieldPath(i.path), message: i.message, code: i.code }));
}

/** The issues of every minor, each once, with the minors it occurs in when not all. */
function merged(per: readonly (readonly DocumentError[])[], versions: readonly KubernetesVersion[]): DocumentError[] {
  const seen = new Map<string, { e: DocumentError; in: KubernetesVersion[] }>();
  per.forEach((list, i) => {
    for (const e of list) {
      const k = `${e.path}\u0000${e.code}\u0000${e.message}`;
      const entry = seen.get(k) ?? { e, in: [] };
      entry.in.push(versions[i]);
      seen.set(k, entry);
    }
  });
  return [...seen.values()].map(({ e, in: where }) =>
    where.length === versions.length ? e : { ...e, versions: versionRanges(where) },
  );
}

/** apiVersions of DaemonSet that Kubernetes 1.27 no longer serves (removed in 1.16). */
const REMOVED_DAEMONSET_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta2']);

/**
 * Checks every document of a YAML stream: DaemonSets (apps/v1) through the rule engine, others
 * skipped. The same engine runs at synth time, so a file passes here exactly when the constructs
 * would let it through.
 */
export function checkDocuments(file: string, text: string, options: CheckOptions = {}): DocumentResult[] {
  const versions = options.kubernetesVersions ?? [DEFAULT_KUBERNETES_VERSION];
  const profiles = versions.map((v) => profileOf(v));
  const kubernetesVersion = versionRanges(versions);
  // One document read, checked and let go at a time.
  return Array.from(readYamlDocuments(text), (doc): DocumentResult => {
    // Every result is built by one literal of one shape: ten thousand of them stay cheap to make and read.
    const result = (
      kind: string | undefined,
      name: string | undefined,
      verdict: 'valid' | 'invalid' | 'unreadable' | 'skipped',
      errors: readonly DocumentError[],
      warnings: readonly DocumentError[] = [],
      byVersion: Record<string, VersionVerdict> | undefined = undefined,
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
      warnings,
      kubernetesVersion,
      byVersion,
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
    let issues: DocumentError[];
    let warnings: DocumentError[];
    let byVersion: Record<string, VersionVerdict> | undefined;
    if (profiles.length === 1) {
      const r = validateWithProfile(m, profiles[0]);
      issues = asErrors(r.errors);
      warnings = asErrors(r.warnings);
    } else {
      byVersion = {};
      const all = profiles.map((p) => validateWithProfile(m, p));
      const errs = all.map((r) => asErrors(r.errors));
      const warns = all.map((r) => asErrors(r.warnings));
      versions.forEach((v, i) => {
        byVersion![v] = { valid: errs[i].length === 0, errors: errs[i], warnings: warns[i] };
      });
      issues = merged(errs, versions);
      warnings = merged(warns, versions);
    }
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
    return result(kind, name, issues.length === 0 ? 'valid' : 'invalid', issues, warnings, byVersion);
  });
}

/**
 * Pod Security Standards, as Pod Security Admission v0.27.16 (Kubernetes 1.27) checks them:
 * kubernetes/pod-security-admission `policy/`, one file here per upstream `check_*.go`.
 */
import { compareIssues, toFieldPath, type FieldPath } from '../validate/issue';
import { field, str } from '../validate/read';
import type { PodView } from './_check';
import { isPssLevel, PSS_LEVELS, type PssLevel } from './ids';
import { activeChecks, PSS_MAX_MINOR } from './registry';

export { isPssLevel, PSS_CHECK_IDS, PSS_LEVELS, type PssCheckId, type PssLevel } from './ids';
export { PSS_CHECKS } from './registry';

/** A policy version, as in the `pod-security.kubernetes.io/enforce-version` label: `v1.<minor>` or `latest`. */
export type PssVersion = 'latest' | `v1.${number}`;

/** One field that the level forbids. */
export interface PssViolation {
  /** The PSA check ID, e.g. `hostPathVolumes`, `capabilities_restricted`. */
  readonly check: string;
  /** Path of the offending field, or of the field that must be set. */
  readonly path: FieldPath;
  /** PSA's wording, `reason (detail)`, e.g. `hostPath volumes (volume "logs")`. */
  readonly message: string;
}

/** A deliberate, documented exception to one check. */
export interface PssExemption {
  /** The PSA check ID it exempts, e.g. `hostPathVolumes`. */
  readonly check: string;
  /**
   * A rendered field path prefix (`spec.template.spec.volumes[0]`); it matches that field and
   * everything under it, by whole segments (`spec.template.spec.host` does not match `hostNetwork`).
   * @default - every violation of the check
   */
  readonly path?: string;
  /** Why the exception is safe; required so that every exemption is explained. */
  readonly reason: string;
}

/** Options of `checkPodSecurity`: the level and version to check, and the exemptions. */
export interface PodSecurityOptions {
  /** The level to enforce. `privileged` allows everything. */
  readonly level: PssLevel;
  /**
   * The policy version. Versions newer than the newest policy (v1.27) evaluate as it, as PSA does.
   * @default 'latest'
   */
  readonly version?: PssVersion;
  /**
   * Exceptions to checks; a violation they match moves to `exempted`.
   * @default - none
   */
  readonly exemptions?: readonly PssExemption[];
}

/** A violation an exemption covers, with the exemption. */
export interface ExemptedViolation {
  /** The violation. */
  readonly violation: PssViolation;
  /** The first exemption that matched it. */
  readonly exemption: PssExemption;
}

/** What `checkPodSecurity` found: open violations, exempted ones, and exemptions never used. */
export interface PodSecurityResult {
  /** Violations no exemption covers, sorted by field path: the pod is allowed when this is empty. */
  readonly violations: PssViolation[];
  /** Violations an exemption covers. */
  readonly exempted: ExemptedViolation[];
  /** Exemptions that matched no violation, in the order given: stale, misspelled or misplaced. */
  readonly unusedExemptions: PssExemption[];
}

const VERSION = /^v1\.([0-9]|[1-9][0-9]*)$/; // versionRegexp (api/helpers.go)

/** ParseVersion (api/helpers.go), as a 1.x minor; latest is the newest policy. */
function parseMinor(version: string): number {
  if (version === 'latest') return PSS_MAX_MINOR;
  const m = VERSION.exec(version);
  if (m === null) throw new RangeError(`version must be "latest" or "v1.x", got ${JSON.stringify(version)}`);
  return Number(m[1]);
}

/** The pod PSA reads from a manifest (DefaultPodSpecExtractor): a Pod's own, a DaemonSet's template. */
function podOf(manifest: unknown): PodView {
  const apiVersion = str(field(manifest, 'apiVersion'));
  const kind = str(field(manifest, 'kind'));
  if (apiVersion === 'v1' && kind === 'Pod') {
    return {
      metadata: field(manifest, 'metadata'),
      metadataPath: ['metadata'],
      spec: field(manifest, 'spec'),
      specPath: ['spec'],
    };
  }
  if (apiVersion === 'apps/v1' && kind === 'DaemonSet') {
    return {
      metadata: field(manifest, 'spec', 'template', 'metadata'),
      metadataPath: ['spec', 'template', 'metadata'],
      spec: field(manifest, 'spec', 'template', 'spec'),
      specPath: ['spec', 'template', 'spec'],
    };
  }
  throw new TypeError(
    'checkPodSecurity: expected apps/v1 DaemonSet or v1 Pod, ' +
      `got apiVersion ${JSON.stringify(apiVersion)} kind ${JSON.stringify(kind)}`,
  );
}

/** True when `prefix` is `path` or an ancestor of it, comparing whole path segments. */
function underPath(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return prefix === '' || next === '' || next === '.' || next === '[';
}

function matches(e: PssExemption, v: PssViolation): boolean {
  return e.check === v.check && (e.path === undefined || underPath(toFieldPath(v.path), e.path));
}

/**
 * Checks a DaemonSet's pod template (apps/v1) or a Pod (v1) against a Pod Security Standards
 * level at a policy version, as Pod Security Admission 1.27 would (checkRegistry.EvaluatePod),
 * and reports one violation per offending field. Pure: reads the manifest as written.
 *
 * @throws RangeError for a level or version PSA would not parse; TypeError for another kind.
 */
export function checkPodSecurity(manifest: unknown, options: PodSecurityOptions): PodSecurityResult {
  if (!isPssLevel(options.level)) {
    throw new RangeError(`level must be one of ${PSS_LEVELS.join(', ')}, got ${JSON.stringify(options.level)}`);
  }
  const minor = parseMinor(options.version ?? 'latest');
  const pod = podOf(manifest);
  const all: PssViolation[] = activeChecks(options.level, minor)
    .flatMap((c) => c.checkPod(pod).map((f) => ({ check: c.id, path: f.path, message: f.message })))
    .sort((a, b) => compareIssues({ ...a, code: a.check }, { ...b, code: b.check }));

  const exemptions = options.exemptions ?? [];
  const used = new Set<PssExemption>();
  const violations: PssViolation[] = [];
  const exempted: ExemptedViolation[] = [];
  for (const violation of all) {
    const matching = exemptions.filter((e) => matches(e, violation));
    for (const e of matching) used.add(e);
    if (matching.length === 0) violations.push(violation);
    else exempted.push({ violation, exemption: matching[0] });
  }
  return { violations, exempted, unusedExemptions: exemptions.filter((e) => !used.has(e)) };
}

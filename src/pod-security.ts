import type { Container } from './container';
import type { Volume } from './volumes/volume';
import { checkPodSecurity, type PssCheckId, type PssExemption, type PssLevel, type PssVersion } from './pss';
import { key, type Issue } from './validate/issue';
import { isObject, str } from './validate/read';

export type { PssCheckId } from './pss';

/**
 * Annotation on a DaemonSet recording its Pod Security exemptions with their reasons, so a
 * reviewer sees them in the GitOps diff and `cdk8s-daemonset validate --pss` honours them.
 * Value: JSON `[{"check":"hostPathVolumes","path":"spec.template.spec.volumes[0]","reason":"…"}]`.
 */
export const PSS_EXEMPTIONS_ANNOTATION = 'pod-security.cdk8s-daemonset.io/exemptions';

/** A deliberate exception to one check, with the reason a reviewer needs. */
export interface PodSecurityExemption {
  /** The check it exempts. */
  readonly check: PssCheckId;
  /** Why the agent needs it and why it is safe, e.g. "tails /var/log on the node". */
  readonly reason: string;
  /** Only this volume (e.g. the one hostPath the agent needs). @default - see `container` and `path` */
  readonly volume?: Volume;
  /** Only this container (e.g. the privileged driver, not its sidecars). @default - see `volume` and `path` */
  readonly container?: Container;
  /**
   * Only this field and what is under it, as a field path of the manifest, e.g.
   * `spec.template.spec.hostNetwork`.
   * @default - every violation of the check, unless `volume` or `container` narrows it
   */
  readonly path?: string;
}

/** Pod Security settings of a DaemonSet. */
export interface PodSecurityProps {
  /** The level the pods must meet. */
  readonly level: PssLevel;
  /** The policy version. @default 'latest' (the newest policy this package knows, v1.27) */
  readonly version?: PssVersion;
  /** Reasoned exceptions. @default - none */
  readonly exemptions?: readonly PodSecurityExemption[];
}

/** The labels a Namespace needs for Pod Security Admission to enforce `level` (optionally pinned to a version). */
export function podSecurityNamespaceLabels(level: PssLevel, version?: PssVersion): Record<string, string> {
  const labels: Record<string, string> = { 'pod-security.kubernetes.io/enforce': level };
  if (version !== undefined) labels['pod-security.kubernetes.io/enforce-version'] = version;
  return labels;
}

/** The annotation value for a list of exemptions: stable JSON, in the order given. */
export function renderExemptions(exemptions: readonly PssExemption[]): string {
  return JSON.stringify(
    exemptions.map((e) => ({ check: e.check, ...(e.path !== undefined ? { path: e.path } : {}), reason: e.reason })),
  );
}

/** The exemptions recorded on a manifest; malformed entries are ignored (validation reports them). */
export function exemptionsOf(manifest: unknown): PssExemption[] {
  const annotations = isObject(manifest) && isObject(manifest.metadata) ? manifest.metadata.annotations : undefined;
  const raw = isObject(annotations) ? str(annotations[PSS_EXEMPTIONS_ANNOTATION]) : undefined;
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((e): PssExemption[] => {
    const check = isObject(e) ? str(e.check) : undefined;
    const reason = isObject(e) ? str(e.reason) : undefined;
    const path = isObject(e) ? str(e.path) : undefined;
    return check !== undefined && reason !== undefined
      ? [{ check, reason, ...(path !== undefined ? { path } : {}) }]
      : [];
  });
}

/**
 * The Pod Security issues of a synthesized DaemonSet: each violation of the level that no
 * exemption covers (`pss/<check>`), and each exemption that no longer matches anything
 * (`pss/exemption-unused`), so stale exceptions don't linger.
 */
export function podSecurityIssues(
  manifest: unknown,
  props: PodSecurityProps,
  exemptions: readonly PssExemption[],
): Issue[] {
  const result = checkPodSecurity(manifest, {
    level: props.level,
    version: props.version,
    exemptions: [...exemptions],
  });
  const issues: Issue[] = result.violations.map((v) => ({
    path: v.path,
    code: `pss/${v.check}`,
    message:
      `violates PodSecurity "${props.level}:${props.version ?? 'latest'}": ${v.message}; ` +
      `change it, or add a podSecurity exemption for "${v.check}" with the reason it is needed`,
  }));
  for (const e of result.unusedExemptions) {
    issues.push({
      path: ['metadata', 'annotations', key(PSS_EXEMPTIONS_ANNOTATION)],
      code: 'pss/exemption-unused',
      message: `the exemption from "${e.check}"${e.path ? ` at ${e.path}` : ''} ("${e.reason}") matches no violation at level ${props.level}: remove it`,
    });
  }
  return issues;
}

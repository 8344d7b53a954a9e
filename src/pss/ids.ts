/**
 * The Pod Security Standards' levels and Pod Security Admission's check IDs at 1.27
 * (k8s.io/pod-security-admission v0.27.16, `api.Level` and policy.DefaultChecks), written once:
 * the checks, the exemption prop type, the annotation reader and the CLI's `--pss` all read them.
 */

/** The levels, from least to most restrictive. */
export const PSS_LEVELS = ['privileged', 'baseline', 'restricted'] as const;

/** A Pod Security Standards level (`k8s.io/pod-security-admission/api.Level`). */
export type PssLevel = (typeof PSS_LEVELS)[number];

/** The IDs of every PSA check at 1.27: the baseline checks, then the restricted ones. */
export const PSS_CHECK_IDS = [
  'hostNamespaces',
  'privileged',
  'capabilities_baseline',
  'hostPathVolumes',
  'hostPorts',
  'appArmorProfile',
  'seLinuxOptions',
  'procMount',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
  'allowPrivilegeEscalation',
  'runAsNonRoot',
  'runAsUser',
  'seccompProfile_restricted',
  'capabilities_restricted',
  'restrictedVolumes',
] as const;

/** The checks of the Pod Security Standards, by Pod Security Admission's IDs. */
export type PssCheckId = (typeof PSS_CHECK_IDS)[number];

/** Whether `v` is one of the levels. */
export function isPssLevel(v: unknown): v is PssLevel {
  return typeof v === 'string' && (PSS_LEVELS as readonly string[]).includes(v);
}

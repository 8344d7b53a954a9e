import { type KubernetesVersion, minorNumber } from './minors';

/**
 * Behaviour changes without a feature gate, as data: each switch is on from `since` through
 * `until` (inclusive; absent means open-ended). Rules read `switches.X`, never a version.
 * The create path passes `old = nil`, so the "allow what the old object already had" options of
 * GetValidationOptionsFromPodSpecAndMeta are all false on create; their introduction is the switch.
 */
/** Each switch's first and last minor (see above). */
export const SWITCH_RANGES = {
  /** 1.27: SetDefaults_PodSpec copies containerPort to hostPort under hostNetwork, templates too (moved to SetDefaults_Pod in 1.28, behind DefaultHostNetworkHostPortsInPodTemplates). */
  templateHostNetworkHostPortDefaulting: { until: '1.27' },
  /** 1.32: SetObjectDefaults_DaemonSet rounds the new pod-level `resources` lists (SetDefaults_ResourceList). */
  podLevelResourcesDefaulting: { since: '1.32' },
  /** 1.34: SetObjectDefaults_DaemonSet sets the new `env[].valueFrom.fileKeyRef.optional` to false when absent. */
  fileKeyRefOptionalDefaulting: { since: '1.34' },
  /** 1.28: validatePodHostNetworkDeps replaces validateHostNetwork: templates may leave hostPort 0, the error sits on hostPort. */
  podHostNetworkDeps: { since: '1.28' },
  /** 1.28: status.hostIPs is a downward API field of env (then gated by PodHostIPs: AllowHostIPsField). */
  downwardHostIPsKnown: { since: '1.28' },
  /** 1.29 (#118705): validateSysctls rejects namespaced sysctls of a shared host namespace (AllowNamespacedSysctlsForHostNetAndHostIPC false on create). */
  sysctlHostNamespaceCheck: { since: '1.29' },
  /** 1.29 only: dropDisabledFields nils lifecycle sleep but keeps the handler (1.30 drops the whole handler). */
  sleepDropLeavesEmptyHandler: { since: '1.29', until: '1.29' },
  /** 1.32: validateSleepAction's error ends with a hint at the PodLifecycleSleepActionAllowZero gate (off by default in 1.32). */
  sleepActionZeroHint: { since: '1.32' },
  /** 1.34: dropContainerRestartRules also drops a regular container's restartPolicy and a non-Always init one while ContainerRestartRules is off. */
  restartRulesDropRestartPolicy: { since: '1.34' },
  /** 1.30: validateProjectionSources checks serviceAccountToken.path with ValidateLocalNonReservedPath (AllowNonLocalProjectedTokenPath false on create). */
  projectedTokenLocalPath: { since: '1.30' },
  /** 1.30: ValidateHostAliases indexes its paths and uses IsValidIP's wording. */
  hostAliasesIndexed: { since: '1.30' },
  /** 1.32: field.TooLong says "may not be more than" instead of "must have at most". */
  tooLongMayNotBeMoreThan: { since: '1.32' },
  /** 1.33 (#128212): required node-affinity values must be label values (AllowInvalidLabelValueInRequiredNodeAffinity false on create). */
  nodeAffinityRequiredLabelValues: { since: '1.33' },
  /** 1.34: validateHostUsers forbids volumeDevices with hostUsers false (AllowUserNamespacesWithVolumeDevices false on create). */
  userNamespacesForbidVolumeDevices: { since: '1.34' },
  /** 1.34: field.ErrorBody prints non-scalar values as JSON. */
  badValueJson: { since: '1.34' },
  /** 1.28: time.Parse checks the range of a zone offset beyond 23:59 (hour to 24, minute to 60); 1.27's Go takes any two digits (rules/types.ts). */
  timeZoneOffsetRange: { since: '1.28' },
  // Warnings (pkg/api/pod/warnings.go, pkg/api/node/util.go): texts added or changed by a minor.
  /** 1.28: a null labelSelector in a spread constraint or pod (anti-)affinity term matches no pod. */
  warnNullLabelSelector: { since: '1.28' },
  /** 1.28: cephfs and rbd are deprecated. */
  warnCephDeprecated: { since: '1.28' },
  /** 1.28: hostIP without hostPort, and duplicate, overlapping or ambiguous port definitions. */
  warnPortDefinitions: { since: '1.28' },
  /** 1.28: an env entry that shadows an earlier one "hides previous definition" (1.27: "duplicate name"). */
  warnEnvHidesPrevious: { since: '1.28' },
  /** 1.30: …, which may be dropped when using apply. */
  warnEnvDroppedByApply: { since: '1.30' },
  /** 1.30: the AppArmor annotation without the field is deprecated. */
  warnAppArmorAnnotation: { since: '1.30' },
  /** 1.31: node-role.kubernetes.io/master and two more node labels are deprecated. */
  warnMoreDeprecatedNodeLabels: { since: '1.31' },
  /** 1.32: overlapping paths in one configMap, secret, downwardAPI or projected volume; projected volumes without sources. */
  warnVolumePaths: { since: '1.32' },
  /** 1.33: two ports of the pod with one name. */
  warnDuplicatePortNames: { since: '1.33' },
  /** 1.33: gitRepo is disabled by default (GitRepoVolumeDriver). */
  warnGitRepoDisabled: { since: '1.33' },
  /** 1.33: invalid label values in preferred node-affinity terms. */
  warnPreferredNodeAffinityValues: { since: '1.33' },
  /** 1.33: IPs in non-standard form in dnsConfig.nameservers and hostAliases. */
  warnNonStandardIPs: { since: '1.33' },
} as const satisfies Record<string, { since?: KubernetesVersion; until?: KubernetesVersion }>;

/** A behaviour switch, named for what it turns on. */
export type SwitchName = keyof typeof SWITCH_RANGES;

/** Every switch, true where on. */
export type Switches = Readonly<Record<SwitchName, boolean>>;

/** Every switch name. */
export const SWITCH_NAMES = Object.keys(SWITCH_RANGES) as SwitchName[];

/** The switches of a minor. */
export function switchesOf(minor: KubernetesVersion): Switches {
  const n = minorNumber(minor);
  const out = {} as Record<SwitchName, boolean>;
  for (const s of SWITCH_NAMES) {
    const { since, until } = SWITCH_RANGES[s] as { since?: string; until?: string };
    out[s] = (since === undefined || n >= minorNumber(since)) && (until === undefined || n <= minorNumber(until));
  }
  return out;
}

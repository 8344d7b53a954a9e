import { type KubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS } from './minors';

/**
 * Default feature gates of each minor, for the gates the DaemonSet create path reads
 * (dropDisabledFields, GetValidationOptionsFromPodSpecAndMeta, validation, warnings).
 *
 * Sources (research k8s-versions.md §2): 1.27–1.30 the `defaultKubernetesFeatureGates` map of
 * pkg/features/kube_features.go, 1.31–1.32 versioned_kube_features.go, 1.33+ kube_features.go,
 * each checked against the oracle's `run 1.XX -gates NAME`.
 *
 * One row per gate, one cell per minor 1.27 … 1.34: `on` or `off` as the default, `-` when the
 * gate does not exist in that minor. A missing gate is off before it is introduced (the feature
 * does not exist) and on after it is removed (it graduated and the code lost its gate); the one
 * exception, a deprecated gate removed with the feature, is a rule switch (switches.ts).
 */
/** Default of each gate per minor 1.27 … 1.34 (see above). */
export const GATE_DEFAULTS = {
  //                                            1.27   1.28   1.29   1.30   1.31   1.32   1.33   1.34
  SidecarContainers: /*                     */ ['-', 'off', 'on', 'on', 'on', 'on', 'on', 'on'],
  PodHostIPs: /*                            */ ['-', 'off', 'on', 'on', 'on', '-', '-', '-'],
  DefaultHostNetworkHostPortsInPodTemplates: ['-', 'off', 'off', 'off', '-', '-', '-', '-'],
  SkipReadOnlyValidationGCE: /*             */ ['-', 'off', 'on', 'on', '-', '-', '-', '-'],
  PodLifecycleSleepAction: /*               */ ['-', '-', 'off', 'on', 'on', 'on', 'on', 'on'],
  PodLifecycleSleepActionAllowZero: /*      */ ['-', '-', '-', '-', '-', 'off', 'on', 'on'],
  MatchLabelKeysInPodAffinity: /*           */ ['-', '-', 'off', 'off', 'on', 'on', 'on', 'on'],
  ClusterTrustBundleProjection: /*          */ ['-', '-', 'off', 'off', 'off', 'off', 'off', 'off'],
  AppArmor: /*                              */ ['on', 'on', 'on', 'on', 'on', 'on', '-', '-'],
  AppArmorFields: /*                        */ ['-', '-', '-', 'on', 'on', 'on', '-', '-'],
  RecursiveReadOnlyMounts: /*               */ ['-', '-', '-', 'off', 'on', 'on', 'on', 'on'],
  RelaxedEnvironmentVariableValidation: /*  */ ['-', '-', '-', 'off', 'off', 'on', 'on', 'on'],
  UserNamespacesSupport: /*                 */ ['-', 'off', 'off', 'off', 'off', 'off', 'on', 'on'],
  ProcMountType: /*                         */ ['off', 'off', 'off', 'off', 'off', 'off', 'on', 'on'],
  ImageVolume: /*                           */ ['-', '-', '-', '-', 'off', 'off', 'off', 'off'],
  SupplementalGroupsPolicy: /*              */ ['-', '-', '-', '-', 'off', 'off', 'on', 'on'],
  SELinuxChangePolicy: /*                   */ ['-', '-', '-', '-', '-', 'off', 'on', 'on'],
  SELinuxMount: /*                          */ ['-', '-', '-', 'off', 'off', 'off', 'off', 'off'],
  PodLevelResources: /*                     */ ['-', '-', '-', '-', '-', 'off', 'off', 'on'],
  InPlacePodVerticalScaling: /*             */ ['off', 'off', 'off', 'off', 'off', 'off', 'on', 'on'],
  DynamicResourceAllocation: /*             */ ['off', 'off', 'off', 'off', 'off', 'off', 'off', 'on'],
  RelaxedDNSSearchValidation: /*            */ ['-', '-', '-', '-', '-', 'off', 'on', 'on'],
  ContainerStopSignals: /*                  */ ['-', '-', '-', '-', '-', '-', 'off', 'off'],
  MatchLabelKeysInPodTopologySpread: /*     */ ['on', 'on', 'on', 'on', 'on', 'on', 'on', 'on'],
  MatchLabelKeysInPodTopologySpreadSelectorMerge: ['-', '-', '-', '-', '-', '-', '-', 'on'],
  ContainerRestartRules: /*                 */ ['-', '-', '-', '-', '-', '-', '-', 'off'],
  EnvFiles: /*                              */ ['-', '-', '-', '-', '-', '-', '-', 'off'],
  HostnameOverride: /*                      */ ['-', '-', '-', '-', '-', '-', '-', 'off'],
  PodCertificateRequest: /*                 */ ['-', '-', '-', '-', '-', '-', '-', 'off'],
  VolumeAttributesClass: /*                 */ ['-', '-', 'off', 'off', 'off', 'off', 'off', 'on'],
  StrictIPCIDRValidation: /*                */ ['-', '-', '-', '-', '-', '-', 'off', 'off'],
  GitRepoVolumeDriver: /*                   */ ['-', '-', '-', '-', '-', '-', 'off', 'off'],
} as const satisfies Record<string, readonly ('on' | 'off' | '-')[]>;

/** A feature gate the DaemonSet create path reads, by its upstream name. */
export type GateName = keyof typeof GATE_DEFAULTS;

/** Every gate, true where enabled. */
export type Gates = Readonly<Record<GateName, boolean>>;

/** Every gate name, in table order. */
export const GATE_NAMES = Object.keys(GATE_DEFAULTS) as GateName[];

/** Whether the gate exists in that minor (the oracle's `-gates` lists only those). */
export function gateExists(gate: GateName, minor: KubernetesVersion): boolean {
  return GATE_DEFAULTS[gate][SUPPORTED_KUBERNETES_VERSIONS.indexOf(minor)] !== '-';
}

function enabled(cells: readonly string[], i: number): boolean {
  if (cells[i] !== '-') return cells[i] === 'on';
  // Absent: before the first cell that exists it is off; after the last, whatever that cell was.
  for (let j = i - 1; j >= 0; j--) if (cells[j] !== '-') return cells[j] === 'on';
  return false;
}

/** The default gates of a minor, with `overrides` (a cluster's `--feature-gates`) applied. */
export function gatesOf(minor: KubernetesVersion, overrides: Partial<Record<GateName, boolean>> = {}): Gates {
  const i = SUPPORTED_KUBERNETES_VERSIONS.indexOf(minor);
  const out = {} as Record<GateName, boolean>;
  for (const g of GATE_NAMES) out[g] = overrides[g] ?? enabled(GATE_DEFAULTS[g], i);
  return out;
}

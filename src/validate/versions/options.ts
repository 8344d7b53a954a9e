import type { Gates } from './gates';
import type { Switches } from './switches';

/**
 * PodValidationOptions as GetValidationOptionsFromPodSpecAndMeta (pkg/api/pod/util.go) computes
 * them on create, where the old pod spec is nil: every "allow what the stored object already has"
 * option is false, so each option is a gate or a switch of the minor. Names are upstream's.
 */
export interface ValidationOptions {
  /** status.hostIPs in the downward API (PodHostIPs). */
  readonly AllowHostIPsField: boolean;
  /** Env names of any printable ASCII but '=' (RelaxedEnvironmentVariableValidation). */
  readonly AllowRelaxedEnvironmentVariableValidation: boolean;
  /** DNS search entries with '_' or exactly '.' (RelaxedDNSSearchValidation). */
  readonly AllowRelaxedDNSSearchValidation: boolean;
  /** `sleep.seconds: 0` (PodLifecycleSleepActionAllowZero). */
  readonly AllowPodLifecycleSleepActionZeroValue: boolean;
  /** Namespaced sysctls with a shared host namespace: false on create since 1.29. */
  readonly AllowNamespacedSysctlsForHostNetAndHostIPC: boolean;
  /** An absolute projected serviceAccountToken path: false on create since 1.30. */
  readonly AllowNonLocalProjectedTokenPath: boolean;
  /** Non-label values in required node affinity: false on create since 1.33. */
  readonly AllowInvalidLabelValueInRequiredNodeAffinity: boolean;
  /** volumeDevices with hostUsers false: false on create since 1.34. */
  readonly AllowUserNamespacesWithVolumeDevices: boolean;
  /** Only `Recursive` seLinuxChangePolicy while SELinuxMount is off. */
  readonly AllowOnlyRecursiveSELinuxChangePolicy: boolean;
  /** resizePolicy on sidecar (and, by the code, any init) containers (InPlacePodVerticalScaling). */
  readonly AllowSidecarResizePolicy: boolean;
  /** Pod-level resources are validated (PodLevelResources). */
  readonly PodLevelResourcesEnabled: boolean;
  /** Topology-spread matchLabelKeys checked like pod affinity's (MatchLabelKeysInPodTopologySpreadSelectorMerge). */
  readonly AllowMatchLabelKeysInPodTopologySpreadSelectorMerge: boolean;
  /**
   * A generic-ephemeral claim template's volumeAttributesClassName is validated
   * (PersistentVolumeClaimSpecValidationOptions.EnableVolumeAttributesClass, the VolumeAttributesClass gate).
   */
  readonly EnableVolumeAttributesClass: boolean;
}

/** The options of a minor's create path. */
export function validationOptionsOf(gates: Gates, switches: Switches): ValidationOptions {
  return {
    AllowHostIPsField: gates.PodHostIPs,
    AllowRelaxedEnvironmentVariableValidation: gates.RelaxedEnvironmentVariableValidation,
    AllowRelaxedDNSSearchValidation: gates.RelaxedDNSSearchValidation,
    AllowPodLifecycleSleepActionZeroValue: gates.PodLifecycleSleepActionAllowZero,
    AllowNamespacedSysctlsForHostNetAndHostIPC: !switches.sysctlHostNamespaceCheck,
    AllowNonLocalProjectedTokenPath: !switches.projectedTokenLocalPath,
    AllowInvalidLabelValueInRequiredNodeAffinity: !switches.nodeAffinityRequiredLabelValues,
    AllowUserNamespacesWithVolumeDevices: !switches.userNamespacesForbidVolumeDevices,
    AllowOnlyRecursiveSELinuxChangePolicy: !gates.SELinuxMount,
    AllowSidecarResizePolicy: gates.InPlacePodVerticalScaling,
    PodLevelResourcesEnabled: gates.PodLevelResources,
    AllowMatchLabelKeysInPodTopologySpreadSelectorMerge: gates.MatchLabelKeysInPodTopologySpreadSelectorMerge,
    EnableVolumeAttributesClass: gates.VolumeAttributesClass,
  };
}

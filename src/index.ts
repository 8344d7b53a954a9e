/**
 * Typed cdk8s constructs for Kubernetes DaemonSets that synthesize exactly what you write,
 * validated against the Kubernetes 1.27 API server's rules: `DaemonSet`, its containers, volumes,
 * probes and scheduling; `App`, which reports every issue with its field path; and the
 * validation engine (`validateManifest`) the `cdk8s-daemonset validate` command runs.
 *
 * Every export is named here: a helper is public only when it is listed (rendering and
 * construct-side checks stay internal).
 *
 * @packageDocumentation
 */

// App and errors
export { App } from './app';
export { SynthValidationError, type ConstructIssue } from './errors';

// The DaemonSet and its pod
export { DaemonSet, CHANGE_CAUSE_ANNOTATION, DESCRIPTION_ANNOTATION, type DaemonSetProps } from './daemonset';
export {
  Container,
  type ContainerPort,
  type ContainerProps,
  type MountOptions,
  type MountPropagation,
  type VolumeMount,
} from './container';
export {
  EnvFrom,
  EnvValue,
  type EnvFieldOptions,
  type EnvFieldPath,
  type EnvFromOptions,
  type EnvKeyOptions,
  type EnvResourceOptions,
  type EnvResourcePath,
} from './env';
export { defaultImagePullPolicy, parseImageReference, type ImagePullPolicy, type ImageReference } from './image';
export { NetworkMode, type DnsPolicy, type NetworkModeKind } from './network';
export {
  Probe,
  type GrpcProbeOptions,
  type HttpGetProbeOptions,
  type ProbeTiming,
  type TcpSocketProbeOptions,
} from './probe';
export { Handler, type ContainerLifecycle } from './lifecycle';
export type { HttpGetActionOptions, PortReference, TcpSocketActionOptions } from './_action';
export { Gpu, type ContainerResources, type Quantity, type ResourceRange, type VcudaShare } from './resources';
export {
  NodeRequirement,
  NodeScheduling,
  type NodeLabelRules,
  type PreferredNodeRule,
  type TaintEffect,
  type Toleration,
} from './scheduling';
export type { ContainerSecurityContext, PodSecurityContext, SeLinuxOptions, SeccompProfile } from './security-context';
export { UpdateStrategy, type IntOrPercent, type RollingUpdateOptions } from './update-strategy';

// Volumes
export { Volume, type VolumeSourceKind } from './volumes/volume';
export type { ConfigMapVolumeOptions, KeyProjectionOptions, KeyToPath } from './volumes/config-map';
export type { EmptyDirVolumeOptions } from './volumes/empty-dir';
export type { HostPathType, HostPathVolumeOptions } from './volumes/host-path';
export type { NfsVolumeOptions } from './volumes/nfs';
export type { PersistentVolumeClaimVolumeOptions } from './volumes/pvc';
export type { SecretVolumeOptions } from './volumes/secret';

// Pod Security Standards
export {
  PSS_EXEMPTIONS_ANNOTATION,
  podSecurityNamespaceLabels,
  type PodSecurityExemption,
  type PodSecurityProps,
} from './pod-security';
export {
  checkPodSecurity,
  PSS_CHECK_IDS,
  PSS_LEVELS,
  type ExemptedViolation,
  type PodSecurityOptions,
  type PodSecurityResult,
  type PssCheckId,
  type PssExemption,
  type PssLevel,
  type PssVersion,
  type PssViolation,
} from './pss';

// TKEStack keys
export {
  ENI_IP_RESOURCE,
  GALAXY_NETWORKS_ANNOTATION,
  GALAXY_RELEASE_POLICY_ANNOTATION,
  GALAXY_VLAN_NETWORK,
  RELEASE_POLICY_VALUES,
  type FloatingIpOptions,
  type FloatingIpReleasePolicy,
} from './tkestack/floating-ip';
export { VCUDA_CORE_LIMIT_ANNOTATION, VCUDA_CORE_RESOURCE, VCUDA_MEMORY_RESOURCE } from './tkestack/gpu-manager';
export { LOG_DIRECTORY_ANNOTATION } from './tkestack/log-directory';

// The validation engine
export { validateManifest, isValidatedKind } from './validate/engine';
export {
  compareIssues,
  formatIssue,
  key,
  prefixIssues,
  toFieldPath,
  type FieldPath,
  type Issue,
  type MapKey,
  type PathSegment,
} from './validate/issue';
export type { Rule, RuleContext, RuleSet } from './validate/rule';
export {
  DNS_POLICIES,
  ENV_FIELD_PATHS,
  FIELD_REF_MAPS,
  HUGEPAGES_FIELD_PREFIXES,
  RESOURCE_FIELD_PATHS,
} from './validate/api-values';

// YAML and manifests
export { toYaml, toYamlStream, readYamlStream, type ReadDocument, type ReadLimits } from './yaml';
export { canonicalManifest } from './canonical';

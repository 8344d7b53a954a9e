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
export { App, type AppProps } from './app';
export { SynthValidationError, type ConstructIssue } from './errors';
export { CHANGE_CAUSE_ANNOTATION, DaemonSet, DESCRIPTION_ANNOTATION, type DaemonSetProps } from './daemonset';
export {
  Container,
  type ContainerPort,
  type ContainerProps,
  type ContainerResizePolicy,
  type MountOptions,
  type MountPropagation,
  type VolumeMount,
} from './container';
export {
  ENV_FIELD_PATHS,
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
export { Handler, type ContainerLifecycle } from './lifecycle';
export type { HttpGetActionOptions, PortReference, TcpSocketActionOptions } from './_action';
export {
  Probe,
  type GrpcProbeOptions,
  type HttpGetProbeOptions,
  type ProbeTiming,
  type TcpSocketProbeOptions,
} from './probe';
export { NetworkMode, type DnsPolicy, type NetworkModeKind, type PodNetworkOptions } from './network';
export { Gpu, type ContainerResources, type Quantity, type ResourceRange, type VcudaShare } from './resources';
export {
  NodeRequirement,
  NodeScheduling,
  type NodeLabelRules,
  type PreferredNodeRule,
  type TaintEffect,
  type Toleration,
} from './scheduling';
export type {
  LabelExistsRequirement,
  LabelSelector,
  LabelSelectorRequirement,
  LabelValuesRequirement,
  NonEmptyValues,
} from './label-selector';
export type { PodAffinity, PodAffinityTerm, WeightedPodAffinityTerm } from './pod-affinity';
export type { TopologySpreadConstraint } from './topology-spread';
export type {
  HostAlias,
  PodDnsConfig,
  PodDnsConfigOption,
  PodReadinessGate,
  PodSchedulingGate,
  PodSpecFields,
} from './pod-fields';
export type {
  ConfigMapReference,
  PersistentVolumeClaimReference,
  SecretReference,
  ServiceAccountReference,
} from './references';
export type {
  AppArmorProfile,
  ContainerSecurityContext,
  PodSecurityContext,
  SeccompProfile,
  SeLinuxOptions,
  Sysctl,
  WindowsSecurityContextOptions,
} from './security-context';
export { UpdateStrategy, type IntOrPercent, type RollingUpdateOptions } from './update-strategy';
export { Volume, type VolumeSourceKind } from './volumes/volume';
export type { ConfigMapVolumeOptions, KeyProjectionOptions, KeyToPath } from './volumes/config-map';
export type { CsiVolumeOptions } from './volumes/csi';
export type { DownwardApiFile, DownwardApiVolumeOptions } from './volumes/downward-api';
export type { EmptyDirVolumeOptions } from './volumes/empty-dir';
export type { EphemeralClaimSpec, EphemeralVolumeOptions } from './volumes/ephemeral';
export type { HostPathType, HostPathVolumeOptions } from './volumes/host-path';
export type { ImageVolumeOptions } from './volumes/image';
export type { NfsVolumeOptions } from './volumes/nfs';
export {
  VolumeProjection,
  type ClusterTrustBundleProjectionOptions,
  type KeyProjectionSourceOptions,
  type ProjectedVolumeOptions,
  type ServiceAccountTokenProjectionOptions,
} from './volumes/projected';
export type { PersistentVolumeClaimVolumeOptions } from './volumes/pvc';
export type { SecretVolumeOptions } from './volumes/secret';
export {
  podSecurityNamespaceLabels,
  PSS_EXEMPTIONS_ANNOTATION,
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
export { isValidatedKind, validateManifest } from './validate/engine';
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
  ENV_DOWNWARD_API_FIELD_PATHS,
  FIELD_REF_MAPS,
  HUGEPAGES_FIELD_PREFIXES,
  RESOURCE_FIELD_PATHS,
} from './validate/api-values';
export { readYamlStream, toYaml, toYamlStream, type ReadDocument, type ReadLimits } from './yaml';
export { canonicalManifest } from './canonical';
export { KUBERNETES_VERSION_CONTEXT, kubernetesVersionOf, setKubernetesVersion } from './kubernetes-version';
export {
  type ValidateForVersionOptions,
  type VersionResult,
  validateForVersion,
} from './validate/pipeline';
export {
  DEFAULT_KUBERNETES_VERSION,
  type KubernetesVersion,
  resolveKubernetesVersion,
  SUPPORTED_KUBERNETES_VERSIONS,
  UnsupportedKubernetesVersionError,
} from './validate/versions/minors';

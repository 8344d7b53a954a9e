/**
 * Typed cdk8s constructs for Kubernetes DaemonSets that synthesize exactly what you write,
 * validated against the Kubernetes 1.27 API server's rules: `DaemonSet`, its containers, volumes,
 * probes and scheduling; `App`, which reports every issue with its field path; and the
 * validation engine (`validateManifest`) the `cdk8s-daemonset validate` command runs.
 *
 * @packageDocumentation
 */
export * from './app';
export * from './container';
export * from './daemonset';
export * from './env';
export * from './errors';
export * from './image';
export * from './label-selector';
export * from './pod-affinity';
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
export * from './topology-spread';
export * from './network';
export * from './probe';
export * from './resources';
export * from './scheduling';
export * from './security-context';
export * from './update-strategy';
export * from './volumes/config-map';
export type { CsiVolumeOptions } from './volumes/csi';
export type { DownwardApiFile, DownwardApiVolumeOptions } from './volumes/downward-api';
export type { EphemeralClaimSpec, EphemeralVolumeOptions } from './volumes/ephemeral';
export type { ImageVolumeOptions } from './volumes/image';
export {
  VolumeProjection,
  type ClusterTrustBundleProjectionOptions,
  type KeyProjectionSourceOptions,
  type ProjectedVolumeOptions,
  type ServiceAccountTokenProjectionOptions,
} from './volumes/projected';
export * from './volumes/empty-dir';
export * from './volumes/host-path';
export * from './volumes/nfs';
export * from './volumes/pvc';
export * from './volumes/secret';
export * from './volumes/volume';
export * from './validate/issue';
export { validateManifest, isValidatedKind } from './validate/engine';
export type { Rule, RuleContext, RuleSet } from './validate/rule';
export { toYaml, toYamlStream, readYamlStream, type ReadDocument, type ReadLimits } from './yaml';
export { canonicalManifest } from './canonical';
export * from './tkestack/floating-ip';
export * from './tkestack/gpu-manager';
export * from './tkestack/log-directory';
export * from './pod-security';
export {
  checkPodSecurity,
  PSS_CHECK_IDS,
  type PssLevel,
  type PssVersion,
  type PssViolation,
  type PssExemption,
  type PodSecurityResult,
  type ExemptedViolation,
  type PodSecurityOptions,
} from './pss';
export * from './lifecycle';
export type { HttpGetActionOptions, TcpSocketActionOptions } from './_action';

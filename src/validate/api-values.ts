/**
 * Closed lists of values the Kubernetes 1.27 API defines, written once: the rules check against
 * them, the constructs derive their prop types from them, and the importer recognizes them.
 * Orders are Go's, as the rules' "supported values" messages print them.
 */

/** validateDNSPolicy (1.27): the pod DNS policies. */
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;

/** validEnvDownwardAPIFieldPathExpressions (1.27): pod fields an env var's `fieldRef` may name. */
export const ENV_DOWNWARD_API_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.podIP',
  'status.podIPs',
] as const;

/** Pod maps a `fieldRef` reads whole or one key at a time (`metadata.labels['app']`). */
export const FIELD_REF_MAPS = ['metadata.labels', 'metadata.annotations'] as const;

/** validateContainerResourceFieldSelector (1.27): container resources a `resourceFieldRef` may name. */
export const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
] as const;

/** Hugepages resources a `resourceFieldRef` may name: `limits.hugepages-2Mi`. */
export const HUGEPAGES_FIELD_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'] as const;

/** Whether `v` is one of `values` (a type guard for the lists above). */
export function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  // includes compares with SameValueZero: no value of another type equals a string.
  return (values as readonly unknown[]).includes(v);
}

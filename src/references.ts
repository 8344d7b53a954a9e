import type * as kplus from 'cdk8s-plus-27';

/**
 * Objects that live elsewhere in the cluster are referenced by a cdk8s-plus object or by name:
 * `Volume.fromConfigMap('config', 'fluent-bit-config')` and
 * `Volume.fromConfigMap('config', new kplus.ConfigMap(...))` write the same `name`.
 */

/** A ConfigMap in the pod's namespace: a cdk8s-plus object, or its name. */
export type ConfigMapReference = kplus.IConfigMap | string;
/** A Secret in the pod's namespace: a cdk8s-plus object, or its name. */
export type SecretReference = kplus.ISecret | string;
/** A ServiceAccount in the pod's namespace: a cdk8s-plus object, or its name. */
export type ServiceAccountReference = kplus.IServiceAccount | string;
/** A PersistentVolumeClaim in the pod's namespace: a cdk8s-plus object, or its name. */
export type PersistentVolumeClaimReference = kplus.IPersistentVolumeClaim | string;

/** The name a reference writes. */
export function referenceName(r: { readonly name: string } | string): string {
  return typeof r === 'string' ? r : r.name;
}

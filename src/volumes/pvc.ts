import type * as kplus from 'cdk8s-plus-27';

/** Options of `Volume.fromPersistentVolumeClaim`. */
export interface PersistentVolumeClaimVolumeOptions {
  /** Mount the claim read-only. @default - not written (false) */
  readonly readOnly?: boolean;
}

/** @internal `persistentVolumeClaim` source. */
export function renderPvc(claim: kplus.IPersistentVolumeClaim, o: PersistentVolumeClaimVolumeOptions): object {
  return { claimName: claim.name, readOnly: o.readOnly };
}

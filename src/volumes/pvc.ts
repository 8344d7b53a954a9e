import { referenceName, type PersistentVolumeClaimReference } from '../references';

/** Options of `Volume.fromPersistentVolumeClaim`. */
export interface PersistentVolumeClaimVolumeOptions {
  /** Mount the claim read-only. @default - not written (false) */
  readonly readOnly?: boolean;
}

/** @internal `persistentVolumeClaim` source. */
export function renderPvc(claim: PersistentVolumeClaimReference, o: PersistentVolumeClaimVolumeOptions): object {
  return { claimName: referenceName(claim), readOnly: o.readOnly };
}

import type { Quantity } from '../resources';

/** Options of `Volume.fromEmptyDir`. */
export interface EmptyDirVolumeOptions {
  /** `Memory` for a tmpfs. @default - not written: the node's disk */
  readonly medium?: '' | 'Memory' | `HugePages${string}`;
  /** Most the directory may hold, e.g. `1Gi`. @default - not written: unlimited */
  readonly sizeLimit?: Quantity;
}

/** @internal `emptyDir` source; `{}` when nothing is set, which is how Kubernetes spells "defaults". */
export function renderEmptyDir(o: EmptyDirVolumeOptions): object {
  return { medium: o.medium, sizeLimit: o.sizeLimit };
}

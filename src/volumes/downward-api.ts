import { copyPlain } from '../_util';
import type { EnvFieldPath, EnvResourcePath } from '../env';

/** One file of a downward API volume or projection: a pod field or a container resource. */
export interface DownwardApiFile {
  /** Relative file path in the volume, e.g. `labels`. */
  readonly path: string;
  /**
   * A pod field; volumes take `metadata.name`, `metadata.namespace`, `metadata.uid`,
   * `metadata.labels`, `metadata.annotations` and single labels or annotations.
   * @default - not written: give this or `resourceFieldRef`
   */
  readonly fieldRef?: {
    /** The field, e.g. `metadata.labels`. */
    readonly fieldPath: EnvFieldPath;
    /** Schema version of the path. @default - not written (v1) */
    readonly apiVersion?: string;
  };
  /** A container's request or limit. @default - not written: give this or `fieldRef` */
  readonly resourceFieldRef?: {
    /** The resource, e.g. `limits.memory`. */
    readonly resource: EnvResourcePath;
    /** The container whose resources are read; required in volumes. @default - not written */
    readonly containerName?: string;
    /** Unit the value is divided by, e.g. `1Mi`. @default - not written (1) */
    readonly divisor?: string | number;
  };
  /** File mode, e.g. `0o444`. @default - not written: the volume's defaultMode */
  readonly mode?: number;
}

/** Options of `Volume.fromDownwardApi`. */
export interface DownwardApiVolumeOptions {
  /** The files. */
  readonly items: readonly DownwardApiFile[];
  /** Mode of the files, e.g. `0o644`. @default - not written (0o644) */
  readonly defaultMode?: number;
}

/** @internal `downwardAPI` source. */
export function renderDownwardApi(o: DownwardApiVolumeOptions): object {
  return { items: copyPlain(o.items), defaultMode: o.defaultMode };
}

import { referenceName, type ConfigMapReference } from '../references';

/** One key projected to a file. */
export interface KeyToPath {
  /** The key in the ConfigMap or Secret. */
  readonly key: string;
  /** Relative file path in the volume. */
  readonly path: string;
  /** File mode, e.g. `0o400`. @default - not written: the volume's defaultMode */
  readonly mode?: number;
}

/** Options shared by ConfigMap and Secret volumes. */
export interface KeyProjectionOptions {
  /** Only these keys, as these files. @default - not written: every key, named after itself */
  readonly items?: readonly KeyToPath[];
  /** Mode of the files, e.g. `0o644`. @default - not written (0o644) */
  readonly defaultMode?: number;
  /** Start the pod even when the source or a key is missing. @default - not written (false) */
  readonly optional?: boolean;
}

/** Options of `Volume.fromConfigMap`. */
export type ConfigMapVolumeOptions = KeyProjectionOptions;

/** @internal the `items`, `defaultMode` and `optional` fields. */
export function renderProjection(o: KeyProjectionOptions): object {
  return {
    items: o.items?.map((i) => ({ key: i.key, path: i.path, mode: i.mode })),
    defaultMode: o.defaultMode,
    optional: o.optional,
  };
}

/** @internal `configMap` source. */
export function renderConfigMap(configMap: ConfigMapReference, o: ConfigMapVolumeOptions): object {
  return { name: referenceName(configMap), ...renderProjection(o) };
}

/** What must exist at a host path before the pod starts. */
export type HostPathType =
  | ''
  | 'DirectoryOrCreate'
  | 'Directory'
  | 'FileOrCreate'
  | 'File'
  | 'Socket'
  | 'CharDevice'
  | 'BlockDevice';

/** Options of `Volume.fromHostPath`. */
export interface HostPathVolumeOptions {
  /** Absolute path on the node, e.g. `/var/log`. */
  readonly path: string;
  /** Check made before mounting. @default - not written: no check */
  readonly type?: HostPathType;
}

/** @internal `hostPath` source. */
export function renderHostPath(o: HostPathVolumeOptions): object {
  return { path: o.path, type: o.type };
}

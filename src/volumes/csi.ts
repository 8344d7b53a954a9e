import { referenceName, type SecretReference } from '../references';

/** Options of `Volume.fromCsi`: an inline (ephemeral) CSI volume. */
export interface CsiVolumeOptions {
  /** The CSI driver's name, e.g. `secrets-store.csi.k8s.io`. */
  readonly driver: string;
  /** Mount read-only. @default - not written (false) */
  readonly readOnly?: boolean;
  /** Filesystem type, e.g. `ext4`. @default - not written: the driver's */
  readonly fsType?: string;
  /** Driver-specific settings. @default - not written */
  readonly volumeAttributes?: Readonly<Record<string, string>>;
  /** Secret (object or name) passed to the driver's NodePublishVolume. @default - not written */
  readonly nodePublishSecretRef?: SecretReference;
}

/** @internal `csi` source. */
export function renderCsi(o: CsiVolumeOptions): object {
  return {
    driver: o.driver,
    readOnly: o.readOnly,
    fsType: o.fsType,
    volumeAttributes: o.volumeAttributes === undefined ? undefined : { ...o.volumeAttributes },
    nodePublishSecretRef:
      o.nodePublishSecretRef === undefined ? undefined : { name: referenceName(o.nodePublishSecretRef) },
  };
}

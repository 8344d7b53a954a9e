import type { LabelSelector } from '../label-selector';
import type { Quantity } from '../resources';

/** A PersistentVolumeClaim's spec, as an ephemeral volume's claim template takes it. */
export interface EphemeralClaimSpec {
  /** e.g. `['ReadWriteOnce']`. */
  readonly accessModes: ReadonlyArray<'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod'>;
  /** Storage requested (`resources.requests`), e.g. `{ storage: '1Gi' }`. @default - not written */
  readonly resources?: {
    /** Minimum amounts, e.g. `{ storage: '1Gi' }`. @default - not written */
    readonly requests?: Readonly<Record<string, Quantity>>;
    /** Maximum amounts. @default - not written */
    readonly limits?: Readonly<Record<string, Quantity>>;
  };
  /** StorageClass to provision from. @default - not written: the cluster's default class */
  readonly storageClassName?: string;
  /** `Block` for a raw device. @default - not written (Filesystem) */
  readonly volumeMode?: 'Filesystem' | 'Block';
  /** Only bind volumes with these labels. @default - not written */
  readonly selector?: LabelSelector;
  /** VolumeAttributesClass (Kubernetes 1.29+). @default - not written */
  readonly volumeAttributesClassName?: string;
}

/** Options of `Volume.fromEphemeral`: a claim created with the pod and deleted with it. */
export interface EphemeralVolumeOptions {
  /** Labels and annotations of the claim. @default - not written */
  readonly metadata?: {
    /** Labels of the claim. @default - not written */
    readonly labels?: Readonly<Record<string, string>>;
    /** Annotations of the claim. @default - not written */
    readonly annotations?: Readonly<Record<string, string>>;
  };
  /** The claim's spec. */
  readonly spec: EphemeralClaimSpec;
}

/** @internal `ephemeral` source. */
export function renderEphemeral(o: EphemeralVolumeOptions): object {
  return { volumeClaimTemplate: JSON.parse(JSON.stringify({ metadata: o.metadata, spec: o.spec })) };
}

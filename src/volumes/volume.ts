import type { ConfigMapReference, PersistentVolumeClaimReference, SecretReference } from '../references';
import { renderConfigMap, type ConfigMapVolumeOptions } from './config-map';
import { renderCsi, type CsiVolumeOptions } from './csi';
import { renderDownwardApi, type DownwardApiVolumeOptions } from './downward-api';
import { renderEphemeral, type EphemeralVolumeOptions } from './ephemeral';
import { renderImage, type ImageVolumeOptions } from './image';
import { renderProjected, type ProjectedVolumeOptions } from './projected';
import { renderEmptyDir, type EmptyDirVolumeOptions } from './empty-dir';
import { renderHostPath, type HostPathVolumeOptions } from './host-path';
import { nfsAddressProblems, renderNfs, type NfsVolumeOptions } from './nfs';
import type { Issue } from '../validate/issue';
import { renderPvc, type PersistentVolumeClaimVolumeOptions } from './pvc';
import { renderSecret, type SecretVolumeOptions } from './secret';

/** The volume sources `Volume` writes: the console's six, and those node agents use. */
export type VolumeSourceKind =
  | 'emptyDir'
  | 'hostPath'
  | 'nfs'
  | 'configMap'
  | 'secret'
  | 'persistentVolumeClaim'
  | 'projected'
  | 'downwardAPI'
  | 'csi'
  | 'ephemeral'
  | 'image';

/**
 * A pod volume. Containers mount it by passing the object itself (`container.mount(path, volume)`),
 * and the DaemonSet declares every volume its containers mount, so a mount can't name a volume
 * that doesn't exist.
 */
export class Volume {
  /** A temporary directory that lives as long as the pod (`emptyDir`). */
  public static fromEmptyDir(name: string, options: EmptyDirVolumeOptions = {}): Volume {
    return new Volume(name, 'emptyDir', renderEmptyDir(options));
  }

  /** A file or directory of the node, which outlives the pod (`hostPath`). */
  public static fromHostPath(name: string, options: HostPathVolumeOptions): Volume {
    return new Volume(name, 'hostPath', renderHostPath(options));
  }

  /** An NFS export, written as the console takes it: `server:/absolute/path`. */
  public static fromNfs(name: string, address: string, options: NfsVolumeOptions = {}): Volume {
    return new Volume(name, 'nfs', renderNfs(address, options), nfsAddressProblems(address));
  }

  /** A ConfigMap in the pod's namespace (a cdk8s-plus object or its name), as files. */
  public static fromConfigMap(
    name: string,
    configMap: ConfigMapReference,
    options: ConfigMapVolumeOptions = {},
  ): Volume {
    return new Volume(name, 'configMap', renderConfigMap(configMap, options));
  }

  /** A Secret in the pod's namespace (a cdk8s-plus object or its name), as files. */
  public static fromSecret(name: string, secret: SecretReference, options: SecretVolumeOptions = {}): Volume {
    return new Volume(name, 'secret', renderSecret(secret, options));
  }

  /**
   * A PersistentVolumeClaim in the pod's namespace (a cdk8s-plus object or its name); the console's
   * "cloud disk" is one bound to a cloud-disk StorageClass.
   */
  public static fromPersistentVolumeClaim(
    name: string,
    claim: PersistentVolumeClaimReference,
    options: PersistentVolumeClaimVolumeOptions = {},
  ): Volume {
    return new Volume(name, 'persistentVolumeClaim', renderPvc(claim, options));
  }

  /**
   * Several sources in one directory (`projected`): service account tokens, ConfigMap and Secret
   * keys, downward API files, cluster trust bundles. Built from `VolumeProjection` factories.
   */
  public static fromProjected(name: string, options: ProjectedVolumeOptions): Volume {
    return new Volume(name, 'projected', renderProjected(options));
  }

  /** Pod fields and container resources as files (`downwardAPI`). */
  public static fromDownwardApi(name: string, options: DownwardApiVolumeOptions): Volume {
    return new Volume(name, 'downwardAPI', renderDownwardApi(options));
  }

  /** An inline volume of a CSI driver (`csi`), e.g. the Secrets Store CSI driver. */
  public static fromCsi(name: string, options: CsiVolumeOptions): Volume {
    return new Volume(name, 'csi', renderCsi(options));
  }

  /** A PersistentVolumeClaim created and deleted with each pod (`ephemeral`). */
  public static fromEphemeral(name: string, options: EphemeralVolumeOptions): Volume {
    return new Volume(name, 'ephemeral', renderEphemeral(options));
  }

  /** The content of an OCI image, read-only (`image`; Kubernetes 1.31+). */
  public static fromImage(name: string, options: ImageVolumeOptions): Volume {
    return new Volume(name, 'image', renderImage(options));
  }

  private constructor(
    /** The volume's name in the pod, which mounts refer to. */
    public readonly name: string,
    /** Which source the volume has. */
    public readonly kind: VolumeSourceKind,
    private readonly source: object,
    /** @internal misuse the API server can't see (the console's address form), relative to the volume */
    public readonly _problems: readonly Issue[] = [],
  ) {}

  /** @internal the `Volume` object. */
  public _toKube(): object {
    return { name: this.name, [this.kind]: this.source };
  }
}

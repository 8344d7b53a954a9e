import type * as kplus from 'cdk8s-plus-27';
import { renderConfigMap, type ConfigMapVolumeOptions } from './config-map';
import { renderEmptyDir, type EmptyDirVolumeOptions } from './empty-dir';
import { renderHostPath, type HostPathVolumeOptions } from './host-path';
import { nfsAddressProblems, renderNfs, type NfsVolumeOptions } from './nfs';
import type { Issue } from '../validate/issue';
import { renderPvc, type PersistentVolumeClaimVolumeOptions } from './pvc';
import { renderSecret, type SecretVolumeOptions } from './secret';

/** The volume sources the console offers. */
export type VolumeSourceKind = 'emptyDir' | 'hostPath' | 'nfs' | 'configMap' | 'secret' | 'persistentVolumeClaim';

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

  /** A ConfigMap in the pod's namespace, as files. */
  public static fromConfigMap(name: string, configMap: kplus.IConfigMap, options: ConfigMapVolumeOptions = {}): Volume {
    return new Volume(name, 'configMap', renderConfigMap(configMap, options));
  }

  /** A Secret in the pod's namespace, as files. */
  public static fromSecret(name: string, secret: kplus.ISecret, options: SecretVolumeOptions = {}): Volume {
    return new Volume(name, 'secret', renderSecret(secret, options));
  }

  /** A PersistentVolumeClaim in the pod's namespace; the console's "cloud disk" is one bound to a cloud-disk StorageClass. */
  public static fromPersistentVolumeClaim(
    name: string,
    claim: kplus.IPersistentVolumeClaim,
    options: PersistentVolumeClaimVolumeOptions = {},
  ): Volume {
    return new Volume(name, 'persistentVolumeClaim', renderPvc(claim, options));
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

import { copyPlain } from '../_util';
import type { LabelSelector } from '../label-selector';
import { referenceName, type ConfigMapReference, type SecretReference } from '../references';
import type { KeyToPath } from './config-map';
import type { DownwardApiFile } from './downward-api';

/** Options of `VolumeProjection.serviceAccountToken`. */
export interface ServiceAccountTokenProjectionOptions {
  /** Relative file path of the token, e.g. `token`. */
  readonly path: string;
  /** Audience the token is for, e.g. `sts.amazonaws.com`. @default - not written: the API server's */
  readonly audience?: string;
  /** Seconds the token is valid, ≥ 600; the kubelet renews it. @default - not written (3600) */
  readonly expirationSeconds?: number;
}

/** Options of `VolumeProjection.configMap` and `VolumeProjection.secret`. */
export interface KeyProjectionSourceOptions {
  /** Only these keys, as these files. @default - not written: every key, named after itself */
  readonly items?: readonly KeyToPath[];
  /** Project nothing, rather than fail, when the source or a key is missing. @default - not written (false) */
  readonly optional?: boolean;
}

/** Options of `VolumeProjection.clusterTrustBundle` (Kubernetes 1.29+, alpha). */
export interface ClusterTrustBundleProjectionOptions {
  /** Relative file path of the PEM bundle. */
  readonly path: string;
  /** One ClusterTrustBundle by name. @default - not written: give this or `signerName` */
  readonly name?: string;
  /** Every bundle of this signer (with `labelSelector`). @default - not written */
  readonly signerName?: string;
  /** Bundles of `signerName` with these labels. @default - not written */
  readonly labelSelector?: LabelSelector;
  /** Write an empty file, rather than fail, when nothing matches. @default - not written (false) */
  readonly optional?: boolean;
}

/** Options of `Volume.fromProjected`. */
export interface ProjectedVolumeOptions {
  /** What the volume holds, merged into one directory. */
  readonly sources: readonly VolumeProjection[];
  /** Mode of the files, e.g. `0o420`. @default - not written (0o644) */
  readonly defaultMode?: number;
}

/** One source of a projected volume. */
export class VolumeProjection {
  /** A token of the pod's service account, for an audience (IRSA, Vault, SPIFFE). */
  public static serviceAccountToken(options: ServiceAccountTokenProjectionOptions): VolumeProjection {
    return new VolumeProjection({
      serviceAccountToken: {
        path: options.path,
        audience: options.audience,
        expirationSeconds: options.expirationSeconds,
      },
    });
  }

  /** Keys of a ConfigMap (object or name), e.g. `kube-root-ca.crt`. */
  public static configMap(configMap: ConfigMapReference, options: KeyProjectionSourceOptions = {}): VolumeProjection {
    return new VolumeProjection({ configMap: { name: referenceName(configMap), ...keys(options) } });
  }

  /** Keys of a Secret (object or name). */
  public static secret(secret: SecretReference, options: KeyProjectionSourceOptions = {}): VolumeProjection {
    return new VolumeProjection({ secret: { name: referenceName(secret), ...keys(options) } });
  }

  /** Pod fields and container resources as files. */
  public static downwardApi(items: readonly DownwardApiFile[]): VolumeProjection {
    return new VolumeProjection({ downwardAPI: { items: copyPlain(items) } });
  }

  /** Certificates of ClusterTrustBundles (Kubernetes 1.29+, alpha). */
  public static clusterTrustBundle(options: ClusterTrustBundleProjectionOptions): VolumeProjection {
    return new VolumeProjection({ clusterTrustBundle: copyPlain(options) });
  }

  private constructor(private readonly source: object) {}

  /** @internal the `VolumeProjection` object. */
  public _toKube(): object {
    return this.source;
  }
}

function keys(o: KeyProjectionSourceOptions): object {
  return { items: o.items?.map((i) => ({ key: i.key, path: i.path, mode: i.mode })), optional: o.optional };
}

/** @internal `projected` source. */
export function renderProjected(o: ProjectedVolumeOptions): object {
  return { sources: o.sources.map((s) => s._toKube()), defaultMode: o.defaultMode };
}

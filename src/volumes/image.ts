import type { ImagePullPolicy } from '../image';

/** Options of `Volume.fromImage`: an OCI image's content, read-only (Kubernetes 1.31+, alpha; beta 1.33). */
export interface ImageVolumeOptions {
  /** The image, e.g. `registry.example.com/models/llama:1`. */
  readonly reference: string;
  /** When the kubelet pulls it. @default - not written: `Always` for `latest`, else `IfNotPresent` */
  readonly pullPolicy?: ImagePullPolicy;
}

/** @internal `image` source. */
export function renderImage(o: ImageVolumeOptions): object {
  return { reference: o.reference, pullPolicy: o.pullPolicy };
}

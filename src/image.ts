/** The image pull policies Kubernetes knows. */
export type ImagePullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** The parts of a container image reference (`[registry[:port]/]repository[:tag][@digest]`). */
export interface ImageReference {
  /** Everything before the tag and digest, e.g. `registry:5000/team/agent`. */
  readonly repository: string;
  /** The tag, when one is written (`1.25` in `nginx:1.25`). @default - absent when the reference has no tag */
  readonly tag?: string;
  /** The digest, when one is written (`sha256:…`). @default - absent when the reference has no digest */
  readonly digest?: string;
}

/**
 * Splits an image reference. A `:` counts as a tag separator only after the last `/`, so the port
 * of `registry:5000/nginx` is not taken for a tag (distribution/reference's grammar).
 */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  return {
    repository: hasTag ? named.slice(0, colon) : named,
    ...(hasTag ? { tag: named.slice(colon + 1) } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/**
 * The pull policy the console and the API server both default to: `Always` when the tag is
 * `latest` or absent (absent means `latest`), otherwise `IfNotPresent`. A digest-only reference
 * has no tag and pins the content, so it is `IfNotPresent`.
 * Follows SetDefaults_Container (pkg/apis/core/v1/defaults.go, 1.27) with
 * parsers.ParseImageName, which reports the tag `latest` only when neither tag nor digest is given.
 */
export function defaultImagePullPolicy(image: string): ImagePullPolicy {
  const ref = parseImageReference(image);
  const tag = ref.tag ?? (ref.digest === undefined ? 'latest' : undefined);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

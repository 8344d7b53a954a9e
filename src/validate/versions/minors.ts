/**
 * The Kubernetes minors the validator has a profile for, and how a user's version string maps to
 * one. Schemas differ only by minor (kubectl-validate, kubeconform and the API's own OpenAPI are
 * per minor), so `1.31.4` and `v1.31` both mean 1.31.
 */

/** Every minor with a profile, oldest first. */
export const SUPPORTED_KUBERNETES_VERSIONS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34'] as const;

/** A minor the validator has a profile for. */
export type KubernetesVersion = (typeof SUPPORTED_KUBERNETES_VERSIONS)[number];

/** The version checked when none is chosen: the one cdk8s-plus-27 speaks. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = '1.27';

/** A version string that is malformed or names a minor without a profile; the CLI exits 2 on it. */
export class UnsupportedKubernetesVersionError extends Error {
  /** The version string as the user wrote it. */
  public readonly given: string;

  /** An error that names `given` and lists the supported versions. */
  public constructor(given: string) {
    super(
      `unsupported Kubernetes version ${JSON.stringify(given)}: use one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')} ` +
        `(x.y or x.y.z), or a range such as ${SUPPORTED_KUBERNETES_VERSIONS[0]}-${SUPPORTED_KUBERNETES_VERSIONS.at(-1)}`,
    );
    this.given = given;
    this.name = 'UnsupportedKubernetesVersionError';
  }
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;

/** True for a supported minor such as `1.31`. */
export function isKubernetesVersion(v: string): v is KubernetesVersion {
  return (SUPPORTED_KUBERNETES_VERSIONS as readonly string[]).includes(v);
}

/** `'1.31.4'` → `'1.31'`; throws UnsupportedKubernetesVersionError for anything else. */
export function resolveKubernetesVersion(given: string): KubernetesVersion {
  const m = VERSION.exec(given.trim());
  const minor = m ? `${Number(m[1])}.${Number(m[2])}` : '';
  if (!isKubernetesVersion(minor)) throw new UnsupportedKubernetesVersionError(given);
  return minor;
}

/**
 * `'1.27-1.34'` → every supported minor from the first to the last; a single version gives a list
 * of one. Ends may be x.y or x.y.z.
 */
export function resolveKubernetesVersions(given: string): KubernetesVersion[] {
  const dash = given.indexOf('-', 1);
  if (dash < 0) return [resolveKubernetesVersion(given)];
  const from = resolveKubernetesVersion(given.slice(0, dash));
  const to = resolveKubernetesVersion(given.slice(dash + 1));
  const all = SUPPORTED_KUBERNETES_VERSIONS as readonly KubernetesVersion[];
  const [i, j] = [all.indexOf(from), all.indexOf(to)];
  if (i > j) throw new UnsupportedKubernetesVersionError(given);
  return all.slice(i, j + 1);
}

/** Position of a minor in time: `minorNumber('1.31')` → 31. Profiles compare these, rules never do. */
export function minorNumber(v: string): number {
  return Number(v.slice(v.indexOf('.') + 1));
}

import type { IConstruct } from 'constructs';
import {
  DEFAULT_KUBERNETES_VERSION,
  type KubernetesVersion,
  resolveKubernetesVersion,
} from './validate/versions/minors';

/**
 * The construct-context key that chooses the Kubernetes minor DaemonSets are validated for. It is
 * read from the DaemonSet upwards, so an App, a Chart or any scope can set it; `App`'s
 * `kubernetesVersion` prop sets it on the app.
 */
export const KUBERNETES_VERSION_CONTEXT = 'cdk8s-daemonset:kubernetesVersion';

/**
 * Chooses the Kubernetes minor the DaemonSets under `scope` are validated for, e.g. on a chart of a
 * plain `cdk8s.App`. Call it before adding children (construct context is fixed once a child exists).
 *
 * @param version `x.y` or `x.y.z`, one of SUPPORTED_KUBERNETES_VERSIONS; throws otherwise
 */
export function setKubernetesVersion(scope: IConstruct, version: string): KubernetesVersion {
  const minor = resolveKubernetesVersion(version);
  scope.node.setContext(KUBERNETES_VERSION_CONTEXT, minor);
  return minor;
}

/** The minor chosen for `scope` (its own or an ancestor's context), else 1.27. Throws for an unsupported one. */
export function kubernetesVersionOf(scope: IConstruct): KubernetesVersion {
  const given = scope.node.tryGetContext(KUBERNETES_VERSION_CONTEXT) as unknown;
  if (given === undefined) return DEFAULT_KUBERNETES_VERSION;
  return resolveKubernetesVersion(String(given));
}

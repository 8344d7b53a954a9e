/** The API server's defaulting of DaemonSets, per Kubernetes minor. */
export { applyDefaults, applyDefaultsInPlace } from './daemonset';
export { type DefaultingOptions, defaultingFor, defaultingOf, resolveDefaulting } from './options';

/** The API server's defaulting of DaemonSets, per Kubernetes minor. */
export { applyDefaults, applyDefaultsInPlace, applyResolvedDefaults } from './daemonset';
export { type DefaultingOptions, defaultingFor, defaultingOf, resolveDefaulting } from './options';

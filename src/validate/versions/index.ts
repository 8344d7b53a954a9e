/** Per-minor profiles, 1.27 … 1.34: schema, feature gates and rule switches as data. */
export { GATE_NAMES, type GateName, type Gates, gateExists } from './gates';
export {
  DEFAULT_KUBERNETES_VERSION,
  isKubernetesVersion,
  type KubernetesVersion,
  resolveKubernetesVersion,
  resolveKubernetesVersions,
  SUPPORTED_KUBERNETES_VERSIONS,
  UnsupportedKubernetesVersionError,
} from './minors';
export { type ValidationOptions, validationOptionsOf } from './options';
export { profileOf, type VersionProfile } from './profile';
export { type Definition, fieldAddedAfter, fieldRemovedIn, type Schema, schemaOf } from './schema';
export { SWITCH_NAMES, type SwitchName, type Switches } from './switches';

import { type GateName, type Gates, gatesOf } from './gates';
import { type KubernetesVersion, resolveKubernetesVersion } from './minors';
import { type ValidationOptions, validationOptionsOf } from './options';
import { type Schema, schemaOf } from './schema';
import { type Switches, switchesOf } from './switches';

/** Everything that differs between minors, as data: what the rules and phases read. */
export interface VersionProfile {
  /** The minor, e.g. `1.31`. */
  readonly version: KubernetesVersion;
  /** The OpenAPI types a DaemonSet reaches in that minor (the strict decoder's schema). */
  readonly schema: Schema;
  /** Feature gates the DaemonSet path reads, with the minor's defaults (and any overrides). */
  readonly gates: Gates;
  /** Behaviour changes without a gate. */
  readonly switches: Switches;
  /** The validation options the create path derives from the gates and switches. */
  readonly options: ValidationOptions;
}

const PROFILES = new Map<string, VersionProfile>();

/**
 * The profile of a minor (`1.31`, `1.31.4`, `v1.31`). With `gateOverrides` (a cluster's
 * non-default `--feature-gates`) a fresh profile is built; the default one is shared.
 */
export function profileOf(version: string, gateOverrides?: Partial<Record<GateName, boolean>>): VersionProfile {
  const minor = resolveKubernetesVersion(version);
  const custom = gateOverrides !== undefined && Object.keys(gateOverrides).length > 0;
  const cached = custom ? undefined : PROFILES.get(minor);
  if (cached) return cached;
  const gates = Object.freeze(gatesOf(minor, gateOverrides));
  const switches = Object.freeze(switchesOf(minor));
  const profile: VersionProfile = Object.freeze({
    version: minor,
    schema: schemaOf(minor),
    gates,
    switches,
    options: Object.freeze(validationOptionsOf(gates, switches)),
  });
  if (!custom) PROFILES.set(minor, profile);
  return profile;
}

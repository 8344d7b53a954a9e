import { type GateName, type Gates, gatesOf } from './gates';
import { type KubernetesVersion, resolveKubernetesVersion } from './minors';
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
  const profile: VersionProfile = Object.freeze({
    version: minor,
    schema: schemaOf(minor),
    gates: Object.freeze(gatesOf(minor, gateOverrides)),
    switches: Object.freeze(switchesOf(minor)),
  });
  if (!custom) PROFILES.set(minor, profile);
  return profile;
}

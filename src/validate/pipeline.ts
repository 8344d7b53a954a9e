import { applyResolvedDefaults, defaultingOf } from './defaults';
import { isValidatedKind, validateManifestFor } from './engine';
import type { FieldPath, Issue } from './issue';
import { field, isObject, str } from './read';
import type { RuleSet } from './rule';
import { ALL_RULES } from './rules';
import { manifestTypes, typesRules } from './rules/types';
import { dropDisabledFields } from './phases/drop-disabled';
import { rolloutHazards } from './phases/rollout-hazards';
import { podTemplateWarnings } from './phases/warnings';
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from './versions/minors';
import { profileOf, type VersionProfile } from './versions/profile';

/** What one Kubernetes minor's API server makes of a manifest. */
export interface VersionResult {
  /** The minor checked, e.g. `1.31`. */
  readonly kubernetesVersion: KubernetesVersion;
  /** What the server rejects: a non-empty list means the create fails. */
  readonly errors: readonly Issue[];
  /**
   * What it accepts but you should know: the server's own warnings (kubectl prints them as
   * `Warning: …`) and the fields it drops silently (code `drop/gate-disabled`). Never a failure.
   */
  readonly warnings: readonly Issue[];
}

/** Options of {@link validateForVersion}. */
export interface ValidateForVersionOptions {
  /** The minor to check for, `x.y` or `x.y.z`. @default '1.27' */
  readonly kubernetesVersion?: string;
  /** The rule sets to run. @default - every rule */
  readonly rules?: readonly RuleSet[];
}

// The rule sets without the strict decoder, which runs first as its own phase.
const WITHOUT_TYPES = new WeakMap<readonly RuleSet[], readonly RuleSet[]>();

export function semanticRules(rules: readonly RuleSet[]): readonly RuleSet[] {
  let r = WITHOUT_TYPES.get(rules);
  if (!r) {
    r = rules.filter((s) => s !== typesRules);
    WITHOUT_TYPES.set(rules, r);
  }
  return r;
}

/** The pod spec of a DaemonSet or Pod, when it is an object, and its path. */
export function podSpecOf(manifest: unknown): [Record<string, unknown> | undefined, FieldPath] {
  const isPod = str(field(manifest, 'kind')) === 'Pod';
  const path: FieldPath = isPod ? ['spec'] : ['spec', 'template', 'spec'];
  const spec = isPod ? field(manifest, 'spec') : field(manifest, 'spec', 'template', 'spec');
  return [isObject(spec) ? (spec as Record<string, unknown>) : undefined, path];
}

/**
 * The create path of one minor's kube-apiserver, phase by phase in its order
 * (pkg/registry/apps/daemonset/strategy.go and the generic registry's BeforeCreate):
 *  1. strict decode against the minor's schema: an unknown field or a wrong type fails the
 *     request (HTTP 400) before anything else runs, so nothing more is reported;
 *  2. defaulting (SetObjectDefaults_DaemonSet) of a copy;
 *  3. PrepareForCreate: dropDisabledFields for the minor's gates (reported as warnings);
 *  4. validation options (GetValidationOptionsFromPodSpecAndMeta, old = nil: the profile's);
 *  5. validation (ValidateDaemonSet), every rule reading the profile;
 *  6. warnings (GetWarningsForPodTemplate), which the server sends only for an accepted object,
 *     and our rollout hazards (phases/rollout-hazards.ts), seen from the object alone.
 * Range mode (range/index.ts) runs these phases for several minors at once, sharing results; it
 * must stay this function's equal minor by minor (test/validate/range).
 */
export function validateWithProfile(
  manifest: unknown,
  profile: VersionProfile,
  rules: readonly RuleSet[] = ALL_RULES,
): VersionResult {
  const kubernetesVersion = profile.version;
  if (!isValidatedKind(manifest))
    return { kubernetesVersion, errors: validateManifestFor(manifest, rules, profile), warnings: [] };
  if (rules.includes(typesRules)) {
    const decode = manifestTypes(manifest, [], { manifest, profile });
    if (decode.length > 0) return { kubernetesVersion, errors: decode, warnings: [] };
  }
  const stored = defaultManifest(manifest, profile);
  const [spec, specPath] = podSpecOf(stored);
  const dropped = spec ? dropDisabledFields(spec, specPath, profile) : [];
  const errors = validateManifestFor(stored, semanticRules(rules), profile);
  // The server's warnings come only with an accepted object; ours (rollout hazards) likewise.
  const warnings =
    errors.length > 0 ? dropped : [...dropped, ...podTemplateWarnings(stored, profile), ...rolloutHazards(manifest)];
  return { kubernetesVersion, errors, warnings };
}

/** The create path of one minor (validateWithProfile) for a version string (x.y or x.y.z; throws UnsupportedKubernetesVersionError). */
export function validateForVersion(manifest: unknown, options: ValidateForVersionOptions = {}): VersionResult {
  return validateWithProfile(
    manifest,
    profileOf(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION),
    options.rules,
  );
}

/**
 * Phase 2: SetObjectDefaults_DaemonSet of the minor on a copy (the caller's manifest is never
 * touched); a Pod is copied as it is.
 */
export function defaultManifest(manifest: unknown, profile: VersionProfile): unknown {
  // The profile's switches, not its version string: no second resolution of the minor per document.
  return applyResolvedDefaults(manifest, defaultingOf(profile.switches));
}

/**
 * The API server's update path for a DaemonSet (`PUT`, pkg/registry/apps/daemonset/strategy.go,
 * 1.27 … 1.34), phase by phase, as the create path (validate/pipeline.ts) runs its phases:
 *  - the stored object: OLD through the create path of the same minor (defaulting, then
 *    PrepareForCreate's dropDisabledFields with no old spec), as the server stored it;
 *  - NEW: strict decode (a failure ends the request), defaulting, then PrepareForUpdate's
 *    `pod.DropDisabledTemplateFields(new, old)`: gate-disabled fields are dropped unless the stored
 *    template already uses them, and the template comparison sees the result. The stored object
 *    here never does: the same minor's create path dropped every such field from it (tested in
 *    test/validate/phases/drop-disabled.test.ts), so NEW is dropped as on create, without the
 *    search of the stored spec;
 *  - ValidateUpdate (validation of NEW with the minor's rules, and update-rules.ts);
 *  - WarningsOnUpdate: `pod.GetWarningsForPodTemplate(new, old)`, only when `templateGeneration`
 *    moves, i.e. when the template changed (the strategy's `if newDS.Spec.TemplateGeneration !=
 *    oldDS.Spec.TemplateGeneration`).
 *
 * Validation options on update are those of create: GetValidationOptionsFromPodSpecAndMeta's
 * "the old spec already uses it" relaxations only matter for a stored object the current rules
 * would refuse, and OLD here is stored by the same minor's create path.
 *
 * Each function writes into the manifest it is given: the caller hands over its own copy.
 */
import type { Issue } from '../validate/issue';
import { applyDefaultsInPlace, defaultingOf } from '../validate/defaults';
import { validateManifestFor } from '../validate/engine';
import { dropDisabledFields } from '../validate/phases/drop-disabled';
import { podSpecOf } from '../validate/pipeline';
import { podTemplateWarnings } from '../validate/phases/warnings';
import type { RuleSet } from '../validate/rule';
import { ALL_RULES } from '../validate/rules';
import { manifestTypes, typesRules } from '../validate/rules/types';
import type { VersionProfile } from '../validate/versions/profile';

/** The rules of validation proper: the strict decoder runs first, as its own phase. */
const VALIDATION_RULES: readonly RuleSet[] = ALL_RULES.filter((s) => s !== typesRules);

/** What the server stores for OLD, created by the same minor: defaulted, gate-disabled fields dropped. */
export function storedObject(own: unknown, profile: VersionProfile): unknown {
  const stored = applyDefaultsInPlace(own, defaultingOf(profile.switches));
  const [spec, specPath] = podSpecOf(stored);
  if (spec) dropDisabledFields(spec, specPath, profile);
  return stored;
}

/** NEW as PrepareForUpdate leaves it, with what decoding refused and the fields dropped. */
export interface PreparedUpdate {
  /** Strict decoding's errors: when any, the request fails with them alone (HTTP 400). */
  readonly decodeErrors: readonly Issue[];
  /** NEW defaulted, with gate-disabled fields dropped (the stored object uses none). */
  readonly prepared: unknown;
  /** Our notices of the dropped fields (`drop/gate-disabled`); the server says nothing. */
  readonly dropped: readonly Issue[];
}

/**
 * Strict decode, defaulting and PrepareForUpdate's drops of NEW, against an object stored by
 * storedObject with the same profile (which uses no gate-disabled field).
 */
export function prepareUpdate(own: unknown, profile: VersionProfile): PreparedUpdate {
  const decodeErrors = manifestTypes(own, [], { manifest: own, profile });
  const prepared = applyDefaultsInPlace(own, defaultingOf(profile.switches));
  const [spec, specPath] = podSpecOf(prepared);
  const dropped = spec ? dropDisabledFields(spec, specPath, profile) : [];
  return { decodeErrors, prepared, dropped };
}

/** ValidateDaemonSet of the prepared NEW with the minor's rules (the update-only rules are update-rules.ts). */
export function validatePrepared(prepared: unknown, profile: VersionProfile): Issue[] {
  return validateManifestFor(prepared, VALIDATION_RULES, profile);
}

/** WarningsOnUpdate: the pod-template warnings of NEW, sent only when its template changed. */
export function warningsOnUpdate(prepared: unknown, templateChanged: boolean, profile: VersionProfile): Issue[] {
  return templateChanged ? podTemplateWarnings(prepared, profile) : [];
}

/**
 * ValidateVolumes (1.27): the pod's volume list, names and duplicates; each source is checked by
 * `volume-sources.ts`.
 */
import type { FieldPath, Issue } from '../issue';
import type { VersionProfile } from '../versions/profile';
import { field, get, goString, isSet, issue, list, show } from '../read';
import { memoized, NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { dns1123LabelErrors, nameIsDnsSubdomain } from './_shared/names';
import { isPod } from './_shared/container-context';
import { SOURCES, volumeSourceIssues } from './volume-sources';

function nameIssues(vol: unknown, path: FieldPath): readonly Issue[] {
  const name = goString(get(vol, 'name'));
  if (name === undefined) return NO_ISSUES;
  if (name === '') return [issue([...path, 'name'], 'volume/name-required', 'Required value: a volume needs a name')];
  const errs = dns1123LabelErrors(name);
  if (errs.length === 0) return NO_ISSUES;
  return errs.map((m) => issue([...path, 'name'], 'volume/name-invalid', `Invalid value ${show(name)}: ${m}`));
}

/**
 * ValidateVolumes (1.27), run over the whole list: per volume its issues, and the map of volumes
 * that had none (only those can be mounted: a mount of an invalid volume is "Not found"). A
 * duplicate name is only noticed against earlier *valid* volumes, as in Go.
 */
export interface VolumeList {
  /** Issues of each volume, by index. */
  readonly issues: Issue[][];
  /** The volumes without issues, by name. */
  readonly valid: Map<string, unknown>;
}

export function validateVolumeList(ctx: RuleContext): VolumeList {
  // Asked once per volume and twice per container in one run: computed once per run.
  return memoized(ctx, validateVolumeList, () => volumeListOf(ctx.podSpec, ctx.podSpecPath ?? [], ctx.profile));
}

function volumeListOf(podSpec: unknown, specPath: FieldPath, profile: VersionProfile): VolumeList {
  const valid = new Map<string, unknown>();
  const issues = list(get(podSpec, 'volumes')).map((vol, i) => {
    const path: FieldPath = [...specPath, 'volumes', i];
    const el = volumeSourceIssues(vol, path, profile);
    for (const i of nameIssues(vol, path)) el.push(i);
    const name = goString(get(vol, 'name'));
    if (name !== undefined && valid.has(name)) {
      el.push(
        issue(
          [...path, 'name'],
          'volume/name-duplicate',
          `Duplicate value: ${show(name)}: volume names must be unique within a pod`,
        ),
      );
    }
    if (el.length === 0 && name !== undefined) valid.set(name, vol);
    return el;
  });
  return { issues, valid };
}

const volumeRule: Rule = (_vol, path, ctx: RuleContext) => {
  const i = path[path.length - 1];
  if (typeof i !== 'number' || ctx.podSpecPath === undefined) return NO_ISSUES;
  return validateVolumeList(ctx).issues[i] ?? [];
};

// ValidateVolumes + validateVolumeSource (1.27), Pod only (a template has no pod name): the PVC
// of an ephemeral volume is named <pod>-<volume>, which must be a valid object name, and a
// persistentVolumeClaim volume may not reference such a generated claim.
const generatedClaims: Rule = (vol, path, ctx) => {
  if (!isPod(ctx)) return NO_ISSUES;
  const pod = goString(field(ctx.manifest, 'metadata', 'name'));
  if (pod === undefined || pod === '') return NO_ISSUES;
  const out: Issue[] = [];
  const name = goString(get(vol, 'name'));
  if (
    isSet(get(vol, 'ephemeral')) &&
    name !== undefined &&
    name !== '' &&
    SOURCES.findIndex(([k]) => isSet(get(vol, k))) === SOURCES.length - 1
  ) {
    const pvc = `${pod}-${name}`;
    for (const m of nameIsDnsSubdomain(pvc, false))
      out.push(
        issue(
          [...path, 'name'],
          'volume/ephemeral-claim-name-invalid',
          `Invalid value ${show(name)}: PVC name ${show(pvc)}: ${m}`,
        ),
      );
  }
  const claim = goString(field(vol, 'persistentVolumeClaim', 'claimName'));
  if (claim !== undefined && claim !== '') {
    const created = list(get(ctx.podSpec, 'volumes'))
      .filter((v) => isSet(get(v, 'ephemeral')))
      .map((v) => `${pod}-${goString(get(v, 'name')) ?? ''}`);
    if (created.includes(claim)) {
      out.push(
        issue(
          [...path, 'persistentVolumeClaim', 'claimName'],
          'volume/claim-of-ephemeral-volume',
          `Invalid value ${show(claim)}: must not reference a PVC that gets created for an ephemeral volume`,
        ),
      );
    }
  }
  return out;
};

export const volumesRules: RuleSet = {
  volume: [volumeRule, generatedClaims],
};

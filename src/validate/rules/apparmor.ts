/**
 * The AppArmor fields (`securityContext.appArmorProfile` of the pod and of each container), known
 * from 1.30 (AppArmorFields on from its introduction, GA in 1.31). Before 1.30 the strict decoder
 * rejects the field, so these rules never see it there.
 */
import type { FieldPath, Issue } from '../issue';
import { field, get, isObject, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { isPod } from './_shared/container-context';
import { byteLength } from './_shared/names';
import { notSupported } from './_shared/values';

const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
// PATH_MAX - 1, as ValidateAppArmorProfileField (1.30) says.
const MAX_LOCALHOST_PROFILE = 4095;
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** ValidateAppArmorProfileField (1.30): the type, and a localhost profile exactly when the type is Localhost. */
export function appArmorProfileField(profile: unknown, p: FieldPath): Issue[] {
  if (!isObject(profile)) return NO_ISSUES;
  const type = get(profile, 'type') ?? '';
  const local = get(profile, 'localhostProfile');
  const lp: FieldPath = [...p, 'localhostProfile'];
  if (type === 'Localhost') {
    if (!isSet(local) || local === '')
      return [
        issue(
          lp,
          'security-context/apparmor-localhost-profile-required',
          'Required value: must be set when AppArmor type is Localhost: name the profile loaded on the node',
        ),
      ];
    if (typeof local !== 'string') return NO_ISSUES; // types: another rule
    const out: Issue[] = [];
    // Go's `else if localhostProfile == ""` (TrimSpace equal to the value, and empty) is the
    // empty value, which the Required check above already reports: no branch for it here.
    if (local.trim() !== local)
      out.push(
        issue(
          lp,
          'security-context/apparmor-localhost-profile-padded',
          `Invalid value ${show(local)}: must not be padded with whitespace`,
        ),
      );
    if (byteLength(local) > MAX_LOCALHOST_PROFILE)
      out.push(
        issue(
          lp,
          'security-context/apparmor-localhost-profile-too-long',
          `Too long: must have at most ${MAX_LOCALHOST_PROFILE} bytes, got ${byteLength(local)}`,
        ),
      );
    return out;
  }
  if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (!isSet(local)) return NO_ISSUES;
    return [
      issue(
        lp,
        'security-context/apparmor-localhost-profile-forbidden',
        `Invalid value ${show(local)}: can only be set when AppArmor type is Localhost`,
      ),
    ];
  }
  if (type === '')
    return [
      issue(
        [...p, 'type'],
        'security-context/apparmor-type-required',
        'Required value: type is required when appArmorProfile is set: Localhost, RuntimeDefault or Unconfined',
      ),
    ];
  if (typeof type !== 'string') return NO_ISSUES;
  return [issue([...p, 'type'], 'security-context/apparmor-type-unsupported', notSupported(type, APPARMOR_TYPES))];
}

// AppArmorFields: off (absent) before 1.30, where the strict decoder has already rejected the field.
// The same field of the pod's and of each container's securityContext.
const appArmorProfile: Rule = (podOrContainer, path, ctx) =>
  !ctx.profile.gates.AppArmorFields
    ? NO_ISSUES
    : appArmorProfileField(field(podOrContainer, 'securityContext', 'appArmorProfile'), [
        ...path,
        'securityContext',
        'appArmorProfile',
      ]);

/**
 * validateAppArmorAnnotationsAndFieldsMatchOnCreate (1.30, from ValidatePodTemplateSpec; gated by
 * AppArmorFields, on wherever the field exists): a container's deprecated annotation must say what
 * its field (or else the pod's) says. Windows pods are skipped.
 */
const annotationsMatchFields: Rule = (spec, path, ctx) => {
  const podProfile = field(spec, 'securityContext', 'appArmorProfile');
  if (!ctx.profile.gates.AppArmorFields || field(spec, 'os', 'name') === 'windows') return NO_ISSUES;
  const notes = isPod(ctx)
    ? field(ctx.manifest, 'metadata', 'annotations')
    : field(ctx.manifest, 'spec', 'template', 'metadata', 'annotations');
  if (!isObject(notes)) return NO_ISSUES;
  const out: Issue[] = [];
  for (const l of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    list(get(spec, l)).forEach((c, i) => {
      const own = field(c, 'securityContext', 'appArmorProfile');
      const profile = isSet(own) ? own : podProfile;
      const name = get(c, 'name');
      if (!isObject(profile) || typeof name !== 'string') return;
      const annotation = get(notes, ANNOTATION_PREFIX + name);
      if (typeof annotation !== 'string') return;
      const at: FieldPath = [...path, l, i, 'securityContext', 'appArmorProfile'];
      const type = get(profile, 'type');
      const expected = type === 'Unconfined' ? 'unconfined' : type === 'RuntimeDefault' ? 'runtime/default' : undefined;
      let mismatch: Issue | undefined;
      if (
        expected !== undefined ? annotation !== expected : type === 'Localhost' && !annotation.startsWith('localhost/')
      )
        mismatch = issue(
          [...at, 'type'],
          'security-context/apparmor-annotation-mismatch',
          `Forbidden: apparmor type in annotation and field must match: the annotation says ${show(annotation)}; drop the deprecated annotation`,
        );
      else if (type === 'Localhost' && annotation.slice('localhost/'.length) !== get(profile, 'localhostProfile'))
        mismatch = issue(
          [...at, 'localhostProfile'],
          'security-context/apparmor-annotation-mismatch',
          `Forbidden: apparmor profile in annotation and field must match: the annotation says ${show(annotation)}; drop the deprecated annotation`,
        );
      if (mismatch) out.push(mismatch);
    });
  }
  return out;
};

export const appArmorRules: RuleSet = {
  podSpec: [appArmorProfile, annotationsMatchFields],
  container: [appArmorProfile],
};

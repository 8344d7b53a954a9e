import type { FieldPath, Issue } from '../issue';
import { get, goString, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { dns1123LabelErrors } from './_shared/names';
import { containerIndex, containersOf, isPod } from './_shared/container-context';

// validateContainers (1.27): a pod spec needs at least one regular container.
const containersRequired: Rule = (spec, path) => {
  const cs = get(spec, 'containers');
  if (cs !== undefined && cs !== null && !Array.isArray(cs)) return NO_ISSUES; // types: another rule
  if (list(cs).length > 0) return NO_ISSUES;
  return [
    issue(
      [...path, 'containers'],
      'container/containers-required',
      'Required value: a pod needs at least one container in `containers`',
    ),
  ];
};

// validateContainerCommon (1.27): name is required and an RFC 1123 label.
const nameValid: Rule = (c, path) => {
  const name = goString(get(c, 'name'));
  if (name === undefined) return NO_ISSUES;
  if (name === '')
    return [issue([...path, 'name'], 'container/name-required', 'Required value: a container needs a name')];
  const errs = dns1123LabelErrors(name);
  if (errs.length === 0) return NO_ISSUES;
  return errs.map((m) => issue([...path, 'name'], 'container/name-invalid', `Invalid value ${show(name)}: ${m}`));
};

function namesOf(cs: readonly unknown[]): (string | undefined)[] {
  return cs.map((c) => goString(get(c, 'name')));
}

// validateContainers / validateInitContainers / validateEphemeralContainers (1.27): names are unique
// across regular and init containers (ephemeral ones across all three). Each list reports at the
// later duplicate; init containers are checked against every regular container, and ephemeral
// containers against every regular and init container.
const nameUnique: Rule = (c, path, ctx) => {
  const name = goString(get(c, 'name'));
  if (name === undefined) return NO_ISSUES;
  const i = containerIndex(path);
  const regular = containersOf(ctx, 'containers');
  let duplicate: boolean;
  if (ctx.containerList === 'containers') {
    // validateContainers inserts every name, "" included.
    duplicate = hasName(regular, name, i, false);
  } else if (ctx.containerList === 'initContainers') {
    duplicate =
      hasName(regular, name, regular.length, false) || hasName(containersOf(ctx, 'initContainers'), name, i, true);
  } else {
    const init = containersOf(ctx, 'initContainers');
    duplicate =
      hasName(regular, name, regular.length, false) ||
      hasName(init, name, init.length, false) ||
      hasName(containersOf(ctx, 'ephemeralContainers'), name, i, false);
  }
  if (!duplicate) return NO_ISSUES;
  return [
    issue(
      [...path, 'name'],
      'container/name-duplicate',
      `Duplicate value: ${show(name)}: container names must be unique across containers and initContainers`,
    ),
  ];
};

/**
 * Whether one of the first `end` containers is named `name` (an empty name does not count when
 * `skipEmpty`): the set Go builds, asked without building it. Callers pass a container's own index
 * or a list's length, so `end` never exceeds `cs.length`.
 */
function hasName(cs: readonly unknown[], name: string, end: number, skipEmpty: boolean): boolean {
  if (skipEmpty && name === '') return false;
  for (let j = 0; j < end; j++) {
    if (goString(get(cs[j], 'name')) === name) return true;
  }
  return false;
}

// validateContainerCommon (1.27): image must be non-empty.
const imageRequired: Rule = (c, path) => {
  const image = goString(get(c, 'image'));
  if (image !== '') return NO_ISSUES;
  return [
    issue(
      [...path, 'image'],
      'container/image-required',
      'Required value: a container needs an image, e.g. "busybox:1.36"',
    ),
  ];
};

// validateContainerOnlyForPod (1.27): leading/trailing whitespace is refused for Pods only; pod
// templates keep it for backward compatibility (openshift/origin#14659).
const imageWhitespace: Rule = (c, path, ctx) => {
  const image = get(c, 'image');
  if (typeof image !== 'string' || image.trim() === image) return NO_ISSUES;
  if (!isPod(ctx) && ctx.containerList !== 'ephemeralContainers') return NO_ISSUES;
  return [
    issue(
      [...path, 'image'],
      'container/image-whitespace',
      `Invalid value ${show(image)}: must not have leading or trailing whitespace`,
    ),
  ];
};

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

// validatePullPolicy (1.27); "" never reaches it: SetDefaults_Container picks Always or IfNotPresent.
const pullPolicy: Rule = (c, path) => {
  const p = get(c, 'imagePullPolicy');
  if (typeof p !== 'string' || p === '' || PULL_POLICIES.includes(p)) return NO_ISSUES;
  return [
    issue(
      [...path, 'imagePullPolicy'],
      'container/image-pull-policy-unsupported',
      `Unsupported value ${show(p)}: supported values: "Always", "IfNotPresent", "Never"`,
    ),
  ];
};

// validateContainerCommon (1.27); "" is defaulted to File by SetDefaults_Container.
const terminationMessagePolicy: Rule = (c, path) => {
  const p = get(c, 'terminationMessagePolicy');
  if (typeof p !== 'string' || p === '' || p === 'File' || p === 'FallbackToLogsOnError') return NO_ISSUES;
  return [
    issue(
      [...path, 'terminationMessagePolicy'],
      'container/termination-message-policy-unsupported',
      `Unsupported value ${show(p)}: supported values: "File", "FallbackToLogsOnError"`,
    ),
  ];
};

const INIT_FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

// validateInitContainers (1.27): init containers run to completion, so no lifecycle or probes.
// A sidecar (restartPolicy Always, kept where SidecarContainers is on: dropDisabledFields removes
// it otherwise) runs alongside the pod and may have both (1.29+).
const initRestrictions: Rule = (c, path, ctx) => {
  if (ctx.containerList !== 'initContainers' || get(c, 'restartPolicy') === 'Always') return NO_ISSUES;
  return INIT_FORBIDDEN.filter((f) => isSet(get(c, f))).map((f) =>
    issue([...path, f], 'container/init-field-forbidden', 'Forbidden: may not be set for init containers'),
  );
};

// allowedEphemeralContainerFields (1.27): the fields of EphemeralContainerCommon that are false.
const EPHEMERAL_FORBIDDEN = ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const;

function resourcesSet(r: unknown): boolean {
  return ['limits', 'requests', 'claims'].some((k) => isSet(get(r, k)));
}

// validateEphemeralContainers (1.27): no ports, resources, probes or lifecycle; no subPath mounts;
// targetContainerName must name a regular or init container.
const ephemeralRestrictions: Rule = (c, path, ctx) => {
  if (ctx.containerList !== 'ephemeralContainers') return NO_ISSUES;
  const out: Issue[] = [];
  const forbid = (p: FieldPath): void => {
    out.push(issue(p, 'container/ephemeral-field-forbidden', 'Forbidden: cannot be set for an Ephemeral Container'));
  };
  for (const f of EPHEMERAL_FORBIDDEN) if (isSet(get(c, f))) forbid([...path, f]);
  if (resourcesSet(get(c, 'resources'))) forbid([...path, 'resources']);
  list(get(c, 'volumeMounts')).forEach((m, j) => {
    for (const f of ['subPath', 'subPathExpr']) {
      const v = get(m, f);
      if (typeof v === 'string' && v !== '') forbid([...path, 'volumeMounts', j, f]);
    }
  });
  const target = get(c, 'targetContainerName');
  if (typeof target === 'string' && target !== '') {
    const names = [...namesOf(containersOf(ctx, 'containers')), ...namesOf(containersOf(ctx, 'initContainers'))];
    if (!names.includes(target)) {
      out.push(
        issue(
          [...path, 'targetContainerName'],
          'container/target-container-not-found',
          `Not found: ${show(target)}: must name a container or init container of this pod`,
        ),
      );
    }
  }
  return out;
};

export const containersRules: RuleSet = {
  podSpec: [containersRequired],
  container: [
    nameValid,
    nameUnique,
    imageRequired,
    imageWhitespace,
    pullPolicy,
    terminationMessagePolicy,
    initRestrictions,
    ephemeralRestrictions,
  ],
};

import type { FieldPath, Issue } from '../issue';
import { get, goString, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { localDescendingPath } from './_shared/volume-paths';
import { validateVolumeList } from './volumes';

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

/** name → mountPath (GetVolumeMountMap) or name → devicePath (GetVolumeDeviceMap); later entries win. */
function pathMap(items: readonly unknown[], pathKey: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const it of items) {
    const n = goString(get(it, 'name'));
    const p = goString(get(it, pathKey));
    if (n !== undefined && p !== undefined) m.set(n, p);
  }
  return m;
}

// ValidateVolumeMounts (1.27). Only volumes that passed their own validation can be mounted.
// Go reports subPath, subPathExpr and mountPropagation errors at `volumeMounts.<field>`, without
// the index (it uses the list's path there); kept so paths match the API server.
const volumeMounts: Rule = (c, path, ctx) => {
  if (ctx.podSpecPath === undefined) return NO_ISSUES;
  const mounts = list(get(c, 'volumeMounts'));
  if (mounts.length === 0) return NO_ISSUES;
  const volumes = validateVolumeList(ctx).valid;
  const devices = pathMap(list(get(c, 'volumeDevices')), 'devicePath');
  const devicePaths = devices.size === 0 ? undefined : [...devices.values()];
  const privileged = get(get(c, 'securityContext'), 'privileged') === true;
  // Paths are built only for what is reported: most mounts are valid.
  const at = (i: number, f: string): FieldPath => [...path, 'volumeMounts', i, f];
  const listPath = (f: string): FieldPath => [...path, 'volumeMounts', f];
  const seen = new Set<string>();
  const out: Issue[] = [];
  mounts.forEach((m, i) => {
    const name = goString(get(m, 'name'));
    const mountPath = goString(get(m, 'mountPath'));
    if (name === '')
      out.push(issue(at(i, 'name'), 'volume-mount/name-required', 'Required value: name the volume to mount'));
    if (name !== undefined && !volumes.has(name)) {
      out.push(
        issue(
          at(i, 'name'),
          'volume-mount/volume-not-found',
          `Not found: ${show(name)}: no valid volume of that name in the pod's volumes`,
        ),
      );
    }
    if (mountPath === '')
      out.push(
        issue(
          at(i, 'mountPath'),
          'volume-mount/mount-path-required',
          'Required value: give the path in the container, e.g. "/data"',
        ),
      );
    if (mountPath !== undefined) {
      if (seen.has(mountPath))
        out.push(
          issue(
            at(i, 'mountPath'),
            'volume-mount/mount-path-duplicate',
            `Invalid value ${show(mountPath)}: must be unique`,
          ),
        );
      seen.add(mountPath);
    }
    if (name !== undefined && devices.has(name)) {
      out.push(
        issue(
          at(i, 'name'),
          'volume-mount/name-in-devices',
          `Invalid value ${show(name)}: must not already exist in volumeDevices`,
        ),
      );
    }
    if (mountPath && devicePaths?.includes(mountPath)) {
      out.push(
        issue(
          at(i, 'mountPath'),
          'volume-mount/path-in-devices',
          `Invalid value ${show(mountPath)}: must not already exist as a path in volumeDevices`,
        ),
      );
    }
    const subPath = goString(get(m, 'subPath'));
    if (subPath !== undefined && subPath !== '')
      out.push(...localDescendingPath(subPath, listPath('subPath'), 'volume-mount'));
    const expr = goString(get(m, 'subPathExpr'));
    if (expr !== undefined && expr !== '') {
      if (subPath !== undefined && subPath !== '') {
        out.push(
          issue(
            at(i, 'subPathExpr'),
            'volume-mount/sub-path-exclusive',
            `Invalid value ${show(expr)}: subPathExpr and subPath are mutually exclusive`,
          ),
        );
      }
      out.push(...localDescendingPath(expr, listPath('subPathExpr'), 'volume-mount'));
    }
    const prop = get(m, 'mountPropagation');
    if (typeof prop === 'string') {
      if (!PROPAGATIONS.includes(prop)) {
        out.push(
          issue(
            listPath('mountPropagation'),
            'volume-mount/propagation-unsupported',
            `Unsupported value ${show(prop)}: supported values: "Bidirectional", "HostToContainer", "None"`,
          ),
        );
      }
      if (prop === 'Bidirectional' && !privileged) {
        out.push(
          issue(
            listPath('mountPropagation'),
            'volume-mount/bidirectional-unprivileged',
            'Forbidden: Bidirectional mount propagation is available only to privileged containers; set securityContext.privileged: true or use HostToContainer',
          ),
        );
      }
    }
    const rro = get(m, 'recursiveReadOnly');
    if (typeof rro === 'string' && ctx.profile.gates.RecursiveReadOnlyMounts)
      out.push(...recursiveReadOnly(rro, m, listPath('recursiveReadOnly')));
  });
  return out;
};

const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

/**
 * validateMountRecursiveReadOnly (1.30, reached where RecursiveReadOnlyMounts keeps the field:
 * 1.31+), reported at `volumeMounts.recursiveReadOnly` without the index, as the server does.
 */
function recursiveReadOnly(v: string, m: unknown, p: FieldPath): Issue[] {
  if (v === 'Disabled') return NO_ISSUES;
  if (!RECURSIVE_READ_ONLY.includes(v))
    return [
      issue(
        p,
        'volume-mount/recursive-read-only-unsupported',
        `Unsupported value ${show(v)}: supported values: "Disabled", "Enabled", "IfPossible"`,
      ),
    ];
  const out: Issue[] = [];
  if (get(m, 'readOnly') !== true)
    out.push(
      issue(
        p,
        'volume-mount/recursive-read-only-writable',
        `Forbidden: may only be specified when readOnly is true: set readOnly: true, or drop recursiveReadOnly ${show(v)}`,
      ),
    );
  const prop = get(m, 'mountPropagation');
  if (typeof prop === 'string' && prop !== 'None')
    out.push(
      issue(
        p,
        'volume-mount/recursive-read-only-propagation',
        `Forbidden: may only be specified when mountPropagation is None or not specified, got ${show(prop)}`,
      ),
    );
  return out;
}

// ValidateVolumeDevices (1.27): block devices come from persistentVolumeClaim or ephemeral volumes.
const volumeDevices: Rule = (c, path, ctx) => {
  if (ctx.podSpecPath === undefined || list(get(c, 'volumeDevices')).length === 0) return NO_ISSUES;
  const volumes = validateVolumeList(ctx).valid;
  const mounts = pathMap(list(get(c, 'volumeMounts')), 'mountPath');
  const names = new Set<string>();
  const paths = new Set<string>();
  const out: Issue[] = [];
  list(get(c, 'volumeDevices')).forEach((d, i) => {
    const p: FieldPath = [...path, 'volumeDevices', i];
    const name = goString(get(d, 'name'));
    const devPath = goString(get(d, 'devicePath'));
    if (name === undefined || devPath === undefined) return;
    const vol = volumes.get(name);
    if (name === '') out.push(issue([...p, 'name'], 'volume-device/name-required', 'Required value: name the volume'));
    if (names.has(name))
      out.push(issue([...p, 'name'], 'volume-device/name-duplicate', `Invalid value ${show(name)}: must be unique`));
    if (vol !== undefined && !isSet(get(vol, 'persistentVolumeClaim')) && !isSet(get(vol, 'ephemeral'))) {
      out.push(
        issue(
          [...p, 'name'],
          'volume-device/not-a-claim',
          `Invalid value ${show(name)}: can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode`,
        ),
      );
    }
    if (vol === undefined)
      out.push(
        issue(
          [...p, 'name'],
          'volume-device/volume-not-found',
          `Not found: ${show(name)}: no valid volume of that name in the pod's volumes`,
        ),
      );
    if (devPath === '')
      out.push(
        issue(
          [...p, 'devicePath'],
          'volume-device/device-path-required',
          'Required value: give the device path, e.g. "/dev/xvda"',
        ),
      );
    if (paths.has(devPath))
      out.push(
        issue(
          [...p, 'devicePath'],
          'volume-device/device-path-duplicate',
          `Invalid value ${show(devPath)}: must be unique`,
        ),
      );
    // validatePathNoBacksteps (1.27) on the Linux API server: backslashes are not separators.
    if (devPath !== '' && devPath.split('/').includes('..')) {
      out.push(
        issue(
          [...p, 'devicePath'],
          'volume-device/device-path-backsteps',
          `Invalid value ${show(devPath)}: can not contain backsteps ('..')`,
        ),
      );
    } else {
      paths.add(devPath);
    }
    if (mounts.has(name))
      out.push(
        issue(
          [...p, 'name'],
          'volume-device/name-in-mounts',
          `Invalid value ${show(name)}: must not already exist in volumeMounts`,
        ),
      );
    if ([...mounts.values()].includes(devPath)) {
      out.push(
        issue(
          [...p, 'devicePath'],
          'volume-device/path-in-mounts',
          `Invalid value ${show(devPath)}: must not already exist as a path in volumeMounts`,
        ),
      );
    }
    if (name !== '') names.add(name);
  });
  return out;
};

export const volumeMountsRules: RuleSet = {
  container: [volumeMounts, volumeDevices],
};

import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ValidateVolumeMounts and ValidateVolumeDevices (1.27) case by case, as TestValidateVolumeMounts
// and TestValidateVolumeDevices do, with what each issue says. Every verdict and path is the 1.27
// kube-apiserver's (k8s-oracle run 1.27); the messages are ours.

const C = 'spec.template.spec.containers[0]';
const VOLUMES = [
  { name: 'data', emptyDir: {} },
  { name: 'blk', persistentVolumeClaim: { claimName: 'c' } },
  {
    name: 'eph',
    ephemeral: {
      volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    },
  },
];

function said(mounts: any[], devices?: any[], privileged?: boolean, version = '1.27'): string[] {
  const m = daemonSet((_d, p, c) => {
    p.volumes = VOLUMES;
    c.volumeMounts = mounts;
    if (devices) c.volumeDevices = devices;
    if (privileged) c.securityContext = { privileged: true };
  });
  return validateForVersion(m, { kubernetesVersion: version }).errors.map(
    (i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`,
  );
}

describe('volume mounts', () => {
  it('requires the name and mount path, and a valid volume of that name', () => {
    expect(said([{ name: '', mountPath: '' }])).toEqual([
      `${C}.volumeMounts[0].mountPath volume-mount/mount-path-required Required value: give the path in the container, e.g. "/data"`,
      `${C}.volumeMounts[0].name volume-mount/name-required Required value: name the volume to mount`,
      `${C}.volumeMounts[0].name volume-mount/volume-not-found Not found: "": no valid volume of that name in the pod's volumes`,
    ]);
    expect(said([{ name: 'nope', mountPath: '/x' }])).toEqual([
      `${C}.volumeMounts[0].name volume-mount/volume-not-found Not found: "nope": no valid volume of that name in the pod's volumes`,
    ]);
  });

  it('rejects a mount path used twice, at the later mount', () => {
    expect(
      said([
        { name: 'data', mountPath: '/x' },
        { name: 'data', mountPath: '/x' },
      ]),
    ).toEqual([`${C}.volumeMounts[1].mountPath volume-mount/mount-path-duplicate Invalid value "/x": must be unique`]);
  });

  it('checks subPath and subPathExpr as local paths, at the list path, and keeps them apart', () => {
    expect(said([{ name: 'data', mountPath: '/x', subPath: '/abs/../y' }])).toEqual([
      `${C}.volumeMounts.subPath volume-mount/path-backsteps Invalid value "/abs/../y": must not contain '..'`,
      `${C}.volumeMounts.subPath volume-mount/path-not-relative Invalid value "/abs/../y": must be a relative path`,
    ]);
    expect(said([{ name: 'data', mountPath: '/x', subPath: 'a', subPathExpr: '../$(X)' }])).toEqual([
      `${C}.volumeMounts[0].subPathExpr volume-mount/sub-path-exclusive Invalid value "../$(X)": subPathExpr and subPath are mutually exclusive`,
      `${C}.volumeMounts.subPathExpr volume-mount/path-backsteps Invalid value "../$(X)": must not contain '..'`,
    ]);
    expect(said([{ name: 'data', mountPath: '/x', subPathExpr: '$(X)/a', subPath: '' }])).toEqual([]);
  });

  it('takes the three propagation modes, Bidirectional only when privileged', () => {
    expect(
      said([
        { name: 'data', mountPath: '/x', mountPropagation: 'HostToContainer' },
        { name: 'data', mountPath: '/y', mountPropagation: 'None' },
      ]),
    ).toEqual([]);
    expect(said([{ name: 'data', mountPath: '/x', mountPropagation: 'Shared' }])).toEqual([
      `${C}.volumeMounts.mountPropagation volume-mount/propagation-unsupported Unsupported value "Shared": supported values: "Bidirectional", "HostToContainer", "None"`,
    ]);
    const bidirectional = [{ name: 'data', mountPath: '/x', mountPropagation: 'Bidirectional' }];
    expect(said(bidirectional)).toEqual([
      `${C}.volumeMounts.mountPropagation volume-mount/bidirectional-unprivileged Forbidden: Bidirectional mount propagation is available only to privileged containers; set securityContext.privileged: true or use HostToContainer`,
    ]);
    expect(said(bidirectional, undefined, true)).toEqual([]);
  });
});

describe('volume devices', () => {
  it('takes block devices of claims and ephemeral volumes', () => {
    expect(
      said(
        [],
        [
          { name: 'blk', devicePath: '/dev/xvda' },
          { name: 'eph', devicePath: '/dev/xvdb' },
        ],
      ),
    ).toEqual([]);
  });

  it('rejects a device of another volume type or of no valid volume', () => {
    expect(said([], [{ name: 'data', devicePath: '/dev/a' }])).toEqual([
      `${C}.volumeDevices[0].name volume-device/not-a-claim Invalid value "data": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode`,
    ]);
    expect(said([], [{ name: 'nope', devicePath: '/dev/a' }])).toEqual([
      `${C}.volumeDevices[0].name volume-device/volume-not-found Not found: "nope": no valid volume of that name in the pod's volumes`,
    ]);
  });

  it('requires name and path, each unique, empty ones included for the path', () => {
    const D = `${C}.volumeDevices`;
    expect(
      said(
        [],
        [
          { name: '', devicePath: '' },
          { name: '', devicePath: '' },
        ],
      ),
    ).toEqual([
      `${D}[0].devicePath volume-device/device-path-required Required value: give the device path, e.g. "/dev/xvda"`,
      `${D}[0].name volume-device/name-required Required value: name the volume`,
      `${D}[0].name volume-device/volume-not-found Not found: "": no valid volume of that name in the pod's volumes`,
      `${D}[1].devicePath volume-device/device-path-duplicate Invalid value "": must be unique`,
      `${D}[1].devicePath volume-device/device-path-required Required value: give the device path, e.g. "/dev/xvda"`,
      `${D}[1].name volume-device/name-required Required value: name the volume`,
      `${D}[1].name volume-device/volume-not-found Not found: "": no valid volume of that name in the pod's volumes`,
    ]);
    expect(
      said(
        [],
        [
          { name: 'blk', devicePath: '/dev/a' },
          { name: 'blk', devicePath: '/dev/a' },
        ],
      ),
    ).toEqual([
      `${D}[1].devicePath volume-device/device-path-duplicate Invalid value "/dev/a": must be unique`,
      `${D}[1].name volume-device/name-duplicate Invalid value "blk": must be unique`,
    ]);
  });

  it('rejects backsteps in a device path, and does not count such a path as seen', () => {
    expect(
      said(
        [],
        [
          { name: 'blk', devicePath: '/dev/../a' },
          { name: 'eph', devicePath: '/dev/../a' },
        ],
      ),
    ).toEqual([
      `${C}.volumeDevices[0].devicePath volume-device/device-path-backsteps Invalid value "/dev/../a": can not contain backsteps ('..')`,
      `${C}.volumeDevices[1].devicePath volume-device/device-path-backsteps Invalid value "/dev/../a": can not contain backsteps ('..')`,
    ]);
  });

  it('treats a backslash in subPath and devicePath as an ordinary character (Linux API server)', () => {
    expect(said([{ name: 'data', mountPath: '/x', subPath: 'a\\..\\b' }])).toEqual([]);
    expect(said([], [{ name: 'blk', devicePath: '\\dev\\..\\x' }])).toEqual([]);
  });

  it('keeps mounts and devices apart, by name and by path, from both sides', () => {
    expect(said([{ name: 'blk', mountPath: '/dev/xvda' }], [{ name: 'blk', devicePath: '/dev/xvda' }])).toEqual([
      `${C}.volumeDevices[0].devicePath volume-device/path-in-mounts Invalid value "/dev/xvda": must not already exist as a path in volumeMounts`,
      `${C}.volumeDevices[0].name volume-device/name-in-mounts Invalid value "blk": must not already exist in volumeMounts`,
      `${C}.volumeMounts[0].mountPath volume-mount/path-in-devices Invalid value "/dev/xvda": must not already exist as a path in volumeDevices`,
      `${C}.volumeMounts[0].name volume-mount/name-in-devices Invalid value "blk": must not already exist in volumeDevices`,
    ]);
  });
});

describe('recursiveReadOnly (validateMountRecursiveReadOnly, kept from 1.31 by RecursiveReadOnlyMounts)', () => {
  const R = `${C}.volumeMounts.recursiveReadOnly`;
  const rro = (mount: object, version = '1.31') =>
    said([{ name: 'data', mountPath: '/x', ...mount }], undefined, false, version);
  const WRITABLE = `${R} volume-mount/recursive-read-only-writable Forbidden: may only be specified when readOnly is true: set readOnly: true, or drop recursiveReadOnly "Enabled"`;

  it('is dropped with its gate in 1.30', () => {
    expect(rro({ recursiveReadOnly: 'Bad' }, '1.30')).toEqual([]);
    expect(rro({ recursiveReadOnly: 'Enabled' }, '1.30')).toEqual([]);
  });

  it.each([
    { recursiveReadOnly: 'IfPossible', readOnly: true },
    { recursiveReadOnly: 'Enabled', readOnly: true, mountPropagation: 'None' },
    { recursiveReadOnly: 'Disabled', mountPropagation: 'HostToContainer' },
  ])('accepts %j', (mount) => {
    expect(rro(mount)).toEqual([]);
  });

  it('takes three values', () => {
    expect(rro({ recursiveReadOnly: 'Bad', readOnly: true })).toEqual([
      `${R} volume-mount/recursive-read-only-unsupported Unsupported value "Bad": supported values: "Disabled", "Enabled", "IfPossible"`,
    ]);
  });

  it('needs a read-only mount without propagation', () => {
    expect(rro({ recursiveReadOnly: 'Enabled' })).toEqual([WRITABLE]);
    const PROPAGATION = `${R} volume-mount/recursive-read-only-propagation Forbidden: may only be specified when mountPropagation is None or not specified, got "HostToContainer"`;
    expect(rro({ recursiveReadOnly: 'Enabled', readOnly: true, mountPropagation: 'HostToContainer' })).toEqual([
      PROPAGATION,
    ]);
    expect(rro({ recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' })).toEqual([PROPAGATION, WRITABLE]);
  });
});

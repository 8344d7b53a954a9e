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

function said(mounts: any[], devices?: any[], privileged?: boolean): string[] {
  const m = daemonSet((_d, p, c) => {
    p.volumes = VOLUMES;
    c.volumeMounts = mounts;
    if (devices) c.volumeDevices = devices;
    if (privileged) c.securityContext = { privileged: true };
  });
  return validateForVersion(m, { kubernetesVersion: '1.27' }).errors.map(
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

  it('keeps mounts and devices apart, by name and by path, from both sides', () => {
    expect(said([{ name: 'blk', mountPath: '/dev/xvda' }], [{ name: 'blk', devicePath: '/dev/xvda' }])).toEqual([
      `${C}.volumeDevices[0].devicePath volume-device/path-in-mounts Invalid value "/dev/xvda": must not already exist as a path in volumeMounts`,
      `${C}.volumeDevices[0].name volume-device/name-in-mounts Invalid value "blk": must not already exist in volumeMounts`,
      `${C}.volumeMounts[0].mountPath volume-mount/path-in-devices Invalid value "/dev/xvda": must not already exist as a path in volumeDevices`,
      `${C}.volumeMounts[0].name volume-mount/name-in-devices Invalid value "blk": must not already exist in volumeDevices`,
    ]);
  });
});

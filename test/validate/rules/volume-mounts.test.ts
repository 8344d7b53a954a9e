import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';
import { issuesAt } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';
import { volumeMountsRules } from '../../../src/validate/rules/volume-mounts';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => /^volume-(mount|device)\//.test(l.split(' ')[1] ?? ''));
}

const M = 'spec.template.spec.containers[0].volumeMounts';
const withMounts = (mounts: any[], edit?: (pod: any, c: any) => void) =>
  daemonSet((_d, p, c) => {
    p.volumes = [
      { name: 'logs', hostPath: { path: '/var/log' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'c' } },
    ];
    c.volumeMounts = mounts;
    edit?.(p, c);
  });

describe('volumeMounts', () => {
  it('accepts a mount of a declared volume', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/var/log', readOnly: true }]))).toEqual([]);
  });

  it('rejects a mount of an undeclared volume', () => {
    expect(of(withMounts([{ name: 'nope', mountPath: '/x' }]))).toEqual([`${M}[0].name volume-mount/volume-not-found`]);
  });

  it('rejects a mount of a volume that is itself invalid', () => {
    expect(
      of(
        withMounts([{ name: 'bad', mountPath: '/x' }], (p) => {
          p.volumes.push({ name: 'bad', hostPath: { path: '' } });
        }),
      ),
    ).toEqual([`${M}[0].name volume-mount/volume-not-found`]);
  });

  it('requires mountPath', () => {
    expect(of(withMounts([{ name: 'logs' }]))).toEqual([`${M}[0].mountPath volume-mount/mount-path-required`]);
  });

  it('rejects two mounts at one path', () => {
    expect(
      of(
        withMounts([
          { name: 'logs', mountPath: '/x' },
          { name: 'data', mountPath: '/x' },
        ]),
      ),
    ).toEqual([`${M}[1].mountPath volume-mount/mount-path-duplicate`]);
  });

  it('accepts a relative subPath', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/x', subPath: 'pods/a' }]))).toEqual([]);
  });

  it('rejects an absolute subPath, at volumeMounts.subPath as Go prints it', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/x', subPath: '/abs' }]))).toEqual([
      `${M}.subPath volume-mount/path-not-relative`,
    ]);
  });

  it('rejects a subPathExpr with "..", at volumeMounts.subPathExpr', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/x', subPathExpr: 'a/../b' }]))).toEqual([
      `${M}.subPathExpr volume-mount/path-backsteps`,
    ]);
  });

  it('rejects subPath and subPathExpr together', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/x', subPath: 'a', subPathExpr: '$(POD)' }]))).toEqual([
      `${M}[0].subPathExpr volume-mount/sub-path-exclusive`,
    ]);
  });

  it('rejects an unknown mountPropagation', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/x', mountPropagation: 'Shared' }]))).toEqual([
      `${M}.mountPropagation volume-mount/propagation-unsupported`,
    ]);
  });

  it('forbids Bidirectional propagation in an unprivileged container', () => {
    expect(of(withMounts([{ name: 'logs', mountPath: '/x', mountPropagation: 'Bidirectional' }]))).toEqual([
      `${M}.mountPropagation volume-mount/bidirectional-unprivileged`,
    ]);
  });

  it('accepts Bidirectional propagation in a privileged container', () => {
    expect(
      of(
        withMounts([{ name: 'logs', mountPath: '/x', mountPropagation: 'Bidirectional' }], (_p, c) => {
          c.securityContext = { privileged: true };
        }),
      ),
    ).toEqual([]);
  });
});

describe('volumeDevices', () => {
  const D = 'spec.template.spec.containers[0].volumeDevices';

  it('accepts a block device from a claim', () => {
    expect(
      of(
        withMounts([], (_p, c) => {
          c.volumeDevices = [{ name: 'data', devicePath: '/dev/xvda' }];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a block device from a hostPath volume', () => {
    expect(
      of(
        withMounts([], (_p, c) => {
          c.volumeDevices = [{ name: 'logs', devicePath: '/dev/xvda' }];
        }),
      ),
    ).toEqual([`${D}[0].name volume-device/not-a-claim`]);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('recursiveReadOnly (validateMountRecursiveReadOnly, 1.31+)', () => {
  const withMount = (mount: any) =>
    daemonSet((_d, pod, c) => {
      pod.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
      c.volumeMounts = [{ name: 'logs', mountPath: '/var/log', ...mount }];
      c.securityContext = { privileged: true };
    });
  const R = 'spec.template.spec.containers[0].volumeMounts.recursiveReadOnly';

  it('accepts Enabled and IfPossible on a read-only mount, and Disabled on any', () => {
    expect(issuesAt('1.31', withMount({ readOnly: true, recursiveReadOnly: 'Enabled' }))).toEqual([]);
    expect(
      issuesAt('1.34', withMount({ readOnly: true, recursiveReadOnly: 'IfPossible', mountPropagation: 'None' })),
    ).toEqual([]);
    expect(issuesAt('1.31', withMount({ recursiveReadOnly: 'Disabled' }))).toEqual([]);
  });

  it('drops the field in 1.30 and rejects a writable mount from 1.31', () => {
    const ds = withMount({ recursiveReadOnly: 'Enabled' });
    expect(issuesAt('1.30', ds)).toEqual([]);
    expect(issuesAt('1.31', ds)).toEqual([`${R} volume-mount/recursive-read-only-writable`]);
  });

  it('rejects propagation other than None, and an unknown value', () => {
    expect(
      issuesAt(
        '1.31',
        withMount({ readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' }),
      ),
    ).toEqual([`${R} volume-mount/recursive-read-only-propagation`]);
    expect(issuesAt('1.33', withMount({ readOnly: true, recursiveReadOnly: 'Always' }))).toEqual([
      `${R} volume-mount/recursive-read-only-unsupported`,
    ]);
  });
});

// Mounts and devices whose name or path is of the wrong type: the strict decoder rejects them
// before validation (rules/types.ts), so the mount rules, run alone, neither report them nor let
// them stand for a name or path of another mount or device.
const DECODER = 'the strict decoder rejects a value of the wrong type before validation';

ruleCases(
  'volume mounts and devices of the wrong type are left to the decoder',
  [
    {
      name: 'a mount whose volume name is no string',
      manifest: withMounts([{ name: 5, mountPath: '/x' }]),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'two mounts whose paths are no strings',
      manifest: withMounts([
        { name: 'logs', mountPath: 5 },
        { name: 'data', mountPath: 5 },
      ]),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a subPathExpr that is no string',
      manifest: withMounts([{ name: 'logs', mountPath: '/x', subPathExpr: 5 }]),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a subPath that is no string beside a subPathExpr',
      manifest: withMounts([{ name: 'logs', mountPath: '/x', subPath: 5, subPathExpr: 'y' }]),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a device whose name is no string, on the path of a mount',
      manifest: withMounts([{ name: 'logs', mountPath: '/dev/x' }], (_p, c) => {
        c.volumeDevices = [{ name: 5, devicePath: '/dev/x' }];
      }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a device whose path is no string, for a mounted volume',
      manifest: withMounts([{ name: 'data', mountPath: '/x' }], (_p, c) => {
        c.volumeDevices = [{ name: 'data', devicePath: 5 }];
      }),
      want: [],
      notServer: DECODER,
    },
  ],
  pipelineIssues({ rules: [volumeMountsRules] }),
);

ruleCases(
  'recursiveReadOnly, case by case (1.31)',
  [
    {
      name: 'an empty mode is no supported value, even on a read-only mount',
      manifest: withMounts([{ name: 'logs', mountPath: '/x', readOnly: true, recursiveReadOnly: '' }]),
      want: [`${M}.recursiveReadOnly volume-mount/recursive-read-only-unsupported`],
      version: '1.31',
    },
  ],
  pipelineIssues({ rules: [volumeMountsRules] }),
);

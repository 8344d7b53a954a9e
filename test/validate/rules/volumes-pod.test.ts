import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { volumesRules } from '../../../src/validate/rules/volumes';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ValidateVolumes and validateVolumeSource (pkg/apis/core/validation, 1.27) with pod metadata: the
// PVC of an ephemeral volume is named <pod>-<volume> and must be a valid PersistentVolume name, and
// a persistentVolumeClaim volume may not name such a claim. A template has no pod name, so neither
// applies to a DaemonSet (the oracle runs DaemonSets only: these cases follow the Go source).

const EPH = {
  volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
};

function pod(name: string, volumes: any[]): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'busybox' }], volumes },
  };
}
const said = (m: unknown) =>
  validateManifest(m, [volumesRules]).map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);

describe('claims generated for ephemeral volumes of a Pod', () => {
  it('checks the generated PVC name', () => {
    const long = 'p'.repeat(250);
    // show() shortens the long name in the message.
    expect(said(pod(long, [{ name: 'vol', ephemeral: EPH }]))).toEqual([
      expect.stringMatching(
        /^spec\.volumes\[0\]\.name volume\/ephemeral-claim-name-invalid Invalid value "vol": PVC name "p+\.\.\.: must be no more than 253 characters$/,
      ),
    ]);
    expect(said(pod('p'.repeat(249), [{ name: 'vol', ephemeral: EPH }]))).toEqual([]);
  });

  it('checks it as a full name: a trailing dash is not allowed', () => {
    expect(said(pod('web', [{ name: 'x-', ephemeral: EPH }])).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'spec.volumes[0].name volume/ephemeral-claim-name-invalid',
      'spec.volumes[0].name volume/name-invalid',
    ]);
  });

  it('skips it for a volume without a name, which is required', () => {
    expect(said(pod('web', [{ name: '', ephemeral: EPH }]))).toEqual([
      'spec.volumes[0].name volume/name-required Required value: a volume needs a name',
    ]);
  });

  it('checks it only for a volume whose one source is ephemeral', () => {
    const long = 'p'.repeat(250);
    expect(said(pod(long, [{ name: 'vol', emptyDir: {}, ephemeral: EPH }])).map((l) => l.split(' ')[1])).toEqual([
      'volume/source-multiple',
    ]);
    expect(said(pod(long, [{ name: 'vol', emptyDir: {} }]))).toEqual([]);
  });

  it('forbids a persistentVolumeClaim volume naming a generated claim', () => {
    expect(
      said(
        pod('web', [
          { name: 'cache', ephemeral: EPH },
          { name: 'data', persistentVolumeClaim: { claimName: 'web-cache' } },
          { name: 'other', persistentVolumeClaim: { claimName: 'web-data' } },
        ]),
      ),
    ).toEqual([
      'spec.volumes[1].persistentVolumeClaim.claimName volume/claim-of-ephemeral-volume Invalid value "web-cache": must not reference a PVC that gets created for an ephemeral volume',
    ]);
  });

  it('does not apply to a pod template, which has no name', () => {
    const ds = daemonSet((_d, p) => {
      p.volumes = [
        { name: 'cache', ephemeral: EPH },
        { name: 'data', persistentVolumeClaim: { claimName: 'agent-cache' } },
      ];
    });
    expect(said(ds)).toEqual([]);
  });

  it('does not apply to a Pod without a name', () => {
    expect(
      said(
        pod('', [
          { name: 'cache', ephemeral: EPH },
          { name: 'data', persistentVolumeClaim: { claimName: '-cache' } },
        ]),
      ),
    ).toEqual([]);
  });

  // The strict decoder rejects a name of the wrong type before validation; these rules, run alone,
  // derive no claim name from it.
  it('derives no claim from a volume name that is no string', () => {
    expect(said(pod('p'.repeat(245), [{ name: 5, ephemeral: EPH }]))).toEqual([]);
  });

  it('derives no claim from a Pod name that is no string', () => {
    expect(
      said(
        pod(5 as any, [
          { name: 'cache', ephemeral: EPH },
          { name: 'data', persistentVolumeClaim: { claimName: 'undefined-cache' } },
        ]),
      ),
    ).toEqual([]);
  });

  it("reads a generated claim's volume name that is no string as Go's empty name", () => {
    expect(
      said(
        pod('web', [
          { name: 5, ephemeral: EPH },
          { name: 'data', persistentVolumeClaim: { claimName: 'web-' } },
        ]),
      ),
    ).toEqual([
      'spec.volumes[1].persistentVolumeClaim.claimName volume/claim-of-ephemeral-volume Invalid value "web-": must not reference a PVC that gets created for an ephemeral volume',
    ]);
  });
});

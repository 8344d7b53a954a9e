import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOracle, runOracle } from '../../support/oracle';
import { daemonSet, issuesOf } from '../../support/manifest';
import { volumesRules } from '../../../src/validate/rules/volumes';
import { profileOf } from '../../../src/validate/versions';
import { issuesAt } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('volume/'));
}

const V = 'spec.template.spec.volumes';
const withVolumes = (...volumes: any[]) =>
  daemonSet((_d, p) => {
    p.volumes = volumes;
  });

describe('volumes', () => {
  it('accepts the common sources', () => {
    expect(
      of(
        withVolumes(
          { name: 'a', emptyDir: {} },
          { name: 'b', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
          { name: 'c', hostPath: { path: '/var/log', type: 'DirectoryOrCreate' } },
          { name: 'd', nfs: { server: 'nfs.local', path: '/exports' } },
          {
            name: 'e',
            configMap: { name: 'cfg', defaultMode: 0o644, items: [{ key: 'k', path: 'dir/k', mode: 0o400 }] },
          },
          { name: 'f', secret: { secretName: 's' } },
          { name: 'g', persistentVolumeClaim: { claimName: 'c' } },
          { name: 'h', csi: { driver: 'csi.example.com' } },
          { name: 'i', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          {
            name: 'j',
            projected: {
              sources: [
                { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } },
                { configMap: { name: 'x' } },
              ],
            },
          },
        ),
      ),
    ).toEqual([]);
  });

  it('requires a name', () => {
    expect(of(withVolumes({ emptyDir: {} }))).toEqual([`${V}[0].name volume/name-required`]);
  });

  it('rejects a name that is not an RFC 1123 label', () => {
    expect(of(withVolumes({ name: 'My_Vol', emptyDir: {} }))).toEqual([`${V}[0].name volume/name-invalid`]);
  });

  it('rejects a duplicate name at the later volume', () => {
    expect(of(withVolumes({ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }))).toEqual([
      `${V}[1].name volume/name-duplicate`,
    ]);
  });

  it('requires a volume type', () => {
    expect(of(withVolumes({ name: 'a' }))).toEqual([`${V}[0] volume/source-required`]);
  });

  it('treats a null source as absent', () => {
    expect(of(withVolumes({ name: 'a', emptyDir: null }))).toEqual([`${V}[0] volume/source-required`]);
  });

  it('forbids a second volume type at its own path', () => {
    expect(of(withVolumes({ name: 'a', emptyDir: {}, hostPath: { path: '/x' } }))).toEqual([
      `${V}[0].hostPath volume/source-multiple`,
    ]);
  });

  it('uses Go\'s own path for a second downwardAPI source ("downwarAPI")', () => {
    expect(of(withVolumes({ name: 'a', secret: { secretName: 's' }, downwardAPI: {} }))).toEqual([
      `${V}[0].downwarAPI volume/source-multiple`,
    ]);
  });

  it('requires a hostPath path', () => {
    expect(of(withVolumes({ name: 'a', hostPath: { path: '' } }))).toEqual([
      `${V}[0].hostPath.path volume/field-required`,
    ]);
  });

  it('rejects ".." in a hostPath path', () => {
    expect(of(withVolumes({ name: 'a', hostPath: { path: '/var/../etc' } }))).toEqual([
      `${V}[0].hostPath.path volume/path-backsteps`,
    ]);
  });

  it('rejects an unknown hostPath type', () => {
    expect(of(withVolumes({ name: 'a', hostPath: { path: '/x', type: 'Dir' } }))).toEqual([
      `${V}[0].hostPath.type volume/host-path-type-unsupported`,
    ]);
  });

  it('rejects a negative emptyDir sizeLimit', () => {
    expect(of(withVolumes({ name: 'a', emptyDir: { sizeLimit: '-1Gi' } }))).toEqual([
      `${V}[0].emptyDir.sizeLimit volume/size-limit-negative`,
    ]);
  });

  it('rejects a relative NFS path', () => {
    expect(of(withVolumes({ name: 'a', nfs: { server: 's', path: 'exports' } }))).toEqual([
      `${V}[0].nfs.path volume/nfs-path-not-absolute`,
    ]);
  });

  it('reports an empty NFS path as required and not absolute, as Go does', () => {
    expect(of(withVolumes({ name: 'a', nfs: { server: 's' } }))).toEqual([
      `${V}[0].nfs.path volume/field-required`,
      `${V}[0].nfs.path volume/nfs-path-not-absolute`,
    ]);
  });

  it('requires the NFS server', () => {
    expect(of(withVolumes({ name: 'a', nfs: { path: '/x' } }))).toEqual([`${V}[0].nfs.server volume/field-required`]);
  });

  it('requires a configMap name', () => {
    expect(of(withVolumes({ name: 'a', configMap: {} }))).toEqual([`${V}[0].configMap.name volume/field-required`]);
  });

  it('rejects a defaultMode above 0777', () => {
    expect(of(withVolumes({ name: 'a', secret: { secretName: 's', defaultMode: 0o1000 } }))).toEqual([
      `${V}[0].secret.defaultMode volume/file-mode-invalid`,
    ]);
  });

  it('rejects an item path starting with ".."', () => {
    expect(of(withVolumes({ name: 'a', secret: { secretName: 's', items: [{ key: 'k', path: '..data' }] } }))).toEqual([
      `${V}[0].secret.items[0].path volume/path-reserved`,
    ]);
  });

  it('rejects an absolute item path', () => {
    expect(of(withVolumes({ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '/etc/k' }] } }))).toEqual([
      `${V}[0].configMap.items[0].path volume/path-not-relative`,
    ]);
  });

  it('requires the claimName of a persistentVolumeClaim', () => {
    expect(of(withVolumes({ name: 'a', persistentVolumeClaim: {} }))).toEqual([
      `${V}[0].persistentVolumeClaim.claimName volume/field-required`,
    ]);
  });

  it('requires the CSI driver', () => {
    expect(of(withVolumes({ name: 'a', csi: {} }))).toEqual([
      `${V}[0].csi.driver volume/csi-driver-invalid`,
      `${V}[0].csi.driver volume/field-required`,
    ]);
  });

  it('rejects two sources in one projection', () => {
    expect(
      of(withVolumes({ name: 'a', projected: { sources: [{ configMap: { name: 'x' }, secret: { name: 'y' } }] } })),
    ).toEqual([`${V}[0].projected.sources[0] volume/projection-multiple`]);
  });

  it('rejects a token projection shorter than 10 minutes', () => {
    expect(
      of(
        withVolumes({
          name: 'a',
          projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 60 } }] },
        }),
      ),
    ).toEqual([`${V}[0].projected.sources[0].serviceAccountToken.expirationSeconds volume/token-expiration-invalid`]);
  });

  it('rejects an unsupported downwardAPI volume field, at the volume path without the item index', () => {
    expect(
      of(withVolumes({ name: 'a', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'spec.nodeName' } }] } })),
    ).toEqual([`${V}[0].downwardAPI.fieldRef.fieldPath volume/field-path-unsupported`]);
  });

  it('requires containerName for a downwardAPI resourceFieldRef', () => {
    expect(
      of(
        withVolumes({
          name: 'a',
          downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] },
        }),
      ),
    ).toEqual([`${V}[0].downwardAPI.resourceFieldRef.containerName volume/resource-container-required`]);
  });

  it('requires the claim template of an ephemeral volume', () => {
    expect(of(withVolumes({ name: 'a', ephemeral: {} }))).toEqual([
      `${V}[0].ephemeral.volumeClaimTemplate volume/field-required`,
    ]);
  });

  it('accepts a complete ephemeral volume', () => {
    expect(
      of(
        withVolumes({
          name: 'a',
          ephemeral: {
            volumeClaimTemplate: {
              spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
            },
          },
        }),
      ),
    ).toEqual([]);
  });

  it('validates gcePersistentDisk under Go\'s "persistentDisk" path', () => {
    expect(of(withVolumes({ name: 'a', gcePersistentDisk: {} }))).toEqual([
      `${V}[0].persistentDisk.pdName volume/field-required`,
    ]);
  });

  it('requires the monitors of a cephfs volume', () => {
    expect(of(withVolumes({ name: 'a', cephfs: {} }))).toEqual([`${V}[0].cephfs.monitors volume/field-required`]);
  });
  it('accepts the iSCSI names of TestValidateVolumes (iqn, eui and naa)', () => {
    const iscsi = (iqn: string, initiatorName?: string) =>
      withVolumes({ name: 'a', iscsi: { targetPortal: '127.0.0.1', iqn, lun: 1, initiatorName } });
    expect(of(iscsi('iqn.2015-02.example.com:test', 'iqn.2015-02.example.com:init'))).toEqual([]);
    expect(of(iscsi('eui.0123456789ABCDEF'))).toEqual([]);
    expect(of(iscsi('naa.62004567BA64678D0123456789ABCDEF'))).toEqual([]);
  });

  it('rejects a malformed iSCSI iqn and initiator name, the latter under Go\'s "initiatorname"', () => {
    expect(
      of(
        withVolumes({
          name: 'a',
          iscsi: { targetPortal: '127.0.0.1', iqn: 'eui.0123456789ABCDEFGHIJ', lun: 1, initiatorName: '' },
        }),
      ),
    ).toEqual([
      `${V}[0].iscsi.initiatorname volume/iscsi-initiator-invalid`,
      `${V}[0].iscsi.iqn volume/iscsi-iqn-invalid`,
    ]);
  });

  it('accepts a Quobyte volume with several registries and a 64-character tenant', () => {
    expect(
      of(withVolumes({ name: 'a', quobyte: { registry: 'r1:7861,[::1]:7861', volume: 'v', tenant: 't'.repeat(64) } })),
    ).toEqual([]);
  });

  it('rejects each Quobyte registry entry that is not host:port', () => {
    expect(of(withVolumes({ name: 'a', quobyte: { registry: 'r1:7861,r2,r3', volume: 'v' } }))).toEqual([
      `${V}[0].quobyte.registry volume/quobyte-registry-invalid`,
      `${V}[0].quobyte.registry volume/quobyte-registry-invalid`,
    ]);
  });

  it('rejects a Quobyte tenant of 65 characters, and then leaves the registry unchecked', () => {
    expect(of(withVolumes({ name: 'a', quobyte: { registry: 'r1', volume: 'v', tenant: 't'.repeat(65) } }))).toEqual([
      `${V}[0].quobyte.tenant volume/quobyte-tenant-too-long`,
    ]);
  });

  it('rejects a Quobyte volume without registry or volume', () => {
    expect(of(withVolumes({ name: 'a', quobyte: { tenant: 't'.repeat(65) } }))).toEqual([
      `${V}[0].quobyte.registry volume/field-required`,
      `${V}[0].quobyte.volume volume/field-required`,
    ]);
  });

  it("forbids claim-template metadata other than labels and annotations, under Go's field names", () => {
    const eph = (metadata: unknown) =>
      withVolumes({
        name: 'a',
        ephemeral: {
          volumeClaimTemplate: {
            metadata,
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        },
      });
    expect(of(eph({ labels: { a: 'b' }, annotations: { c: 'd' }, generation: 0, namespace: '' }))).toEqual([]);
    const M = `${V}[0].ephemeral.volumeClaimTemplate.metadata`;
    expect(of(eph({ name: 'x', uid: 'u', finalizers: [], deletionGracePeriodSeconds: 0, generation: 2 }))).toEqual([
      `${M}.deletionGracePeriodSeconds volume/claim-template-metadata-forbidden`,
      `${M}.finalizers volume/claim-template-metadata-forbidden`,
      `${M}.generation volume/claim-template-metadata-forbidden`,
      `${M}.name volume/claim-template-metadata-forbidden`,
      `${M}.uID volume/claim-template-metadata-forbidden`,
    ]);
  });
});

describe('volume rules keep no state between calls', () => {
  it('sees a pod spec changed between two calls with the same context objects', () => {
    const podSpec: any = { containers: [{ name: 'a', image: 'busybox' }], volumes: [{ name: 'x', emptyDir: {} }] };
    const ctx = { manifest: { kind: 'DaemonSet' }, podSpec, podSpecPath: ['spec'], profile: profileOf('1.27') };
    const [rule] = volumesRules.volume ?? [];
    expect(rule(podSpec.volumes[0], ['spec', 'volumes', 0], ctx)).toEqual([]);
    podSpec.volumes[0] = { name: 'x' };
    expect(rule(podSpec.volumes[0], ['spec', 'volumes', 0], ctx).map((i) => i.code)).toEqual([
      'volume/source-required',
    ]);
  });

  it('gives the same issues when the same manifest is validated twice', () => {
    const ds = withVolumes({ name: 'x', emptyDir: {} }, { name: 'x', emptyDir: {} });
    ds.spec.template.spec.containers[0].volumeMounts = [{ name: 'x', mountPath: '/x' }];
    expect(of(ds)).toEqual([`${V}[1].name volume/name-duplicate`]);
    expect(of(ds)).toEqual([`${V}[1].name volume/name-duplicate`]);
  });
});

describe('generic ephemeral volumeAttributesClassName (1.34, VolumeAttributesClass GA)', () => {
  const withClass = (volumeAttributesClassName: string) =>
    daemonSet((_d, pod) => {
      pod.volumes = [
        {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: '1Gi' } },
                volumeAttributesClassName,
              },
            },
          },
        },
      ];
    });
  const P = 'spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeAttributesClassName';

  it('accepts any name while the gate is off (1.29-1.33) and checks it from 1.34', () => {
    expect(issuesAt('1.33', withClass('Not_Valid'))).toEqual([]);
    expect(issuesAt('1.34', withClass('Not_Valid'))).toEqual([`${P} volume/attributes-class-invalid`]);
  });

  it('accepts a valid or empty name in 1.34', () => {
    expect(issuesAt('1.34', withClass('fast-io'))).toEqual([]);
    expect(issuesAt('1.34', withClass(''))).toEqual([]);
  });
});

describe('a null volume on the create path', () => {
  // sigs.k8s.io/json decodes `null` in a list of structs as the element's zero value (a Volume with
  // no name and no source); SetDefaults_Volume makes it an emptyDir, so the server reports only the
  // missing name (k8s-oracle 1.27 and 1.34: `volumes[0].name {FieldValueRequired}` alone).
  it.each(['1.27', '1.34'])('is the zero Volume, defaulted to an emptyDir: only its name is missing (%s)', (v) => {
    expect(issuesAt(v, withVolumes(null))).toEqual([`${V}[0].name volume/name-required`]);
    expect(issuesAt(v, withVolumes({ name: 'a', emptyDir: {} }, null))).toEqual([`${V}[1].name volume/name-required`]);
  });

  const oracle = findOracle();
  if (!oracle) console.warn('NOTICE: null volume: the oracle is absent (set K8S_SHARED), the server is not asked');
  it.skipIf(!oracle).each(['1.27', '1.34'])('gives the paths the API server gives (%s)', (v) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'null-volume-'));
    try {
      const file = path.join(tmp, 'ds.json');
      fs.writeFileSync(file, JSON.stringify(withVolumes(null)));
      const [server] = runOracle(oracle!, v, [file]);
      const ours = issuesAt(v, withVolumes(null)).map((l) => l.split(' ')[0]);
      expect(server.verdict).toBe('INVALID');
      expect([...new Set(server.causes.map((c) => c.path))]).toEqual(ours);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateManifest } from '../../../src/validate/engine';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// validateVolumeSource (1.27) case by case, through the create path (defaulting included, as
// SetDefaults_AzureDiskVolumeSource matters below). Every verdict and path here is the 1.27
// kube-apiserver's (k8s-oracle run 1.27); codes and messages are ours.

const V = 'spec.template.spec.volumes[0]';

function errorsOf(volume: any, version = '1.27') {
  return validateForVersion(
    daemonSet((_d, p) => {
      p.volumes = [{ name: 'a', ...volume }];
    }),
    { kubernetesVersion: version },
  ).errors;
}
const of = (volume: any) => errorsOf(volume).map((i) => `${toFieldPath(i.path)} ${i.code}`);
const messages = (volume: any) => errorsOf(volume).map((i) => `${toFieldPath(i.path)} ${i.message}`);

/** Every source but emptyDir, in validateVolumeSource's order, with the child name Go reports it under. */
const SECOND_SOURCES: [string, string][] = [
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
];

describe('more than one volume type', () => {
  it.each(SECOND_SOURCES)('forbids %s beside emptyDir, under Go\'s child name "%s"', (source, goName) => {
    // The readOnly keeps ValidateReadOnlyPersistentDisks quiet; only the first source is validated.
    const volume = { emptyDir: {}, [source]: source === 'gcePersistentDisk' ? { readOnly: true } : {} };
    expect(of(volume)).toEqual([`${V}.${goName} volume/source-multiple`]);
  });

  it('says which types are set and what to do', () => {
    expect(messages({ emptyDir: {}, hostPath: { path: '/x' } })).toEqual([
      `${V}.hostPath Forbidden: may not specify more than 1 volume type (got emptyDir, hostPath); keep one`,
    ]);
  });

  it("counts in validateVolumeSource's order, not the manifest's: the first in that order is validated", () => {
    expect(of({ csi: {}, hostPath: { path: '' }, emptyDir: { sizeLimit: '-1' } })).toEqual([
      `${V}.csi volume/source-multiple`,
      `${V}.emptyDir.sizeLimit volume/size-limit-negative`,
      `${V}.hostPath volume/source-multiple`,
    ]);
    expect(messages({ csi: {}, hostPath: { path: '/x' }, emptyDir: {} })[0]).toBe(
      `${V}.csi Forbidden: may not specify more than 1 volume type (got emptyDir, hostPath, csi); keep one`,
    );
  });

  it('requires one where defaulting has not made it an emptyDir (SetDefaults_Volume)', () => {
    const m = daemonSet((_d, p) => {
      p.volumes = [{ name: 'a' }];
    });
    expect(validateManifest(m).map((i) => `${toFieldPath(i.path)} ${i.message}`)).toEqual([
      `${V} Required value: must specify a volume type, e.g. emptyDir: {}, hostPath, configMap, secret or persistentVolumeClaim`,
    ]);
    expect(of({})).toEqual([]);
  });
});

describe('required fields of each source', () => {
  it.each([
    ['hostPath', [`${V}.hostPath.path Required value: give the path on the node`]],
    ['gitRepo', [`${V}.gitRepo.repository Required value: give the repository URL`]],
    ['awsElasticBlockStore', [`${V}.awsElasticBlockStore.volumeID Required value: set volumeID`]],
    ['secret', [`${V}.secret.secretName Required value: name the Secret to mount`]],
    [
      'nfs',
      [
        `${V}.nfs.path Required value: give the exported path`,
        `${V}.nfs.path Invalid value "": must be an absolute path`,
        `${V}.nfs.server Required value: give the NFS server address`,
      ],
    ],
    ['iscsi', [`${V}.iscsi.iqn Required value: set iqn`, `${V}.iscsi.targetPortal Required value: set targetPortal`]],
    [
      'glusterfs',
      [`${V}.glusterfs.endpoints Required value: set endpoints`, `${V}.glusterfs.path Required value: set path`],
    ],
    ['flocker', [`${V}.flocker Required value: one of datasetName and datasetUUID is required`]],
    ['persistentVolumeClaim', [`${V}.persistentVolumeClaim.claimName Required value: name the PersistentVolumeClaim`]],
    ['rbd', [`${V}.rbd.image Required value: set image`, `${V}.rbd.monitors Required value: list the Ceph monitors`]],
    ['cinder', [`${V}.cinder.volumeID Required value: set volumeID`]],
    ['cephfs', [`${V}.cephfs.monitors Required value: list the Ceph monitors`]],
    [
      'quobyte',
      [
        `${V}.quobyte.registry Required value: must be a host:port pair or multiple pairs separated by commas`,
        `${V}.quobyte.volume Required value: set volume`,
      ],
    ],
    ['fc', [`${V}.fc.targetWWNs Required value: must specify either targetWWNs or wwids, but not both`]],
    ['flexVolume', [`${V}.flexVolume.driver Required value: set driver`]],
    ['configMap', [`${V}.configMap.name Required value: name the ConfigMap to mount`]],
    [
      'azureFile',
      [
        `${V}.azureFile.secretName Required value: set secretName`,
        `${V}.azureFile.shareName Required value: set shareName`,
      ],
    ],
    ['vsphereVolume', [`${V}.vsphereVolume.volumePath Required value: set volumePath`]],
    ['photonPersistentDisk', [`${V}.photonPersistentDisk.pdID Required value: set pdID`]],
    ['portworxVolume', [`${V}.portworxVolume.volumeID Required value: set volumeID`]],
    [
      'azureDisk',
      [
        `${V}.azureDisk.diskName Required value: set diskName`,
        `${V}.azureDisk.diskURI Unsupported value "": supported values: "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"`,
        `${V}.azureDisk.diskURI Required value: set diskURI`,
      ],
    ],
    ['storageos', [`${V}.storageos.volumeName Required value: set volumeName`]],
    [
      'scaleIO',
      [
        `${V}.scaleIO.gateway Required value: set gateway`,
        `${V}.scaleIO.system Required value: set system`,
        `${V}.scaleIO.volumeName Required value: set volumeName`,
      ],
    ],
    ['downwardAPI', []],
    ['projected', []],
  ])('an empty %s', (source, expected) => {
    expect(messages({ [source]: {} })).toEqual(expected);
  });

  it('validates gcePersistentDisk under "persistentDisk"', () => {
    expect(messages({ gcePersistentDisk: { readOnly: true } })).toEqual([
      `${V}.persistentDisk.pdName Required value: set pdName`,
    ]);
  });
});

describe('emptyDir and hostPath', () => {
  it('accepts a zero sizeLimit and rejects a negative one', () => {
    expect(of({ emptyDir: { sizeLimit: '0' } })).toEqual([]);
    expect(messages({ emptyDir: { sizeLimit: '-1' } })).toEqual([
      `${V}.emptyDir.sizeLimit Forbidden: SizeLimit field must be a valid resource quantity, got "-1"`,
    ]);
  });

  it('stops at an empty hostPath path, leaving the type unchecked', () => {
    expect(of({ hostPath: { path: '', type: 'Bad' } })).toEqual([`${V}.hostPath.path volume/field-required`]);
  });

  it('lists the supported hostPath types', () => {
    expect(messages({ hostPath: { path: '/x', type: 'directory' } })).toEqual([
      `${V}.hostPath.type Unsupported value "directory": supported values: "", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"`,
    ]);
  });

  it('treats a backslash as an ordinary character, as validatePathNoBacksteps does on the Linux API server', () => {
    expect(of({ hostPath: { path: 'C:\\a\\..\\b' } })).toEqual([]);
    expect(of({ configMap: { name: 'c', items: [{ key: 'k', path: 'a\\..\\b' }] } })).toEqual([]);
    expect(of({ hostPath: { path: 'C:\\a/../b' } })).toEqual([`${V}.hostPath.path volume/path-backsteps`]);
  });

  it('checks a gitRepo directory as a local descending path', () => {
    expect(of({ gitRepo: { repository: 'r', directory: '/abs/../x' } })).toEqual([
      `${V}.gitRepo.directory volume/path-backsteps`,
      `${V}.gitRepo.directory volume/path-not-relative`,
    ]);
    expect(of({ gitRepo: { repository: 'r', directory: 'sub/dir' } })).toEqual([]);
  });
});

describe('block devices: partition and lun ranges', () => {
  const gce = (partition: number) => ({ gcePersistentDisk: { pdName: 'p', readOnly: true, partition } });
  const aws = (partition: number) => ({ awsElasticBlockStore: { volumeID: 'v', partition } });
  const iscsi = (extra: object) => ({ iscsi: { targetPortal: 't', iqn: 'iqn.2015-02.example.com:test', ...extra } });

  it.each([0, 255])('accepts partition %i', (n) => {
    expect(of(gce(n))).toEqual([]);
    expect(of(aws(n))).toEqual([]);
  });

  it.each([-1, 256])('rejects partition %i', (n) => {
    expect(messages(gce(n))).toEqual([
      `${V}.persistentDisk.partition Invalid value ${n}: must be between 1 and 255, inclusive`,
    ]);
    expect(of(aws(n))).toEqual([`${V}.awsElasticBlockStore.partition volume/partition-invalid`]);
  });

  it.each([0, 255])('accepts lun %i', (n) => {
    expect(of(iscsi({ lun: n }))).toEqual([]);
    expect(of({ fc: { targetWWNs: ['w'], lun: n } })).toEqual([]);
  });

  it.each([-1, 256])('rejects lun %i', (n) => {
    expect(messages(iscsi({ lun: n }))).toEqual([
      `${V}.iscsi.lun Invalid value ${n}: must be between 0 and 255, inclusive`,
    ]);
    expect(of({ fc: { targetWWNs: ['w'], lun: n } })).toEqual([`${V}.fc.lun volume/lun-invalid`]);
  });

  it.each([{ chapAuthDiscovery: true }, { chapAuthSession: true }])('requires a secretRef with CHAP %j', (chap) => {
    expect(messages(iscsi(chap))).toEqual([
      `${V}.iscsi.secretRef Required value: a secretRef is required with CHAP authentication`,
    ]);
    expect(of(iscsi({ ...chap, secretRef: { name: 's' } }))).toEqual([]);
  });

  it('accepts CHAP switched off without a secretRef', () => {
    expect(of(iscsi({ chapAuthDiscovery: false, chapAuthSession: false }))).toEqual([]);
  });

  it('says which prefixes an iSCSI name may have', () => {
    expect(messages(iscsi({ iqn: 'xyz.2015-02.example.com:test', initiatorName: 'naa.123' }))).toEqual([
      `${V}.iscsi.initiatorname Invalid value "naa.123": must be valid format`,
      `${V}.iscsi.iqn Invalid value "xyz.2015-02.example.com:test": must be valid format starting with iqn, eui, or naa`,
    ]);
  });

  it('requires a lun with targetWWNs, and forbids targetWWNs with wwids', () => {
    expect(messages({ fc: { targetWWNs: ['w'] } })).toEqual([
      `${V}.fc.lun Required value: lun is required if targetWWNs is specified`,
    ]);
    expect(messages({ fc: { targetWWNs: ['w'], wwids: ['x'], lun: 1 } })).toEqual([
      `${V}.fc.targetWWNs Invalid value: targetWWNs and wwids can not be specified simultaneously`,
    ]);
    expect(of({ fc: { targetWWNs: ['w'], wwids: ['x'], lun: 1 } })).toEqual([`${V}.fc.targetWWNs volume/fc-both`]);
    expect(of({ fc: { wwids: ['x'] } })).toEqual([]);
  });
});

describe('other in-tree sources', () => {
  it('takes one of the flocker dataset name and UUID, and no "/" in the name', () => {
    expect(messages({ flocker: { datasetName: 'name', datasetUUID: 'uuid' } })).toEqual([
      `${V}.flocker Invalid value: datasetName and datasetUUID can not be specified simultaneously`,
    ]);
    expect(messages({ flocker: { datasetName: 'a/b' } })).toEqual([
      `${V}.flocker.datasetName Invalid value "a/b": must not contain '/'`,
    ]);
    expect(of({ flocker: { datasetName: 'name', datasetUUID: 'uuid' } })).toEqual([`${V}.flocker volume/flocker-both`]);
    expect(of({ flocker: { datasetName: 'a/b' } })).toEqual([
      `${V}.flocker.datasetName volume/flocker-dataset-invalid`,
    ]);
    expect(of({ flocker: { datasetUUID: 'u/x' } })).toEqual([]);
  });

  it('requires the name of a cinder or storageos secretRef that is given', () => {
    expect(of({ cinder: { volumeID: 'v', secretRef: {} } })).toEqual([
      `${V}.cinder.secretRef.name volume/field-required`,
    ]);
    expect(of({ cinder: { volumeID: 'v', secretRef: { name: 's' } } })).toEqual([]);
    expect(of({ storageos: { volumeName: 'v', secretRef: {} } })).toEqual([
      `${V}.storageos.secretRef.name volume/field-required`,
    ]);
  });

  it('takes storageos volume names and namespaces that are DNS labels', () => {
    expect(of({ storageos: { volumeName: 'Bad_Name', volumeNamespace: 'Bad.NS' } })).toEqual([
      `${V}.storageos.volumeName volume/storageos-name-invalid`,
      `${V}.storageos.volumeNamespace volume/storageos-name-invalid`,
    ]);
    expect(messages({ storageos: { volumeName: 'a_b' } })).toEqual([
      `${V}.storageos.volumeName Invalid value "a_b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(messages({ storageos: { volumeName: 'v', volumeNamespace: 'a_b' } })).toEqual([
      `${V}.storageos.volumeNamespace Invalid value "a_b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(of({ storageos: { volumeName: 'good', volumeNamespace: '', secretRef: { name: 's' } } })).toEqual([]);
  });

  it('reserves the kubernetes.io and k8s.io namespaces of flexVolume options, case-insensitively', () => {
    const options = {
      'foo.kubernetes.io/x': '1',
      'k8s.io': '2',
      'Example.K8S.IO/y': '3',
      'mykubernetes.io/x': '4',
      'a/b.kubernetes.io': '5',
      'kubernetes.io': '6',
      plain: '7',
    };
    expect(of({ flexVolume: { driver: 'd', options } })).toEqual([
      `${V}.flexVolume.options[Example.K8S.IO/y] volume/flex-option-reserved`,
      `${V}.flexVolume.options[foo.kubernetes.io/x] volume/flex-option-reserved`,
      `${V}.flexVolume.options[k8s.io] volume/flex-option-reserved`,
      `${V}.flexVolume.options[kubernetes.io] volume/flex-option-reserved`,
    ]);
    expect(messages({ flexVolume: { driver: 'd', options: { 'k8s.io': '2' } } })).toEqual([
      `${V}.flexVolume.options[k8s.io] Invalid value "k8s.io": kubernetes.io and k8s.io namespaces are reserved`,
    ]);
  });

  it('says what a Quobyte registry and tenant must be', () => {
    expect(messages({ quobyte: { registry: 'a', volume: 'v' } })).toEqual([
      `${V}.quobyte.registry Invalid value "a": must be a host:port pair or multiple pairs separated by commas`,
    ]);
    expect(messages({ quobyte: { registry: 'a:1', volume: 'v', tenant: 't'.repeat(65) } })).toEqual([
      `${V}.quobyte.tenant Required value: must be a UUID and may not exceed a length of 64 characters, got 65`,
    ]);
  });
});

describe('azureDisk (validateAzureDisk, 1.27)', () => {
  const blob = 'https://a.blob.core.windows.net/c/d.vhd';
  const az = (o: object) => ({ azureDisk: { diskName: 'd', diskURI: blob, ...o } });
  const BLOB = '"https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"';

  it.each([
    {},
    { kind: 'Managed', diskURI: '/subscriptions/x' },
    { kind: 'Dedicated' },
    { cachingMode: 'None' },
    { cachingMode: 'ReadOnly', kind: 'Shared' },
  ])('accepts %j', (o) => {
    expect(of(az(o))).toEqual([]);
  });

  it('takes a blob URI for the defaulted kind (Shared) and for Dedicated', () => {
    expect(messages(az({ diskURI: 'http://x' }))).toEqual([
      `${V}.azureDisk.diskURI Unsupported value "http://x": supported values: ${BLOB}`,
    ]);
    expect(of(az({ kind: 'Dedicated', diskURI: '/subscriptions/x' }))).toEqual([
      `${V}.azureDisk.diskURI volume/azure-disk-unsupported`,
    ]);
  });

  it('takes a subscription path for a Managed disk', () => {
    expect(messages(az({ kind: 'Managed' }))).toEqual([
      `${V}.azureDisk.diskURI Unsupported value "${blob}": supported values: "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"`,
    ]);
  });

  it('lists the caching modes and kinds', () => {
    expect(messages(az({ kind: 'Other', cachingMode: 'Fast', diskURI: 'x' }))).toEqual([
      `${V}.azureDisk.cachingMode Unsupported value "Fast": supported values: "None", "ReadOnly", "ReadWrite"`,
      `${V}.azureDisk.diskURI Unsupported value "x": supported values: ${BLOB}`,
      `${V}.azureDisk.kind Unsupported value "Other": supported values: "Dedicated", "Managed", "Shared"`,
    ]);
  });
});

describe('a value of the wrong type', () => {
  // The engine without the pipeline's stop after decoding: the type rules report the value, and the
  // source rules neither report it again nor trip over it.
  const engineOf = (volume: any) =>
    validateManifest(
      daemonSet((_d, p) => {
        p.volumes = [{ name: 'a', ...volume }];
      }),
    ).map((i) => `${toFieldPath(i.path)} ${i.code}`);

  it.each([
    [{ hostPath: { path: 5 } }, ['hostPath.path']],
    [{ hostPath: 'x' }, ['hostPath']],
    [{ nfs: { server: 's', path: 5 } }, ['nfs.path']],
    [{ gitRepo: { repository: 'r', directory: 5 } }, ['gitRepo.directory']],
    [{ awsElasticBlockStore: { volumeID: 'v', partition: '300' } }, ['awsElasticBlockStore.partition']],
    [{ iscsi: { targetPortal: 't', iqn: 5, lun: '300' } }, ['iscsi.iqn', 'iscsi.lun']],
    [{ iscsi: { targetPortal: 't', iqn: 'iqn.2015-02.example.com:a', initiatorName: 5 } }, ['iscsi.initiatorName']],
    [{ storageos: { volumeName: 5, volumeNamespace: 5 } }, ['storageos.volumeName', 'storageos.volumeNamespace']],
    [{ fc: { targetWWNs: ['w'], lun: '300' } }, ['fc.lun']],
    [{ flocker: { datasetName: 5 } }, ['flocker.datasetName']],
    [{ flocker: { datasetUUID: 5 } }, ['flocker.datasetUUID']],
    [{ quobyte: { registry: 5, volume: 'v' } }, ['quobyte.registry']],
    [{ quobyte: { registry: 'r:1', tenant: 5, volume: 'v' } }, ['quobyte.tenant']],
    [{ azureDisk: { diskName: 'd', diskURI: 5, kind: 'Managed' } }, ['azureDisk.diskURI']],
  ])('%j is reported once, by the type rules', (volume, fields) => {
    expect(engineOf(volume)).toEqual(fields.map((f) => `${V}.${f} type/invalid-type`));
  });
});

describe('the rule engine without defaulting', () => {
  const engineOf = (volumes: any[]) =>
    validateManifest(
      daemonSet((_d, p) => {
        p.volumes = volumes;
      }),
    ).map((i) => `${toFieldPath(i.path)} ${i.code}`);

  it('checks azureDisk cachingMode and kind only where they are set (SetDefaults_AzureDiskVolumeSource sets both)', () => {
    expect(engineOf([{ name: 'a', azureDisk: { diskName: 'd', diskURI: 'x' } }])).toEqual([]);
  });

  it('reads a null volume as a zero Volume, without a name or a type', () => {
    expect(engineOf([null])).toEqual([`${V} volume/source-required`, `${V}.name volume/name-required`]);
  });
});

import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { volumesRules } from '../../../src/validate/rules/volumes';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// downwardAPI, projected, csi and ephemeral volumes (validateVolumeSource's callees, 1.27) through
// the create path. Every verdict and path is the kube-apiserver's of the minor named
// (k8s-oracle run 1.27 / 1.30); codes and messages are ours.

const V = 'spec.template.spec.volumes[0]';

function errorsOf(volume: any, version = '1.27') {
  return validateForVersion(
    daemonSet((_d, p) => {
      p.volumes = [{ name: 'a', ...volume }];
    }),
    { kubernetesVersion: version },
  ).errors;
}
const of = (volume: any, version?: string) => errorsOf(volume, version).map((i) => `${toFieldPath(i.path)} ${i.code}`);
const messages = (volume: any) => errorsOf(volume).map((i) => `${toFieldPath(i.path)} ${i.message}`);

// status.hostIPs in a downwardAPI file: not a label before 1.28 (a conversion error); from 1.28 a
// label ConvertDownwardAPIFieldLabel converts, which a volume does not support (NotSupported), and
// in 1.28 also Forbidden while PodHostIPs is off (validateDownwardAPIHostIPs). Every case is
// re-checked against the API server of its minor (k8s-oracle), with exactly the server's paths.
const hostIPsFile = { path: 'x', fieldRef: { fieldPath: 'status.hostIPs' } };
const withVolume = (volume: object) =>
  daemonSet((_d, p) => {
    p.volumes = [{ name: 'a', ...volume }];
  });
const VOLUME_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const GATED = "Forbidden: may not be set when feature gate 'PodHostIPs' is not enabled";
ruleCases(
  'status.hostIPs in a downwardAPI volume, by minor',
  [
    {
      name: '1.27: no label, a conversion error',
      manifest: withVolume({ downwardAPI: { items: [hostIPsFile] } }),
      want: [`${V}.downwardAPI.fieldRef.fieldPath volume/field-path-unsupported`],
      message: `Invalid value "status.hostIPs": error converting fieldPath: field label not supported: status.hostIPs; supported: ${VOLUME_PATHS.join(', ')}`,
      sameCauses: true,
    },
    {
      name: '1.28: not supported by a volume, and gated',
      version: '1.28',
      manifest: withVolume({ downwardAPI: { items: [hostIPsFile] } }),
      want: [
        `${V}.downwardAPI.fieldRef volume/field-ref-gated`,
        `${V}.downwardAPI.fieldRef.fieldPath volume/field-path-unsupported`,
      ],
      message: GATED,
      sameCauses: true,
    },
    {
      name: '1.28: likewise in a projected downwardAPI source',
      version: '1.28',
      manifest: withVolume({ projected: { sources: [{ downwardAPI: { items: [hostIPsFile] } }] } }),
      want: [
        `${V}.projected.sources[0].downwardAPI.fieldRef volume/field-ref-gated`,
        `${V}.projected.sources[0].downwardAPI.fieldRef.fieldPath volume/field-path-unsupported`,
      ],
      message: GATED,
      sameCauses: true,
    },
    {
      name: '1.28: another label is not gated',
      version: '1.28',
      manifest: withVolume({ downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'metadata.name' } }] } }),
      want: [],
    },
    {
      name: '1.29: PodHostIPs on, still not supported by a volume',
      version: '1.29',
      manifest: withVolume({ downwardAPI: { items: [hostIPsFile] } }),
      want: [`${V}.downwardAPI.fieldRef.fieldPath volume/field-path-unsupported`],
      message: `Unsupported value "status.hostIPs": supported values: ${VOLUME_PATHS.map((p) => `"${p}"`).join(', ')}`,
      sameCauses: true,
    },
  ],
  pipelineIssues({ rules: [volumesRules] }),
);

describe('downwardAPI volume files (validateDownwardAPIVolumeFile)', () => {
  const file = (f: object) => ({ downwardAPI: { items: [{ path: 'x', ...f }] } });
  const D = `${V}.downwardAPI`;

  it('takes exactly one of fieldRef and resourceFieldRef, at the volume path', () => {
    expect(
      messages(
        file({
          fieldRef: { fieldPath: 'metadata.name' },
          resourceFieldRef: { containerName: 'agent', resource: 'limits.cpu' },
        }),
      ),
    ).toEqual([`${D} Invalid value: fieldRef and resourceFieldRef can not be specified simultaneously`]);
    expect(messages(file({}))).toEqual([`${D} Required value: one of fieldRef and resourceFieldRef is required`]);
  });

  it('checks the file path, the item mode and the default mode', () => {
    expect(
      of({
        downwardAPI: { defaultMode: 512, items: [{ path: '..x', fieldRef: { fieldPath: 'metadata.uid' }, mode: -1 }] },
      }),
    ).toEqual([
      `${D}.defaultMode volume/file-mode-invalid`,
      `${D}.mode volume/file-mode-invalid`,
      `${D}.path volume/path-reserved`,
    ]);
    expect(messages({ downwardAPI: { items: [{ fieldRef: { fieldPath: 'metadata.namespace' } }] } })).toEqual([
      `${D}.path Required value: give the relative file path`,
    ]);
  });

  it('accepts the metadata a volume may project', () => {
    const items = [
      'metadata.annotations',
      'metadata.labels',
      'metadata.name',
      'metadata.namespace',
      'metadata.uid',
      "metadata.annotations['x']",
      "metadata.labels['y']",
    ].map((fieldPath, i) => ({ path: `f${i}`, fieldRef: { fieldPath } }));
    expect(of({ downwardAPI: { items } })).toEqual([]);
  });
});

describe('projected volumes (validateProjectionSources)', () => {
  const P = `${V}.projected`;
  const projected = (...sources: object[]) => ({ projected: { sources } });

  it('reports each duplicate path, naming the source that repeats it', () => {
    expect(
      messages(
        projected(
          { secret: { name: 's', items: [{ key: 'k', path: 'p' }] } },
          { configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } },
          { downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.name' } }] } },
        ),
      ),
    ).toEqual([
      `${P} Invalid value "c": conflicting duplicate paths ("p")`,
      `${P} Invalid value "p": conflicting duplicate paths ("p")`,
    ]);
  });

  it('checks the default mode and requires the names of projected Secrets and ConfigMaps', () => {
    expect(of({ projected: { defaultMode: -1, sources: [] } })).toEqual([`${P}.defaultMode volume/file-mode-invalid`]);
    expect(messages(projected({ secret: {} }, { configMap: {} }))).toEqual([
      `${P}.sources[0].secret.name Required value: name the Secret to project`,
      `${P}.sources[1].configMap.name Required value: name the ConfigMap to project`,
    ]);
  });

  it('forbids two kinds in one source, whichever they are', () => {
    expect(
      of(
        projected(
          { serviceAccountToken: { path: 't' }, configMap: { name: 'c' } },
          { secret: { name: 's' }, downwardAPI: {} },
        ),
      ),
    ).toEqual([`${P}.sources[0] volume/projection-multiple`, `${P}.sources[1] volume/projection-multiple`]);
  });

  it.each([600, 3600, 2 ** 32])('accepts a token lifetime of %i seconds', (s) => {
    expect(of(projected({ serviceAccountToken: { path: 't', expirationSeconds: s } }))).toEqual([]);
  });

  it.each([
    [599, 'may not specify a duration less than 10 minutes'],
    [2 ** 32 + 1, 'may not specify a duration larger than 2^32 seconds'],
  ])('rejects a token lifetime of %i seconds', (s, why) => {
    expect(messages(projected({ serviceAccountToken: { path: 't', expirationSeconds: s } }))).toEqual([
      `${P}.sources[0].serviceAccountToken.expirationSeconds Invalid value ${s}: ${why}`,
    ]);
  });

  it('requires the token path, reported at the projected volume', () => {
    expect(messages(projected({ serviceAccountToken: {} }))).toEqual([
      `${P}.path Required value: give the relative file path of the token`,
    ]);
  });

  it('takes any token path before 1.30 and a local one from 1.30 (AllowNonLocalProjectedTokenPath)', () => {
    const abs = projected({ serviceAccountToken: { path: '/abs' } });
    const up = projected({ serviceAccountToken: { path: '..x' } });
    expect(of(abs)).toEqual([]);
    expect(of(up)).toEqual([]);
    expect(of(abs, '1.30')).toEqual([`${P}.path volume/path-not-relative`]);
    expect(of(up, '1.30')).toEqual([`${P}.path volume/path-reserved`]);
  });
});

describe('csi volumes (ValidateCSIDriverName, validateCSIVolumeSource)', () => {
  const C = `${V}.csi`;

  it('takes a driver name of at most 63 bytes that is a subdomain in lower case', () => {
    expect(messages({ csi: { driver: 'a'.repeat(64) } })).toEqual([
      `${C}.driver Too long: may not be more than 63 bytes, got 64`,
    ]);
    expect(messages({ csi: { driver: '' } })).toContain(
      `${C}.driver Required value: name the CSI driver, e.g. "csi.example.com"`,
    );
    expect(of({ csi: { driver: 'a'.repeat(63) } })).toEqual([]);
    expect(of({ csi: { driver: 'CSI.Example.com' } })).toEqual([]);
    expect(of({ csi: { driver: 'csi_example' } })).toEqual([`${C}.driver volume/csi-driver-invalid`]);
  });

  it('checks the nodePublishSecretRef name, reporting a bad one at csi.name as Go does', () => {
    expect(messages({ csi: { driver: 'c.io', nodePublishSecretRef: {} } })).toEqual([
      `${C}.nodePublishSecretRef.name Required value: name the Secret`,
    ]);
    expect(of({ csi: { driver: 'c.io', nodePublishSecretRef: { name: 'Bad_Name' } } })).toEqual([
      `${C}.name volume/secret-name-invalid`,
    ]);
    expect(of({ csi: { driver: 'c.io', nodePublishSecretRef: { name: 's.x' } } })).toEqual([]);
  });
});

describe('ephemeral volumes (validateEphemeralVolumeSource)', () => {
  const S = `${V}.ephemeral.volumeClaimTemplate.spec`;
  const eph = (spec: object, metadata?: object) => ({
    ephemeral: {
      volumeClaimTemplate: {
        metadata,
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
      },
    },
  });

  it.each([[['ReadWriteOncePod']], [['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany']]])(
    'accepts the access modes %j',
    (accessModes) => {
      expect(of(eph({ accessModes }))).toEqual([]);
    },
  );

  it('says which access modes there are, and that ReadWriteOncePod stands alone', () => {
    expect(messages(eph({ accessModes: ['Foo', 'ReadWriteOnce'] }))).toEqual([
      `${S}.accessModes Unsupported value "Foo": supported values: "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"`,
    ]);
    expect(messages(eph({ accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'] }))).toEqual([
      `${S}.accessModes Forbidden: may not use ReadWriteOncePod with other access modes`,
    ]);
    expect(messages(eph({ accessModes: [] }))).toEqual([
      `${S}.accessModes Required value: at least 1 access mode is required`,
    ]);
  });

  it('requires a positive storage request', () => {
    expect(messages(eph({ resources: { requests: { storage: '0' } } }))).toEqual([
      `${S}.resources[storage] Invalid value "0": must be greater than zero`,
    ]);
    expect(messages(eph({ resources: {} }))).toEqual([
      `${S}.resources[storage] Required value: request storage, e.g. resources.requests.storage: 1Gi`,
    ]);
  });

  it('checks the volume mode and the storage class name', () => {
    expect(messages(eph({ volumeMode: 'Foo' }))).toEqual([
      `${S}.volumeMode Unsupported value "Foo": supported values: "Block", "Filesystem"`,
    ]);
    expect(of(eph({ volumeMode: 'Block', storageClassName: 'fast.ssd' }))).toEqual([]);
    expect(of(eph({ storageClassName: 'Bad_SC' }))).toEqual([`${S}.storageClassName volume/storage-class-invalid`]);
  });

  it('forbids every other field of the claim metadata, and checks its labels and annotations', () => {
    const M = `${V}.ephemeral.volumeClaimTemplate.metadata`;
    const metadata = {
      generateName: 'x',
      namespace: 'ns',
      selfLink: 's',
      resourceVersion: '1',
      creationTimestamp: '2023-01-01T00:00:00Z',
      deletionTimestamp: '2023-01-01T00:00:00Z',
      ownerReferences: [],
      managedFields: [],
      labels: { a: '-x' },
      annotations: { 'a b': 'c' },
    };
    expect(of(eph({}, metadata))).toEqual([
      `${M}.annotations metadata/annotation-key-invalid`,
      `${M}.creationTimestamp volume/claim-template-metadata-forbidden`,
      `${M}.deletionTimestamp volume/claim-template-metadata-forbidden`,
      `${M}.generateName volume/claim-template-metadata-forbidden`,
      `${M}.labels metadata/label-value-invalid`,
      `${M}.managedFields volume/claim-template-metadata-forbidden`,
      `${M}.namespace volume/claim-template-metadata-forbidden`,
      `${M}.ownerReferences volume/claim-template-metadata-forbidden`,
      `${M}.resourceVersion volume/claim-template-metadata-forbidden`,
      `${M}.selfLink volume/claim-template-metadata-forbidden`,
    ]);
    expect(messages(eph({}, { selfLink: 's' }))).toEqual([
      `${M}.selfLink Forbidden: cannot be set: a claim template takes labels and annotations only`,
    ]);
    expect(
      of(eph({}, { name: '', generateName: '', uid: '', generation: 0, deletionGracePeriodSeconds: null })),
    ).toEqual([]);
  });
});

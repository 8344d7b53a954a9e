import { volumesRules } from '../../../src/validate/rules/volumes';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

// downwardAPI, projected, csi and ephemeral volumes (validateVolumeSource's callees, 1.27) case by
// case through the volume rules alone, with codes, paths and messages; every case is re-checked
// against the API server of its minor where K8S_SHARED is set. A value of the wrong type is the
// strict decoder's to reject (rules/types.ts), so these rules leave it alone.

const V = 'spec.template.spec.volumes[0]';
const DECODER = 'the strict decoder rejects a value of the wrong type before validation';
const withVolume = (volume: object) =>
  daemonSet((_d, p) => {
    p.volumes = [{ name: 'a', ...volume }];
  });
const claim = (spec: object, metadata?: object) =>
  withVolume({
    ephemeral: {
      volumeClaimTemplate: {
        metadata,
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
      },
    },
  });
const source = (...sources: object[]) => withVolume({ projected: { sources } });
const token = (t: object) => source({ serviceAccountToken: { path: 't', ...t } });
const P = `${V}.projected`;
const C = `${V}.csi`;
const S = `${V}.ephemeral.volumeClaimTemplate.spec`;
const M = `${V}.ephemeral.volumeClaimTemplate.metadata`;
const FIELD = { fieldRef: { fieldPath: 'metadata.name' } };

ruleCases(
  'downwardAPI and projected volumes, case by case',
  [
    {
      name: 'a downwardAPI file with both references',
      manifest: withVolume({
        downwardAPI: {
          items: [{ path: 'x', ...FIELD, resourceFieldRef: { containerName: 'agent', resource: 'limits.cpu' } }],
        },
      }),
      want: [`${V}.downwardAPI volume/downward-api-both-refs`],
      message: 'Invalid value: fieldRef and resourceFieldRef can not be specified simultaneously',
    },
    {
      name: 'a downwardAPI file path that is no string',
      manifest: withVolume({ downwardAPI: { items: [{ path: 5, ...FIELD }] } }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'two projected items with an empty path are each required, not a conflict',
      manifest: source({
        secret: {
          name: 's',
          items: [
            { key: 'k', path: '' },
            { key: 'l', path: '' },
          ],
        },
      }),
      want: [
        `${P}.sources[0].secret.items[0].path volume/field-required`,
        `${P}.sources[0].secret.items[1].path volume/field-required`,
      ],
      sameCauses: true,
    },
    {
      name: 'two projected item paths that are no strings',
      manifest: source({
        secret: {
          name: 's',
          items: [
            { key: 'k', path: 5 },
            { key: 'l', path: 5 },
          ],
        },
      }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a path projected twice',
      manifest: source(
        { secret: { name: 's', items: [{ key: 'k', path: 'p' }] } },
        { configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } },
      ),
      want: [`${P} volume/projected-path-conflict`],
      message: 'Invalid value "c": conflicting duplicate paths ("p")',
    },
    {
      name: 'a projected item without its key, at the item',
      manifest: source({ configMap: { name: 'c', items: [{ key: '', path: 'p' }] } }),
      want: [`${P}.sources[0].configMap.items[0].key volume/field-required`],
    },
    {
      name: 'a projected downwardAPI file with an absolute path, at the source without the index',
      manifest: source({ downwardAPI: { items: [{ path: '/abs', ...FIELD }] } }),
      want: [`${P}.sources[0].downwardAPI.path volume/path-not-relative`],
    },
    {
      name: 'a token lifetime above 2^32 seconds',
      manifest: token({ expirationSeconds: 2 ** 32 + 1 }),
      want: [`${P}.sources[0].serviceAccountToken.expirationSeconds volume/token-expiration-invalid`],
    },
    {
      name: 'a token lifetime that is no number, however short',
      manifest: token({ expirationSeconds: '100' }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a token lifetime that is no number, however long',
      manifest: token({ expirationSeconds: '5000000000' }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a token path that is no string, where it must be local (1.30)',
      manifest: source({ serviceAccountToken: { path: 5 } }),
      want: [],
      version: '1.30',
      notServer: DECODER,
    },
    {
      name: 'two kinds in one projection source',
      manifest: source({ secret: { name: 's' }, configMap: { name: 'c' } }),
      want: [`${P}.sources[0] volume/projection-multiple`],
      message:
        'Forbidden: may not specify more than 1 volume type in one projection source; split it into several sources',
    },
  ],
  pipelineIssues({ rules: [volumesRules] }),
);

ruleCases(
  'csi volumes, case by case',
  [
    {
      name: 'an empty driver name',
      manifest: withVolume({ csi: { driver: '' } }),
      want: [`${C}.driver volume/csi-driver-invalid`, `${C}.driver volume/field-required`],
    },
    {
      name: 'a driver name of 64 bytes',
      manifest: withVolume({ csi: { driver: 'a'.repeat(64) } }),
      want: [`${C}.driver volume/csi-driver-invalid`],
    },
    {
      name: 'a driver name that is no subdomain',
      manifest: withVolume({ csi: { driver: 'csi_example' } }),
      want: [`${C}.driver volume/csi-driver-invalid`],
      message:
        "Invalid value \"csi_example\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    },
    {
      name: 'a driver name that is no string',
      manifest: withVolume({ csi: { driver: 5 } }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a nodePublishSecretRef name ending in a dash, at csi.name',
      manifest: withVolume({ csi: { driver: 'c.io', nodePublishSecretRef: { name: 's-' } } }),
      want: [`${C}.name volume/secret-name-invalid`],
      message:
        "Invalid value \"s-\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    },
    {
      name: 'a nodePublishSecretRef name that is no string',
      manifest: withVolume({ csi: { driver: 'c.io', nodePublishSecretRef: { name: 5 } } }),
      want: [],
      notServer: DECODER,
    },
  ],
  pipelineIssues({ rules: [volumesRules] }),
);

ruleCases(
  'ephemeral volumes, case by case',
  [
    {
      name: 'no claim template',
      manifest: withVolume({ ephemeral: {} }),
      want: [`${V}.ephemeral.volumeClaimTemplate volume/field-required`],
      message: 'Required value: give the claim template',
    },
    {
      name: 'empty string fields in the claim metadata, their zero values',
      manifest: claim({}, { namespace: '', selfLink: '', resourceVersion: '' }),
      want: [],
    },
    {
      name: 'claim metadata set to a value other than Go zero, and a pointer or list set to 0 or []',
      manifest: claim({}, { name: 'n', uid: 'u', generation: 1, deletionGracePeriodSeconds: 0, finalizers: [] }),
      want: [
        `${M}.deletionGracePeriodSeconds volume/claim-template-metadata-forbidden`,
        `${M}.finalizers volume/claim-template-metadata-forbidden`,
        `${M}.generation volume/claim-template-metadata-forbidden`,
        `${M}.name volume/claim-template-metadata-forbidden`,
        `${M}.uID volume/claim-template-metadata-forbidden`,
      ],
      sameCauses: true,
    },
    {
      name: 'an unknown access mode',
      manifest: claim({ accessModes: ['Foo'] }),
      want: [`${S}.accessModes volume/access-mode-unsupported`],
    },
    {
      name: 'ReadWriteOncePod with another access mode',
      manifest: claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] }),
      want: [`${S}.accessModes volume/access-mode-unsupported`],
    },
    {
      name: 'an access mode that is no string',
      manifest: claim({ accessModes: [5] }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'a zero storage request',
      manifest: claim({ resources: { requests: { storage: '0' } } }),
      want: [`${S}.resources[storage] volume/storage-not-positive`],
    },
    {
      name: 'a storage request that is no quantity',
      manifest: claim({ resources: { requests: { storage: true } } }),
      want: [],
      notServer: DECODER,
    },
    {
      name: 'an unknown volume mode',
      manifest: claim({ volumeMode: 'Foo' }),
      want: [`${S}.volumeMode volume/volume-mode-unsupported`],
    },
    {
      name: 'an empty storage class name, which asks for no class',
      manifest: claim({ storageClassName: '' }),
      want: [],
    },
    {
      name: 'a storage class name ending in a dash',
      manifest: claim({ storageClassName: 'fast-' }),
      want: [`${S}.storageClassName volume/storage-class-invalid`],
      message:
        "Invalid value \"fast-\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    },
    {
      name: 'a volume attributes class name ending in a dash (1.34)',
      manifest: claim({ volumeAttributesClassName: 'gold-' }),
      want: [`${S}.volumeAttributesClassName volume/attributes-class-invalid`],
      message:
        "Invalid value \"gold-\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'): name a VolumeAttributesClass",
      version: '1.34',
    },
    {
      name: 'a volume attributes class name that is no string (1.34)',
      manifest: claim({ volumeAttributesClassName: 5 }),
      want: [],
      version: '1.34',
      notServer: DECODER,
    },
  ],
  pipelineIssues({ rules: [volumesRules] }),
);

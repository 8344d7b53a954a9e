/**
 * validateVolumeSource (1.27): exactly one source per volume, and each in-tree source's required
 * fields and simple ranges. Projections, CSI and ephemeral volumes are in `volume-projections.ts`.
 */
import type { FieldPath, Issue } from '../issue';
import type { VersionProfile } from '../versions/profile';
import { entries, get, goString, isObject, isSet, issue, list, show } from '../read';
import { NO_ISSUES } from '../rule';
import { dns1123LabelErrors } from './_shared/names';
import { quantityFromJson } from './_shared/quantity';
import { iscsiNameProblem, splitsHostPort } from './_shared/storage-addresses';
import { fileMode, keyToPath, localDescendingPath, noBacksteps, required, requireString } from './_shared/volume-paths';
import { csi, downwardAPI, ephemeral, projected } from './volume-projections';

/**
 * The in-tree volume sources in the order validateVolumeSource (1.27) counts them, each with the
 * child name Go uses in "may not specify more than 1 volume type" (Go's own spelling, typos kept:
 * `cephFS`, `downwarAPI`).
 */
export const SOURCES: readonly (readonly [string, string])[] = [
  ['emptyDir', 'emptyDir'],
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

const HOST_PATH_TYPES = [
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];

// validateHostPathVolumeSource + validateHostPathType (1.27)
function hostPath(src: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const p = requireString(src, 'path', path, out, 'give the path on the node');
  if (p === '' || p === undefined) return out;
  out.push(...noBacksteps(p, [...path, 'path']));
  const t = get(src, 'type');
  if (typeof t === 'string' && !HOST_PATH_TYPES.includes(t)) {
    out.push(
      issue(
        [...path, 'type'],
        'volume/host-path-type-unsupported',
        `Unsupported value ${show(t)}: supported values: ${HOST_PATH_TYPES.map((x) => `"${x}"`).join(', ')}`,
      ),
    );
  }
  return out;
}

// validateNFSVolumeSource (1.27): an empty path is both required and not absolute.
function nfs(src: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  requireString(src, 'server', path, out, 'give the NFS server address');
  const p = requireString(src, 'path', path, out, 'give the exported path');
  if (p !== undefined && !p.startsWith('/')) {
    out.push(
      issue([...path, 'path'], 'volume/nfs-path-not-absolute', `Invalid value ${show(p)}: must be an absolute path`),
    );
  }
  return out;
}

// validateSecretVolumeSource / validateConfigMapVolumeSource (1.27)
function objectVolume(src: unknown, path: FieldPath, nameKey: 'secretName' | 'name'): Issue[] {
  const out: Issue[] = [];
  requireString(src, nameKey, path, out, `name the ${nameKey === 'secretName' ? 'Secret' : 'ConfigMap'} to mount`);
  out.push(...fileMode(get(src, 'defaultMode'), [...path, 'defaultMode']));
  list(get(src, 'items')).forEach((kp, i) => {
    out.push(...keyToPath(kp, [...path, 'items', i]));
  });
  return out;
}

function partition(src: unknown, path: FieldPath): Issue[] {
  const v = get(src, 'partition');
  return typeof v === 'number' && (v < 0 || v > 255)
    ? [
        issue(
          [...path, 'partition'],
          'volume/partition-invalid',
          `Invalid value ${v}: must be between 1 and 255, inclusive`,
        ),
      ]
    : [];
}

function lun(v: unknown, path: FieldPath): Issue[] {
  return typeof v === 'number' && (v < 0 || v > 255)
    ? [issue(path, 'volume/lun-invalid', `Invalid value ${v}: must be between 0 and 255, inclusive`)]
    : [];
}

const AZURE_CACHING_MODES = ['None', 'ReadOnly', 'ReadWrite'];
const AZURE_DISK_KINDS = ['Dedicated', 'Managed', 'Shared'];
const AZURE_MANAGED_URI =
  '/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}';
const AZURE_BLOB_URI = 'https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd';

function unsupported(path: FieldPath, v: string, supported: readonly string[]): Issue {
  return issue(
    path,
    'volume/azure-disk-unsupported',
    `Unsupported value ${show(v)}: supported values: ${supported.map((x) => `"${x}"`).join(', ')}`,
  );
}

// validateAzureDisk (1.27): cachingMode and kind are pointers checked against their sets, and a
// set kind decides the disk URI's prefix (SetDefaults_AzureDiskVolumeSource defaults it to Shared,
// so on the create path a blob URI is required unless the kind is Managed).
function azureDisk(src: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  requireString(src, 'diskName', path, out);
  const uri = requireString(src, 'diskURI', path, out);
  const mode = get(src, 'cachingMode');
  if (typeof mode === 'string' && !AZURE_CACHING_MODES.includes(mode))
    out.push(unsupported([...path, 'cachingMode'], mode, AZURE_CACHING_MODES));
  const kind = get(src, 'kind');
  if (typeof kind !== 'string') return out;
  if (!AZURE_DISK_KINDS.includes(kind)) out.push(unsupported([...path, 'kind'], kind, AZURE_DISK_KINDS));
  // A URI of another type fails decoding first: the type rules report it.
  if (uri === undefined) return out;
  const [prefix, form] = kind === 'Managed' ? ['/subscriptions/', AZURE_MANAGED_URI] : ['https://', AZURE_BLOB_URI];
  if (!uri.startsWith(prefix)) out.push(unsupported([...path, 'diskURI'], uri, [form]));
  return out;
}

/** Validators of the other in-tree sources (1.27): their required fields and simple ranges. */
const SOURCE_VALIDATORS: Readonly<Record<string, (src: unknown, path: FieldPath, profile: VersionProfile) => Issue[]>> =
  {
    emptyDir: (src, path) => {
      const sl = get(src, 'sizeLimit');
      const q = isSet(sl) ? quantityFromJson(sl) : undefined;
      // A malformed quantity fails decoding before validation runs: types.ts reports it once.
      if (q?.ok && q.quantity.nanos < 0n)
        return [
          issue(
            [...path, 'sizeLimit'],
            'volume/size-limit-negative',
            `Forbidden: SizeLimit field must be a valid resource quantity, got ${show(sl)}`,
          ),
        ];
      return NO_ISSUES;
    },
    hostPath,
    gitRepo: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'repository', path, out, 'give the repository URL');
      const d = goString(get(src, 'directory'));
      if (d !== undefined) out.push(...localDescendingPath(d, [...path, 'directory']));
      return out;
    },
    // Go validates gcePersistentDisk under the child name "persistentDisk".
    gcePersistentDisk: (src, path) => {
      const p = [...path.slice(0, -1), 'persistentDisk'];
      const out: Issue[] = [];
      requireString(src, 'pdName', p, out);
      return [...out, ...partition(src, p)];
    },
    awsElasticBlockStore: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'volumeID', path, out);
      return [...out, ...partition(src, path)];
    },
    secret: (src, path) => objectVolume(src, path, 'secretName'),
    nfs,
    // validateISCSIVolumeSource (1.27)
    iscsi: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'targetPortal', path, out);
      const iqn = requireString(src, 'iqn', path, out);
      const iqnProblem = iqn === undefined || iqn === '' ? undefined : iscsiNameProblem(iqn);
      if (iqnProblem)
        out.push(issue([...path, 'iqn'], 'volume/iscsi-iqn-invalid', `Invalid value ${show(iqn)}: ${iqnProblem}`));
      out.push(...lun(get(src, 'lun'), [...path, 'lun']));
      if (
        (get(src, 'chapAuthDiscovery') === true || get(src, 'chapAuthSession') === true) &&
        !isSet(get(src, 'secretRef'))
      ) {
        out.push(required([...path, 'secretRef'], 'a secretRef is required with CHAP authentication'));
      }
      // A pointer in Go: checked when present, an empty one included; reported as "initiatorname".
      const initiator = get(src, 'initiatorName');
      const initiatorProblem = typeof initiator === 'string' ? iscsiNameProblem(initiator) : undefined;
      if (initiatorProblem)
        out.push(
          issue(
            [...path, 'initiatorname'],
            'volume/iscsi-initiator-invalid',
            `Invalid value ${show(initiator)}: ${initiatorProblem}`,
          ),
        );
      return out;
    },
    glusterfs: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'endpoints', path, out);
      requireString(src, 'path', path, out);
      return out;
    },
    flocker: (src, path) => {
      const name = goString(get(src, 'datasetName'));
      const uuid = goString(get(src, 'datasetUUID'));
      // A value of another type fails decoding first: the type rules report it.
      if (name === undefined || uuid === undefined) return NO_ISSUES;
      const out: Issue[] = [];
      if (name === '' && uuid === '') out.push(required(path, 'one of datasetName and datasetUUID is required'));
      if (name !== '' && uuid !== '')
        out.push(
          issue(
            path,
            'volume/flocker-both',
            'Invalid value: datasetName and datasetUUID can not be specified simultaneously',
          ),
        );
      if (name.includes('/'))
        out.push(
          issue(
            [...path, 'datasetName'],
            'volume/flocker-dataset-invalid',
            `Invalid value ${show(name)}: must not contain '/'`,
          ),
        );
      return out;
    },
    persistentVolumeClaim: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'claimName', path, out, 'name the PersistentVolumeClaim');
      return out;
    },
    rbd: (src, path) => {
      const out: Issue[] = [];
      if (list(get(src, 'monitors')).length === 0) out.push(required([...path, 'monitors'], 'list the Ceph monitors'));
      requireString(src, 'image', path, out);
      return out;
    },
    cinder: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'volumeID', path, out);
      const ref = get(src, 'secretRef');
      if (isSet(ref)) requireString(ref, 'name', [...path, 'secretRef'], out);
      return out;
    },
    // Go validates cephfs under "cephfs" (and counts it under "cephFS").
    cephfs: (src, path) =>
      list(get(src, 'monitors')).length === 0 ? [required([...path, 'monitors'], 'list the Ceph monitors')] : [],
    // validateQuobyteVolumeSource (1.27): the tenant is checked only with a registry, each registry
    // entry only with a short enough tenant; every entry that net.SplitHostPort rejects is reported.
    quobyte: (src, path) => {
      const registry = goString(get(src, 'registry'));
      const tenant = goString(get(src, 'tenant'));
      // A value of another type fails decoding first: the type rules report it.
      if (registry === undefined || tenant === undefined) return NO_ISSUES;
      const out: Issue[] = [];
      if (registry === '')
        out.push(required([...path, 'registry'], 'must be a host:port pair or multiple pairs separated by commas'));
      else if (tenant.length >= 65)
        out.push(
          issue(
            [...path, 'tenant'],
            'volume/quobyte-tenant-too-long',
            `Required value: must be a UUID and may not exceed a length of 64 characters, got ${tenant.length}`,
          ),
        );
      else
        for (const pair of registry.split(',')) {
          if (!splitsHostPort(pair))
            out.push(
              issue(
                [...path, 'registry'],
                'volume/quobyte-registry-invalid',
                `Invalid value ${show(registry)}: must be a host:port pair or multiple pairs separated by commas`,
              ),
            );
        }
      requireString(src, 'volume', path, out);
      return out;
    },
    downwardAPI,
    fc: (src, path) => {
      const out: Issue[] = [];
      const wwns = list(get(src, 'targetWWNs'));
      const wwids = list(get(src, 'wwids'));
      if (wwns.length === 0 && wwids.length === 0)
        out.push(required([...path, 'targetWWNs'], 'must specify either targetWWNs or wwids, but not both'));
      if (wwns.length > 0 && wwids.length > 0)
        out.push(
          issue(
            [...path, 'targetWWNs'],
            'volume/fc-both',
            'Invalid value: targetWWNs and wwids can not be specified simultaneously',
          ),
        );
      if (wwns.length > 0) {
        if (!isSet(get(src, 'lun'))) out.push(required([...path, 'lun'], 'lun is required if targetWWNs is specified'));
        else out.push(...lun(get(src, 'lun'), [...path, 'lun']));
      }
      return out;
    },
    flexVolume: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'driver', path, out);
      for (const [k] of entries(get(src, 'options'))) {
        const ns = k.includes('/') ? k.slice(0, k.indexOf('/')) : k;
        const norm = `.${ns.toLowerCase()}`;
        if (norm.endsWith('.kubernetes.io') || norm.endsWith('.k8s.io')) {
          out.push(
            issue(
              [...path, 'options', { key: k }],
              'volume/flex-option-reserved',
              `Invalid value ${show(k)}: kubernetes.io and k8s.io namespaces are reserved`,
            ),
          );
        }
      }
      return out;
    },
    configMap: (src, path) => objectVolume(src, path, 'name'),
    azureFile: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'secretName', path, out);
      requireString(src, 'shareName', path, out);
      return out;
    },
    vsphereVolume: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'volumePath', path, out);
      return out;
    },
    photonPersistentDisk: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'pdID', path, out);
      return out;
    },
    portworxVolume: (src, path) => {
      const out: Issue[] = [];
      requireString(src, 'volumeID', path, out);
      return out;
    },
    azureDisk,
    storageos: (src, path) => {
      const out: Issue[] = [];
      const name = requireString(src, 'volumeName', path, out);
      if (name !== undefined && name !== '') {
        for (const m of dns1123LabelErrors(name))
          out.push(
            issue([...path, 'volumeName'], 'volume/storageos-name-invalid', `Invalid value ${show(name)}: ${m}`),
          );
      }
      const ns = goString(get(src, 'volumeNamespace'));
      if (ns !== undefined && ns !== '') {
        for (const m of dns1123LabelErrors(ns))
          out.push(
            issue([...path, 'volumeNamespace'], 'volume/storageos-name-invalid', `Invalid value ${show(ns)}: ${m}`),
          );
      }
      const ref = get(src, 'secretRef');
      if (isSet(ref)) requireString(ref, 'name', [...path, 'secretRef'], out);
      return out;
    },
    projected,
    scaleIO: (src, path) => {
      const out: Issue[] = [];
      for (const k of ['gateway', 'system', 'volumeName']) requireString(src, k, path, out);
      return out;
    },
    csi,
    ephemeral,
  };

/**
 * validateVolumeSource (1.27): exactly one source; the first is validated, each further one is
 * Forbidden at its own path.
 */
export function volumeSourceIssues(vol: unknown, path: FieldPath, profile: VersionProfile): Issue[] {
  const set = setSources(vol);
  if (set.length === 0) {
    return [
      issue(
        path,
        'volume/source-required',
        'Required value: must specify a volume type, e.g. emptyDir: {}, hostPath, configMap, secret or persistentVolumeClaim',
      ),
    ];
  }
  const out: Issue[] = [];
  const k = SOURCES[set[0]][0];
  const src = (vol as Record<string, unknown>)[k];
  if (isObject(src)) out.push(...SOURCE_VALIDATORS[k](src, [...path, k], profile));
  for (let j = 1; j < set.length; j++) {
    const present = set.map((i) => SOURCES[i][0]);
    out.push(
      issue(
        [...path, SOURCES[set[j]][1]],
        'volume/source-multiple',
        `Forbidden: may not specify more than 1 volume type (got ${present.join(', ')}); keep one`,
      ),
    );
  }
  return out;
}

const SOURCE_INDEX: ReadonlyMap<string, number> = new Map(SOURCES.map(([k], i) => [k, i]));

/** Indexes in SOURCES of the sources set on `vol`, in SOURCES order: found from its own keys, not 29 lookups. */
function setSources(vol: unknown): number[] {
  const set: number[] = [];
  if (!isObject(vol)) return set;
  for (const k of Object.keys(vol)) {
    const i = SOURCE_INDEX.get(k);
    if (i !== undefined && isSet(vol[k])) set.push(i);
  }
  return set.length > 1 ? set.sort((a, b) => a - b) : set;
}

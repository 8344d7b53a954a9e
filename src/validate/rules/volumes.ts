import type { FieldPath, Issue } from '../issue';
import { entries, field, get, isObject, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { dns1123LabelErrors, dns1123SubdomainErrors, nameIsDnsSubdomain } from './_names';
import { goString, isPod, isSet, issue } from './_container-context';
import { quantityFromJson } from './_quantity';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './env';

/**
 * The in-tree volume sources in the order validateVolumeSource (1.27) counts them, each with the
 * child name Go uses in "may not specify more than 1 volume type" (Go's own spelling, typos kept:
 * `cephFS`, `downwarAPI`).
 */
const SOURCES: readonly (readonly [string, string])[] = [
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

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

function required(path: FieldPath, what: string): Issue {
  return issue(path, 'volume/field-required', `Required value: ${what}`);
}

/** An empty (Go "") string field is required. */
function requireString(src: unknown, k: string, path: FieldPath, out: Issue[], what = `set ${k}`): string | undefined {
  const v = goString(get(src, k));
  if (v === '') out.push(required([...path, k], what));
  return v;
}

// validatePathNoBacksteps (1.27)
function noBacksteps(p: string, path: FieldPath, area = 'volume'): Issue[] {
  if (!p.includes('..')) return []; // no '..' anywhere, so no '..' element either way the slashes go
  return p.replace(/\\/g, '/').split('/').includes('..')
    ? [issue(path, `${area}/path-backsteps`, `Invalid value ${show(p)}: must not contain '..'`)]
    : [];
}

/** validateLocalDescendingPath (1.27): relative, without `..` elements. */
export function localDescendingPath(p: string, path: FieldPath, area = 'volume'): Issue[] {
  const out: Issue[] = [];
  if (p.startsWith('/'))
    out.push(issue(path, `${area}/path-not-relative`, `Invalid value ${show(p)}: must be a relative path`));
  return [...out, ...noBacksteps(p, path, area)];
}

// ValidateLocalNonReservedPath (1.27): also not starting with '..' (as in "..data").
function localNonReservedPath(p: string, path: FieldPath): Issue[] {
  const out = localDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../'))
    out.push(issue(path, 'volume/path-reserved', `Invalid value ${show(p)}: must not start with '..'`));
  return out;
}

function fileMode(v: unknown, path: FieldPath): Issue[] {
  if (typeof v !== 'number' || !Number.isInteger(v) || (v >= 0 && v <= 0o777)) return [];
  return [
    issue(
      path,
      'volume/file-mode-invalid',
      `Invalid value ${v} (octal ${v.toString(8)}): ${FILE_MODE_ERROR}; e.g. 420 for 0644`,
    ),
  ];
}

// validateKeyToPath (1.27)
function keyToPath(kp: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  requireString(kp, 'key', path, out, 'name the key to project');
  const p = requireString(kp, 'path', path, out, 'give the relative file path to project the key to');
  if (p !== undefined) out.push(...localNonReservedPath(p, [...path, 'path']));
  out.push(...fileMode(get(kp, 'mode'), [...path, 'mode']));
  return out;
}

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

const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

// validateDownwardAPIVolumeFile (1.27). Go reports at the volume's (or projection's) path, not the
// item's: the index is not in the path.
function downwardAPIFile(file: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const p = requireString(file, 'path', path, out, 'give the relative file path');
  if (p !== undefined) out.push(...localNonReservedPath(p, [...path, 'path']));
  const fr = get(file, 'fieldRef');
  const rf = get(file, 'resourceFieldRef');
  if (isSet(fr)) {
    out.push(...validateObjectFieldSelector(fr, VOLUME_FIELD_PATHS, [...path, 'fieldRef'], 'volume'));
    if (isSet(rf))
      out.push(
        issue(
          path,
          'volume/downward-api-both-refs',
          'Invalid value: fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      );
  } else if (isSet(rf)) {
    out.push(...validateResourceFieldSelector(rf, [...path, 'resourceFieldRef'], true, 'volume'));
  } else {
    out.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  out.push(...fileMode(get(file, 'mode'), [...path, 'mode']));
  return out;
}

function downwardAPI(src: unknown, path: FieldPath): Issue[] {
  const out = fileMode(get(src, 'defaultMode'), [...path, 'defaultMode']);
  for (const file of list(get(src, 'items'))) out.push(...downwardAPIFile(file, path));
  return out;
}

// validateProjectedVolumeSource + validateProjectionSources (1.27); clusterTrustBundle is 1.29.
function projected(src: unknown, path: FieldPath): Issue[] {
  const out = fileMode(get(src, 'defaultMode'), [...path, 'defaultMode']);
  const paths = new Set<string>();
  const claim = (p: unknown, dupValue: unknown): void => {
    if (typeof p !== 'string' || p === '') return;
    if (paths.has(p))
      out.push(
        issue(
          path,
          'volume/projected-path-conflict',
          `Invalid value ${show(dupValue)}: conflicting duplicate paths (${show(p)})`,
        ),
      );
    else paths.add(p);
  };
  list(get(src, 'sources')).forEach((s, i) => {
    const sp: FieldPath = [...path, 'sources', i];
    let n = 0;
    for (const k of ['secret', 'configMap'] as const) {
      const o = get(s, k);
      if (!isSet(o)) continue;
      n++;
      requireString(o, 'name', [...sp, k], out, `name the ${k === 'secret' ? 'Secret' : 'ConfigMap'} to project`);
      list(get(o, 'items')).forEach((kp, j) => {
        out.push(...keyToPath(kp, [...sp, k, 'items', j]));
        claim(get(kp, 'path'), get(o, 'name'));
      });
    }
    const da = get(s, 'downwardAPI');
    if (isSet(da)) {
      n++;
      for (const file of list(get(da, 'items'))) {
        out.push(...downwardAPIFile(file, [...sp, 'downwardAPI']));
        claim(get(file, 'path'), get(file, 'path'));
      }
    }
    const sat = get(s, 'serviceAccountToken');
    if (isSet(sat)) {
      n++;
      const exp = get(sat, 'expirationSeconds'); // nil was defaulted to 3600
      if (typeof exp === 'number' && exp < 600) {
        out.push(
          issue(
            [...sp, 'serviceAccountToken', 'expirationSeconds'],
            'volume/token-expiration-invalid',
            `Invalid value ${exp}: may not specify a duration less than 10 minutes`,
          ),
        );
      }
      if (typeof exp === 'number' && exp > 2 ** 32) {
        out.push(
          issue(
            [...sp, 'serviceAccountToken', 'expirationSeconds'],
            'volume/token-expiration-invalid',
            `Invalid value ${exp}: may not specify a duration larger than 2^32 seconds`,
          ),
        );
      }
      const tp = goString(get(sat, 'path'));
      // Go reports at the projected volume's `path`, not the source's.
      if (tp === '') out.push(required([...path, 'path'], 'give the relative file path of the token'));
      else if (tp !== undefined) out.push(...localNonReservedPath(tp, [...path, 'path']));
    }
    if (n > 1)
      out.push(
        issue(
          sp,
          'volume/projection-multiple',
          'Forbidden: may not specify more than 1 volume type in one projection source; split it into several sources',
        ),
      );
  });
  return out;
}

// ValidateCSIDriverName + validateCSIVolumeSource (1.27)
function csi(src: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const driver = goString(get(src, 'driver'));
  if (driver !== undefined) {
    const p: FieldPath = [...path, 'driver'];
    if (driver === '') out.push(required(p, 'name the CSI driver, e.g. "csi.example.com"'));
    if (driver.length > 63)
      out.push(issue(p, 'volume/csi-driver-invalid', `Too long: may not be more than 63 bytes, got ${driver.length}`));
    for (const m of dns1123SubdomainErrors(driver.toLowerCase()))
      out.push(issue(p, 'volume/csi-driver-invalid', `Invalid value ${show(driver)}: ${m}`));
  }
  const ref = get(src, 'nodePublishSecretRef');
  if (isSet(ref)) {
    const name = goString(get(ref, 'name'));
    if (name === '') out.push(required([...path, 'nodePublishSecretRef', 'name'], 'name the Secret'));
    else if (name !== undefined) {
      // Go reports at csi.name, not at the reference.
      for (const m of nameIsDnsSubdomain(name, false))
        out.push(issue([...path, 'name'], 'volume/secret-name-invalid', `Invalid value ${show(name)}: ${m}`));
    }
  }
  return out;
}

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

// validateEphemeralVolumeSource (1.27), the basic part of ValidatePersistentVolumeClaimSpec.
function ephemeral(src: unknown, path: FieldPath): Issue[] {
  const t = get(src, 'volumeClaimTemplate');
  if (!isSet(t)) return [required([...path, 'volumeClaimTemplate'], 'give the claim template')];
  const out: Issue[] = [];
  const sp: FieldPath = [...path, 'volumeClaimTemplate', 'spec'];
  const spec = get(t, 'spec');
  const modes = list(get(spec, 'accessModes'));
  if (modes.length === 0) out.push(required([...sp, 'accessModes'], 'at least 1 access mode is required'));
  for (const m of modes) {
    if (typeof m === 'string' && !ACCESS_MODES.includes(m)) {
      out.push(
        issue(
          [...sp, 'accessModes'],
          'volume/access-mode-unsupported',
          `Unsupported value ${show(m)}: supported values: ${ACCESS_MODES.map((x) => `"${x}"`).join(', ')}`,
        ),
      );
    }
  }
  if (
    modes.includes('ReadWriteOncePod') &&
    modes.some((m) => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m as string))
  ) {
    out.push(
      issue(
        [...sp, 'accessModes'],
        'volume/access-mode-unsupported',
        'Forbidden: may not use ReadWriteOncePod with other access modes',
      ),
    );
  }
  const storage = field(spec, 'resources', 'requests', 'storage');
  const rp: FieldPath = [...sp, 'resources', { key: 'storage' }];
  if (!isSet(storage)) out.push(required(rp, 'request storage, e.g. resources.requests.storage: 1Gi'));
  else {
    const q = quantityFromJson(storage);
    // A malformed quantity fails decoding before validation runs: types.ts reports it once.
    if (q?.ok && q.quantity.nanos <= 0n)
      out.push(issue(rp, 'volume/storage-not-positive', `Invalid value ${show(storage)}: must be greater than zero`));
  }
  const vm = get(spec, 'volumeMode');
  if (typeof vm === 'string' && vm !== 'Block' && vm !== 'Filesystem') {
    out.push(
      issue(
        [...sp, 'volumeMode'],
        'volume/volume-mode-unsupported',
        `Unsupported value ${show(vm)}: supported values: "Block", "Filesystem"`,
      ),
    );
  }
  const sc = get(spec, 'storageClassName');
  if (typeof sc === 'string' && sc !== '') {
    for (const m of nameIsDnsSubdomain(sc, false))
      out.push(issue([...sp, 'storageClassName'], 'volume/storage-class-invalid', `Invalid value ${show(sc)}: ${m}`));
  }
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

/** Validators of the other in-tree sources (1.27): their required fields and simple ranges. */
const SOURCE_VALIDATORS: Readonly<Record<string, (src: unknown, path: FieldPath) => Issue[]>> = {
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
  iscsi: (src, path) => {
    const out: Issue[] = [];
    requireString(src, 'targetPortal', path, out);
    const iqn = requireString(src, 'iqn', path, out);
    if (iqn !== undefined && iqn !== '' && !/^(iqn|eui|naa)/.test(iqn)) {
      out.push(
        issue(
          [...path, 'iqn'],
          'volume/iscsi-iqn-invalid',
          `Invalid value ${show(iqn)}: must be valid format starting with iqn, eui, or naa`,
        ),
      );
    }
    out.push(...lun(get(src, 'lun'), [...path, 'lun']));
    if (
      (get(src, 'chapAuthDiscovery') === true || get(src, 'chapAuthSession') === true) &&
      !isSet(get(src, 'secretRef'))
    ) {
      out.push(required([...path, 'secretRef'], 'a secretRef is required with CHAP authentication'));
    }
    return out;
  },
  glusterfs: (src, path) => {
    const out: Issue[] = [];
    requireString(src, 'endpoints', path, out);
    requireString(src, 'path', path, out);
    return out;
  },
  flocker: (src, path) => {
    const name = goString(get(src, 'datasetName')) ?? '';
    const uuid = goString(get(src, 'datasetUUID')) ?? '';
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
  quobyte: (src, path) => {
    const out: Issue[] = [];
    if (goString(get(src, 'registry')) === '')
      out.push(required([...path, 'registry'], 'must be a host:port pair or multiple pairs separated by commas'));
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
  azureDisk: (src, path) => {
    const out: Issue[] = [];
    requireString(src, 'diskName', path, out);
    requireString(src, 'diskURI', path, out);
    return out;
  },
  storageos: (src, path) => {
    const out: Issue[] = [];
    const name = requireString(src, 'volumeName', path, out);
    if (name !== undefined && name !== '') {
      for (const m of dns1123LabelErrors(name))
        out.push(issue([...path, 'volumeName'], 'volume/storageos-name-invalid', `Invalid value ${show(name)}: ${m}`));
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
export function volumeSourceIssues(vol: unknown, path: FieldPath): Issue[] {
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
  if (isObject(src)) out.push(...SOURCE_VALIDATORS[k](src, [...path, k]));
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

function nameIssues(vol: unknown, path: FieldPath): readonly Issue[] {
  const name = goString(get(vol, 'name'));
  if (name === undefined) return NO_ISSUES;
  if (name === '') return [issue([...path, 'name'], 'volume/name-required', 'Required value: a volume needs a name')];
  const errs = dns1123LabelErrors(name);
  if (errs.length === 0) return NO_ISSUES;
  return errs.map((m) => issue([...path, 'name'], 'volume/name-invalid', `Invalid value ${show(name)}: ${m}`));
}

/**
 * ValidateVolumes (1.27), run over the whole list: per volume its issues, and the map of volumes
 * that had none (only those can be mounted: a mount of an invalid volume is "Not found"). A
 * duplicate name is only noticed against earlier *valid* volumes, as in Go.
 */
export function validateVolumeList(
  podSpec: unknown,
  specPath: FieldPath,
): { issues: Issue[][]; valid: Map<string, unknown> } {
  // Asked once per volume and twice per container in one run: the engine makes a fresh
  // podSpecPath array per validateManifest call, so the last answer is kept for that array (one
  // entry rather than a WeakMap: a WeakMap entry per document costs more than the lookups save).
  if (lastVolumeList !== undefined && lastVolumeList.specPath === specPath && lastVolumeList.podSpec === podSpec) {
    return lastVolumeList.result;
  }
  const result = volumeListOf(podSpec, specPath);
  lastVolumeList = { specPath, podSpec, result };
  return result;
}

let lastVolumeList:
  | { specPath: FieldPath; podSpec: unknown; result: { issues: Issue[][]; valid: Map<string, unknown> } }
  | undefined;

function volumeListOf(podSpec: unknown, specPath: FieldPath): { issues: Issue[][]; valid: Map<string, unknown> } {
  const valid = new Map<string, unknown>();
  const issues = list(get(podSpec, 'volumes')).map((vol, i) => {
    const path: FieldPath = [...specPath, 'volumes', i];
    const el = volumeSourceIssues(vol, path);
    for (const i of nameIssues(vol, path)) el.push(i);
    const name = goString(get(vol, 'name'));
    if (name !== undefined && valid.has(name)) {
      el.push(
        issue(
          [...path, 'name'],
          'volume/name-duplicate',
          `Duplicate value: ${show(name)}: volume names must be unique within a pod`,
        ),
      );
    }
    if (el.length === 0 && name !== undefined) valid.set(name, vol);
    return el;
  });
  return { issues, valid };
}

const volumeRule: Rule = (_vol, path, ctx: RuleContext) => {
  const i = path[path.length - 1];
  if (typeof i !== 'number' || ctx.podSpecPath === undefined) return NO_ISSUES;
  return validateVolumeList(ctx.podSpec, ctx.podSpecPath).issues[i] ?? [];
};

// ValidateVolumes + validateVolumeSource (1.27), Pod only (a template has no pod name): the PVC
// of an ephemeral volume is named <pod>-<volume>, which must be a valid object name, and a
// persistentVolumeClaim volume may not reference such a generated claim.
const generatedClaims: Rule = (vol, path, ctx) => {
  if (!isPod(ctx)) return NO_ISSUES;
  const pod = goString(field(ctx.manifest, 'metadata', 'name'));
  if (pod === undefined || pod === '') return NO_ISSUES;
  const out: Issue[] = [];
  const name = goString(get(vol, 'name'));
  if (
    isSet(get(vol, 'ephemeral')) &&
    name !== undefined &&
    name !== '' &&
    SOURCES.findIndex(([k]) => isSet(get(vol, k))) === SOURCES.length - 1
  ) {
    const pvc = `${pod}-${name}`;
    for (const m of nameIsDnsSubdomain(pvc, false))
      out.push(
        issue(
          [...path, 'name'],
          'volume/ephemeral-claim-name-invalid',
          `Invalid value ${show(name)}: PVC name ${show(pvc)}: ${m}`,
        ),
      );
  }
  const claim = goString(field(vol, 'persistentVolumeClaim', 'claimName'));
  if (claim !== undefined && claim !== '') {
    const created = list(get(ctx.podSpec, 'volumes'))
      .filter((v) => isSet(get(v, 'ephemeral')))
      .map((v) => `${pod}-${goString(get(v, 'name')) ?? ''}`);
    if (created.includes(claim)) {
      out.push(
        issue(
          [...path, 'persistentVolumeClaim', 'claimName'],
          'volume/claim-of-ephemeral-volume',
          `Invalid value ${show(claim)}: must not reference a PVC that gets created for an ephemeral volume`,
        ),
      );
    }
  }
  return out;
};

export const volumesRules: RuleSet = {
  volume: [volumeRule, generatedClaims],
};

/**
 * Volume sources that project pod data or defer to other objects (1.27): downwardAPI, projected,
 * csi and ephemeral. The other in-tree sources are in `volume-sources.ts`.
 */
import type { FieldPath, Issue } from '../issue';
import type { VersionProfile } from '../versions/profile';
import { field, get, goString, isSet, issue, list, show } from '../read';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './_shared/field-selectors';
import { dns1123SubdomainErrors, nameIsDnsSubdomain, validateAnnotations, validateLabels } from './_shared/names';
import { quantityFromJson } from './_shared/quantity';
import { fileMode, keyToPath, localNonReservedPath, required, requireString } from './_shared/volume-paths';

const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

// ConvertDownwardAPIFieldLabel converts status.hostIPs from 1.28 on (switches.downwardHostIPsKnown):
// a volume does not support it, but says so as NotSupported, no longer as a conversion error.
const HOST_IPS = ['status.hostIPs'];

// validateDownwardAPIVolumeFile (1.27; 1.28 adds validateDownwardAPIHostIPs). Go reports at the
// volume's (or projection's) path, not the item's: the index is not in the path.
function downwardAPIFile(file: unknown, path: FieldPath, profile: VersionProfile): Issue[] {
  const out: Issue[] = [];
  const p = requireString(file, 'path', path, out, 'give the relative file path');
  if (p !== undefined) out.push(...localNonReservedPath(p, [...path, 'path']));
  const fr = get(file, 'fieldRef');
  const rf = get(file, 'resourceFieldRef');
  if (isSet(fr)) {
    const known = profile.switches.downwardHostIPsKnown;
    out.push(
      ...validateObjectFieldSelector(fr, VOLUME_FIELD_PATHS, [...path, 'fieldRef'], 'volume', known ? HOST_IPS : []),
    );
    if (isSet(rf))
      out.push(
        issue(
          path,
          'volume/downward-api-both-refs',
          'Invalid value: fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      );
    // validateDownwardAPIHostIPs (1.28+): Forbidden while PodHostIPs is off, beside the NotSupported.
    if (known && !profile.options.AllowHostIPsField && get(fr, 'fieldPath') === 'status.hostIPs')
      out.push(
        issue(
          [...path, 'fieldRef'],
          'volume/field-ref-gated',
          "Forbidden: may not be set when feature gate 'PodHostIPs' is not enabled",
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

export function downwardAPI(src: unknown, path: FieldPath, profile: VersionProfile): Issue[] {
  const out = fileMode(get(src, 'defaultMode'), [...path, 'defaultMode']);
  for (const file of list(get(src, 'items'))) out.push(...downwardAPIFile(file, path, profile));
  return out;
}

// validateProjectedVolumeSource + validateProjectionSources (1.27); clusterTrustBundle is 1.29.
export function projected(src: unknown, path: FieldPath, profile: VersionProfile): Issue[] {
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
        out.push(...downwardAPIFile(file, [...sp, 'downwardAPI'], profile));
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
      // Go reports at the projected volume's `path`, not the source's. The path must be local only
      // from 1.30 (AllowNonLocalProjectedTokenPath is false on create); before, any path went.
      if (tp === '') out.push(required([...path, 'path'], 'give the relative file path of the token'));
      else if (tp !== undefined && !profile.options.AllowNonLocalProjectedTokenPath)
        out.push(...localNonReservedPath(tp, [...path, 'path']));
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
export function csi(src: unknown, path: FieldPath): Issue[] {
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
/**
 * ObjectMeta's fields as validateFieldAllowList (1.27) names them (the Go field name with a lower-case
 * first letter: `uID`), each with its JSON name and the JSON value that decodes to Go's zero value
 * besides null: "" for a string, 0 for generation. A Time, a pointer or a slice has none: present
 * at all, even as 0 or [], it counts as set (a Time's zero is only null).
 */
const OBJECT_META_FIELDS: readonly (readonly [json: string, go: string, zero?: '' | 0])[] = [
  ['name', 'name', ''],
  ['generateName', 'generateName', ''],
  ['namespace', 'namespace', ''],
  ['selfLink', 'selfLink', ''],
  ['uid', 'uID', ''],
  ['resourceVersion', 'resourceVersion', ''],
  ['generation', 'generation', 0],
  ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'],
  ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'],
  ['finalizers', 'finalizers'],
  ['managedFields', 'managedFields'],
];

// ValidateTemplateObjectMeta (1.27): a claim template's metadata may carry labels and annotations
// only; any other field that is not Go's zero value after decoding is forbidden.
function templateObjectMeta(meta: unknown, path: FieldPath): Issue[] {
  if (!isSet(meta)) return [];
  const out = [...validateAnnotations(get(meta, 'annotations'), [...path, 'annotations'])];
  out.push(...validateLabels(get(meta, 'labels'), [...path, 'labels']));
  for (const [json, go, zero] of OBJECT_META_FIELDS) {
    const v = get(meta, json);
    if (v === undefined || v === null || v === zero) continue;
    out.push(
      issue(
        [...path, go],
        'volume/claim-template-metadata-forbidden',
        'Forbidden: cannot be set: a claim template takes labels and annotations only',
      ),
    );
  }
  return out;
}

export function ephemeral(src: unknown, path: FieldPath, profile: VersionProfile): Issue[] {
  const t = get(src, 'volumeClaimTemplate');
  if (!isSet(t)) return [required([...path, 'volumeClaimTemplate'], 'give the claim template')];
  const out: Issue[] = [...templateObjectMeta(get(t, 'metadata'), [...path, 'volumeClaimTemplate', 'metadata'])];
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
  // ValidatePersistentVolumeClaimSpec (1.29+): checked only where VolumeAttributesClass is on (1.34).
  const vac = get(spec, 'volumeAttributesClassName');
  if (typeof vac === 'string' && vac !== '' && profile.options.EnableVolumeAttributesClass) {
    for (const m of nameIsDnsSubdomain(vac, false))
      out.push(
        issue(
          [...sp, 'volumeAttributesClassName'],
          'volume/attributes-class-invalid',
          `Invalid value ${show(vac)}: ${m}: name a VolumeAttributesClass`,
        ),
      );
  }
  return out;
}

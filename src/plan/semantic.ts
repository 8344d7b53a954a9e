/**
 * apiequality.Semantic.DeepEqual on decoded manifests, the comparison the DaemonSet strategy uses to
 * decide that the pod template changed (PrepareForUpdate) and that the selector is immutable.
 *
 * JSON is compared as Go sees it after decoding: null, `[]` and a missing field are all nil (the forked
 * reflect.DeepEqual treats empty and nil slices and maps as equal); a Go value field at its zero value
 * (`""`, `0`, `false`, `{}` of a struct value) is the same as a missing one, while a pointer field
 * (`privileged: false`, `securityContext: {}`) is not; quantities compare by value (`1000m` = `1`).
 */
import { comparePaths, type FieldPath, key, type PathSegment } from '../validate/issue';
import { isObject } from '../validate/read';
import { quantityFromJson } from '../validate/rules/_shared/quantity';

/**
 * Scalar fields that are Go pointers in the DaemonSet's types (k8s.io/api apps/v1, core/v1):
 * their zero value is stored and differs from absence. Keyed `parent.field` where the pointer-ness
 * depends on the parent (csi's readOnly is a pointer, a volumeMount's is not).
 */
// biome-ignore format: a list of names
const POINTER_SCALARS = new Set([
  'privileged', 'runAsUser', 'runAsGroup', 'runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation',
  'procMount', 'fsGroup', 'fsGroupChangePolicy', 'activeDeadlineSeconds', 'terminationGracePeriodSeconds',
  'automountServiceAccountToken', 'shareProcessNamespace', 'priority', 'runtimeClassName', 'enableServiceLinks',
  'preemptionPolicy', 'setHostnameAsFQDN', 'hostUsers', 'optional', 'defaultMode', 'mode', 'sizeLimit',
  'expirationSeconds', 'minDomains', 'nodeAffinityPolicy', 'nodeTaintsPolicy', 'tolerationSeconds', 'hostProcess',
  'gmsaCredentialSpecName', 'gmsaCredentialSpec', 'runAsUserName', 'localhostProfile', 'storageClassName',
  'volumeMode', 'volumeAttributesClassName', 'mountPropagation', 'recursiveReadOnly', 'service', 'hostnameOverride',
  'supplementalGroupsPolicy', 'seLinuxChangePolicy', 'revisionHistoryLimit', 'maxUnavailable', 'maxSurge',
  'restartPolicy', 'csi.readOnly', 'csi.fsType', 'azureDisk.readOnly', 'azureDisk.fsType', 'azureDisk.kind',
  'azureDisk.cachingMode', 'hostPath.type',
]);

/** Object fields that are Go maps or struct values: `{}` is the same as absent. Every other object is a pointer. */
// biome-ignore format: a list of names
const VALUE_OBJECTS = new Set([
  'metadata', 'labels', 'annotations', 'spec', 'template', 'matchLabels', 'updateStrategy', 'resources', 'limits',
  'requests', 'overhead', 'nodeSelector', 'volumeAttributes', 'options',
]);

/** Go maps: their keys are map keys in field paths (`labels[app]`). */
const MAP_FIELDS = new Set([
  'labels',
  'annotations',
  'matchLabels',
  'limits',
  'requests',
  'overhead',
  'nodeSelector',
  'volumeAttributes',
  'options',
]);

/** Maps whose values are quantities; `sizeLimit` and `divisor` are single quantities. */
const QUANTITY_MAPS = new Set(['limits', 'requests', 'overhead']);
const QUANTITY_FIELDS = new Set(['sizeLimit', 'divisor']);

/** A quantity in canonical form: its exact value in nano-units. */
function canonicalQuantity(v: unknown): unknown {
  const q = quantityFromJson(v);
  return q?.ok ? `quantity:${q.quantity.nanos}` : v;
}

function isZeroScalar(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

/**
 * The value as Go would hold it, for comparison: absent-equivalent values become undefined, objects
 * lose absent-equivalent fields, quantities become their value. `name` is the field's own name and
 * `parent` the enclosing field's (for the parent-specific pointer fields).
 */
export function canonical(v: unknown, name = '', parent = ''): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    // List items keep their place: an absent-equivalent item is still an item (a zero struct).
    return v.map((item) => canonical(item, '', name) ?? null);
  }
  if (isObject(v)) {
    const quantities = QUANTITY_MAPS.has(name);
    const out: Record<string, unknown> = {};
    let size = 0;
    for (const k of Object.keys(v)) {
      const value = quantities ? canonicalQuantity(v[k]) : canonical(v[k], k, name);
      if (value === undefined) continue;
      // A `__proto__` key must stay data; assignment would set the prototype instead.
      if (k === '__proto__')
        Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      else out[k] = value;
      size++;
    }
    if (size === 0 && (VALUE_OBJECTS.has(name) || MAP_FIELDS.has(parent))) return undefined;
    return out;
  }
  if (QUANTITY_FIELDS.has(name)) return canonicalQuantity(v);
  if (isZeroScalar(v) && !POINTER_SCALARS.has(name) && !POINTER_SCALARS.has(`${parent}.${name}`)) {
    // A map's entries are kept whatever their value: `labels: {a: ""}` is not `labels: {}`.
    return MAP_FIELDS.has(parent) ? v : undefined;
  }
  return v;
}

/** Equality of two canonical values. */
export function equalCanonical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equalCanonical(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && equalCanonical(a[k], b[k]));
  }
  return false;
}

/** apiequality.Semantic.DeepEqual of two decoded fields named `name`. */
export function semanticEqual(a: unknown, b: unknown, name = ''): boolean {
  return equalCanonical(canonical(a, name), canonical(b, name));
}

/**
 * Pushes the field paths at which two canonical values differ; a whole added or removed subtree is
 * one path. `path` is one stack shared by the walk (copied only when a difference is found), since
 * most of two manifests is equal and a copy per visited field is most of the cost.
 */
function diffCanonical(a: unknown, b: unknown, path: PathSegment[], out: FieldPath[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length || i < b.length; i++) {
      path.push(i);
      if (i >= a.length || i >= b.length) out.push([...path]);
      else diffCanonical(a[i], b[i], path, out);
      path.pop();
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const last = path[path.length - 1];
    const isMap = typeof last === 'string' && MAP_FIELDS.has(last);
    for (const k of Object.keys(a)) {
      path.push(isMap ? key(k) : k);
      if (!Object.hasOwn(b, k)) out.push([...path]);
      else diffCanonical(a[k], b[k], path, out);
      path.pop();
    }
    for (const k of Object.keys(b)) {
      if (Object.hasOwn(a, k)) continue;
      path.push(isMap ? key(k) : k);
      out.push([...path]);
      path.pop();
    }
    return;
  }
  out.push([...path]);
}

/** The field paths where canonical `b` differs from canonical `a`, sorted as they appear. */
export function changedCanonicalPaths(a: unknown, b: unknown): FieldPath[] {
  const out: FieldPath[] = [];
  diffCanonical(a, b, [], out);
  return out.length > 1 ? out.sort(comparePaths) : out;
}

/** True when `canonical(v, name, parent)` is undefined (Go's nil or zero value), without building it. */
function absent(v: unknown, name: string, parent: string): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) {
    if (!VALUE_OBJECTS.has(name) && !MAP_FIELDS.has(parent)) return false;
    const quantities = QUANTITY_MAPS.has(name);
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      if (quantities ? v[k] !== undefined : !absent(v[k], k, name)) return false;
    }
    return true;
  }
  if (QUANTITY_FIELDS.has(name)) return false;
  if (isZeroScalar(v) && !POINTER_SCALARS.has(name) && !POINTER_SCALARS.has(`${parent}.${name}`))
    return !MAP_FIELDS.has(parent);
  return false;
}

/**
 * diffCanonical of canonical(a) and canonical(b), both present (not absent), walking the decoded
 * values themselves: the canonical copies of two whole manifests were a fifth of what plan
 * allocated. `keyed` is true when the value was reached by a field name (not a list index or a
 * map key): only then is a map field's content a map whose keys are written `[key]` in paths.
 */
function diffPresent(
  a: unknown,
  b: unknown,
  name: string,
  keyed: boolean,
  path: PathSegment[],
  out: FieldPath[],
): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length || i < b.length; i++) {
      // Most of two manifests is equal: an equal item is passed over before any path work.
      if (i < a.length && i < b.length && a[i] === b[i]) continue;
      path.push(i);
      if (i >= a.length || i >= b.length) out.push([...path]);
      else diffChild(a[i], b[i], '', name, false, path, out);
      path.pop();
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const isMap = keyed && MAP_FIELDS.has(name);
    if (QUANTITY_MAPS.has(name)) {
      // Values are quantities, compared by value; anything else as it is (canonical's rule).
      for (const k in a) {
        if (!Object.hasOwn(a, k) || a[k] === undefined) continue;
        const inB = Object.hasOwn(b, k) && b[k] !== undefined;
        // The same text is the same quantity: parsed only when the two are written differently.
        if (inB && a[k] === b[k]) continue;
        path.push(isMap ? key(k) : k);
        if (!inB) out.push([...path]);
        else diffCanonical(canonicalQuantity(a[k]), canonicalQuantity(b[k]), path, out);
        path.pop();
      }
      for (const k in b) {
        if (!Object.hasOwn(b, k) || b[k] === undefined || (Object.hasOwn(a, k) && a[k] !== undefined)) continue;
        path.push(isMap ? key(k) : k);
        out.push([...path]);
        path.pop();
      }
      return;
    }
    const keys = Object.keys(a);
    const bKeys = Object.keys(b);
    // The same fields in the same order, as two manifests written alike mostly have: each is own
    // on both sides, so no look-up of ownership is needed, and b has no field a lacks.
    const same = sameKeys(keys, bKeys);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const ak = a[k];
      const bk = same || Object.hasOwn(b, k) ? b[k] : undefined;
      if (ak === bk) continue; // equal values: absent alike or equal alike
      path.push(isMap ? key(k) : k);
      diffChild(ak, bk, k, name, !isMap, path, out);
      path.pop();
    }
    if (same) return;
    for (const k of bKeys) {
      if (Object.hasOwn(a, k) || absent(b[k], k, name)) continue;
      path.push(isMap ? key(k) : k);
      out.push([...path]);
      path.pop();
    }
    return;
  }
  if (isObject(a) || isObject(b) || Array.isArray(a) || Array.isArray(b)) {
    out.push([...path]);
    return;
  }
  const quantity = QUANTITY_FIELDS.has(name);
  if ((quantity ? canonicalQuantity(a) : a) !== (quantity ? canonicalQuantity(b) : b)) out.push([...path]);
}

/** Whether two lists of keys are the same, in the same order. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function diffChild(
  a: unknown,
  b: unknown,
  name: string,
  parent: string,
  keyed: boolean,
  path: PathSegment[],
  out: FieldPath[],
): void {
  const aAbsent = absent(a, name, parent);
  const bAbsent = absent(b, name, parent);
  if (aAbsent || bAbsent) {
    if (aAbsent !== bAbsent) out.push([...path]);
    return;
  }
  diffPresent(a, b, name, keyed, path, out);
}

/**
 * The field paths where `b` differs from `a` after canonicalization, sorted as they appear: the
 * same as changedPaths, without building the canonical copies.
 */
export function semanticDiff(a: unknown, b: unknown, name = ''): FieldPath[] {
  const out: FieldPath[] = [];
  diffChild(a, b, name, '', false, [], out);
  return out.length > 1 ? out.sort(comparePaths) : out;
}

/** The field paths where `b` differs from `a` after canonicalization, sorted as they appear. */
export function changedPaths(a: unknown, b: unknown, name = ''): FieldPath[] {
  return changedCanonicalPaths(canonical(a, name), canonical(b, name));
}

/**
 * Downward API field selectors (1.27), shared by env (`valueFrom.fieldRef`, `resourceFieldRef`)
 * and downward API volumes (`items[].fieldRef`, `items[].resourceFieldRef`).
 */
import { HUGEPAGES_FIELD_PREFIXES, isOneOf, RESOURCE_FIELD_PATHS } from '../../api-values';
import type { FieldPath, Issue } from '../../issue';
import { get, goString, issue, show } from '../../read';
import { qualifiedNameErrors } from './names';
import { quantityFromJson, unitString } from './quantity';

// ConvertDownwardAPIFieldLabel (pkg/apis/core/pods, 1.27): the labels a v1 fieldRef may name
// (status.hostIPs only arrived in 1.28).
const CONVERTIBLE_FIELD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.podIP',
  'status.podIPs',
]);

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['k']` → path and subscript. */
function splitSubscript(fp: string): { path: string; subscript: string } | undefined {
  if (!fp.endsWith("']")) return undefined;
  const s = fp.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return { path: s.slice(0, at), subscript: s.slice(at + 2) };
}

/**
 * validateObjectFieldSelector (1.27), shared with downward API volumes. apiVersion "" was
 * defaulted to v1 (SetDefaults_ObjectFieldSelector). `code` prefixes the issue codes.
 */
export function validateObjectFieldSelector(
  fs: unknown,
  allowed: readonly string[],
  path: FieldPath,
  area: string,
  /** Labels the minor's ConvertDownwardAPIFieldLabel converts beyond 1.27's (status.hostIPs from 1.28). */
  convertible: readonly string[],
): Issue[] {
  const apiVersion = goString(get(fs, 'apiVersion'));
  const fieldPath = goString(get(fs, 'fieldPath'));
  if (apiVersion === undefined || fieldPath === undefined) return [];
  if (fieldPath === '') {
    return [issue([...path, 'fieldPath'], `${area}/field-path-required`, `Required value: e.g. ${show(allowed[0])}`)];
  }
  const version = apiVersion === '' ? 'v1' : apiVersion;
  let internal = fieldPath;
  let convertError: string | undefined;
  const sub = splitSubscript(fieldPath);
  if (version !== 'v1') convertError = `unsupported pod version: ${version}`;
  else if (sub !== undefined) {
    if (sub.path !== 'metadata.annotations' && sub.path !== 'metadata.labels')
      convertError = `field label does not support subscript: ${fieldPath}`;
  } else if (fieldPath === 'spec.host') internal = 'spec.nodeName';
  else if (!CONVERTIBLE_FIELD_LABELS.has(fieldPath) && !convertible.includes(fieldPath))
    convertError = `field label not supported: ${fieldPath}`;
  if (convertError !== undefined) {
    return [
      issue(
        [...path, 'fieldPath'],
        `${area}/field-path-unsupported`,
        `Invalid value ${show(fieldPath)}: error converting fieldPath: ${convertError}; supported: ${allowed.join(', ')}`,
      ),
    ];
  }
  if (sub !== undefined) {
    const key = sub.path === 'metadata.annotations' ? sub.subscript.toLowerCase() : sub.subscript;
    return qualifiedNameErrors(key).map((m) =>
      issue(path, `${area}/field-path-key-invalid`, `Invalid value ${show(key)}: ${m}`),
    );
  }
  if (allowed.includes(internal)) return [];
  return [
    issue(
      [...path, 'fieldPath'],
      `${area}/field-path-unsupported`,
      `Unsupported value ${show(internal)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`,
    ),
  ];
}

const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/**
 * validateContainerResourceFieldSelector + validateContainerResourceDivisor (1.27), shared with
 * downward API volumes (`volume` makes containerName required). Hugepages are always allowed:
 * DownwardAPIHugePages is on in 1.27.
 */
export function validateResourceFieldSelector(fs: unknown, path: FieldPath, volume: boolean, area: string): Issue[] {
  const out: Issue[] = [];
  const containerName = goString(get(fs, 'containerName'));
  const resource = goString(get(fs, 'resource'));
  if (volume && containerName === '') {
    out.push(
      issue(
        [...path, 'containerName'],
        `${area}/resource-container-required`,
        'Required value: name the container whose resources are exposed',
      ),
    );
  } else if (resource === '') {
    out.push(
      issue(
        [...path, 'resource'],
        `${area}/resource-required`,
        `Required value: one of ${RESOURCE_FIELD_PATHS.join(', ')}`,
      ),
    );
  } else if (
    resource !== undefined &&
    !isOneOf(RESOURCE_FIELD_PATHS, resource) &&
    !HUGEPAGES_FIELD_PREFIXES.some((pre) => resource.startsWith(pre))
  ) {
    out.push(
      issue(
        [...path, 'resource'],
        `${area}/resource-unsupported`,
        `Unsupported value ${show(resource)}: supported values: ${RESOURCE_FIELD_PATHS.map((r) => `"${r}"`).join(', ')}, or requests./limits.hugepages-<size>`,
      ),
    );
  }
  if (resource === undefined) return out;
  const divisor = get(fs, 'divisor');
  const q = quantityFromJson(divisor); // undefined when unset (or of another type)
  // A malformed quantity fails decoding before validation runs: types.ts reports it once.
  if (!q?.ok) return out;
  if (q.quantity.nanos === 0n) return out; // an unset divisor
  const unit = unitString(q.quantity);
  let allowed: string[] | undefined;
  let what = '';
  if (resource === 'limits.cpu' || resource === 'requests.cpu') [allowed, what] = [CPU_DIVISORS, 'the cpu resource'];
  else if (resource === 'limits.memory' || resource === 'requests.memory')
    [allowed, what] = [BYTE_DIVISORS, 'the memory resource'];
  else if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage')
    [allowed, what] = [BYTE_DIVISORS, 'the local ephemeral storage resource'];
  if (allowed !== undefined && (unit === undefined || !allowed.includes(unit))) {
    out.push(
      issue(
        [...path, 'divisor'],
        `${area}/divisor-unsupported`,
        `Invalid value ${show(resource)}: divisor ${show(divisor)} is not supported: only divisor's values ${allowed.join(', ')} are supported with ${what}`,
      ),
    );
  }
  if (
    HUGEPAGES_FIELD_PREFIXES.some((pre) => resource.startsWith(pre)) &&
    (unit === undefined || !BYTE_DIVISORS.includes(unit))
  ) {
    out.push(
      issue(
        [...path, 'divisor'],
        `${area}/divisor-unsupported`,
        `Invalid value ${show(resource)}: divisor ${show(divisor)} is not supported: only divisor's values ${BYTE_DIVISORS.join(', ')} are supported with the hugepages resource`,
      ),
    );
  }
  return out;
}

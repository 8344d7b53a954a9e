import { INT64_MAX, INT64_MIN } from '../exact-integers';
import { type Issue, key } from '../issue';
import { field, get, isObject, show } from '../read';

/**
 * apps/v1 has no `spec.templateGeneration`: its wire form is this annotation, which
 * Convert_v1_DaemonSet_To_apps_DaemonSet (pkg/apis/apps/v1/conversion.go:106-113, 1.27 … 1.34)
 * parses with `strconv.ParseInt(value, 10, 64)` and removes while the request body is decoded. A
 * value that is not a base-10 int64 fails the request (HTTP 400) before any validation, on create
 * and on update alike; any int64 passes, since PrepareForCreate raises one below 1 to 1 and
 * PrepareForUpdate replaces it with the stored one.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** strconv.ParseInt(s, 10, 64) succeeds: an optional sign, decimal digits only, within int64. */
export function isGoInt64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= INT64_MIN && n <= INT64_MAX;
}

/** The decode error of an apps/v1 DaemonSet whose template-generation annotation ParseInt refuses. */
export function templateGenerationErrors(manifest: unknown): Issue[] {
  const annotations = field(manifest, 'metadata', 'annotations');
  if (!isObject(annotations)) return [];
  const v = get(annotations, TEMPLATE_GENERATION_ANNOTATION);
  // Another type is the walk's error (annotations are strings); a missing key sets nothing.
  if (typeof v !== 'string' || isGoInt64(v)) return [];
  return [
    {
      path: ['metadata', 'annotations', key(TEMPLATE_GENERATION_ANNOTATION)],
      code: 'type/template-generation-not-an-integer',
      message: `the API server reads this annotation as spec.templateGeneration and must parse it as a base-10 int64 (strconv.ParseInt), got ${show(v)}: write a whole number such as "1", or leave the annotation out (the server sets the generation itself)`,
    },
  ];
}

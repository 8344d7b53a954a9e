/**
 * A validation issue is data (after zod's `$ZodIssue`): where, what code, what message.
 * Paths stay arrays until they are shown, so a caller can prefix them (`prefixIssues`).
 */

/** A map key in a field path, rendered `[key]` as apimachinery's `field.Path.Key` does. */
export interface MapKey {
  /** The key, e.g. `nvidia.com/gpu`. */
  readonly key: string;
}

/** One step of a field path: a struct field, a list index, or a map key. */
export type PathSegment = string | number | MapKey;

/** A field path from the root of a manifest. */
export type FieldPath = readonly PathSegment[];

/** Something the API server would reject: where (field path), which rule (code) and why (message). */
export interface Issue {
  /** Field path from the manifest root, e.g. `['spec', 'template', 'spec', 'containers', 0, 'name']`. */
  readonly path: FieldPath;
  /** Stable rule code, `area/what`, e.g. `volume/nfs-path-not-absolute`. */
  readonly code: string;
  /** What is wrong and what would be right. */
  readonly message: string;
}

/** Builds a map-key path segment. */
export function key(k: string): MapKey {
  return { key: k };
}

/** Renders a path as the API server prints it: `spec.containers[0].resources.limits[nvidia.com/gpu]`. */
export function toFieldPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string') out += out === '' ? seg : `.${seg}`;
    else out += `[${seg.key}]`;
  }
  return out;
}

/** Returns the issues with `prefix` put before each path (zod's `prefixIssues`). */
export function prefixIssues(prefix: FieldPath, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}

function compareSegment(a: PathSegment | undefined, b: PathSegment | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'object' ? a.key : String(a);
  const sb = typeof b === 'object' ? b.key : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Field paths in document order: segment by segment, a parent before its children. */
export function comparePaths(a: FieldPath, b: FieldPath): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegment(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** Orders issues by path (indexes numerically), then code, then message: output independent of rule order. */
export function compareIssues(a: Issue, b: Issue): number {
  const c = comparePaths(a.path, b.path);
  if (c !== 0) return c;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** One line per issue: `field.path: message [code]`, optionally after a location (construct path, `file:doc`). */
export function formatIssue(issue: Issue, location?: string): string {
  const where = toFieldPath(issue.path) || '(document)';
  return `${location ? `${location} ` : ''}${where}: ${issue.message} [${issue.code}]`;
}

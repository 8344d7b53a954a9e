/**
 * Path, file-mode and key-to-path checks of volume sources (1.27), shared by the in-tree sources,
 * projections and volume mounts.
 */
import type { FieldPath, Issue } from '../../issue';
import { get, goString, issue, show } from '../../read';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

export function required(path: FieldPath, what: string): Issue {
  return issue(path, 'volume/field-required', `Required value: ${what}`);
}

/** An empty (Go "") string field is required. */
export function requireString(
  src: unknown,
  k: string,
  path: FieldPath,
  out: Issue[],
  what = `set ${k}`,
): string | undefined {
  const v = goString(get(src, k));
  if (v === '') out.push(required([...path, k], what));
  return v;
}

// validatePathNoBacksteps (1.27): the elements between '/' only. Its filepath.ToSlash changes
// nothing on the Linux API server, so a backslash is an ordinary character ("a\\..\\b" passes).
export function noBacksteps(p: string, path: FieldPath, area = 'volume'): Issue[] {
  if (!p.includes('..')) return []; // no '..' anywhere, so no '..' element
  return p.split('/').includes('..')
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
export function localNonReservedPath(p: string, path: FieldPath): Issue[] {
  const out = localDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../'))
    out.push(issue(path, 'volume/path-reserved', `Invalid value ${show(p)}: must not start with '..'`));
  return out;
}

export function fileMode(v: unknown, path: FieldPath): Issue[] {
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
export function keyToPath(kp: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  requireString(kp, 'key', path, out, 'name the key to project');
  const p = requireString(kp, 'path', path, out, 'give the relative file path to project the key to');
  if (p !== undefined) out.push(...localNonReservedPath(p, [...path, 'path']));
  out.push(...fileMode(get(kp, 'mode'), [...path, 'mode']));
  return out;
}

/**
 * Type guards and data comparison for manifest values (untrusted YAML-decoded data).
 * Only JSON values can be written as code and synthesized back: YAML 1.1 timestamps (Date),
 * binary (Uint8Array) and the like are refused by `firstNonJsonValue`.
 */
import { has } from '../validate/read';

/** A manifest object: a plain, non-array object. */
export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Keys cdk8s cannot render inside construct output: its `sanitizeValue` assigns `obj[key] = v`
 * (so `__proto__` is lost) and reads `obj.constructor.name` (so an own `constructor` throws).
 * Maps holding them are written by escape hatch, whole.
 */
export const UNRENDERABLE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);

/** A map of strings (labels, annotations, nodeSelector) that cdk8s can render. */
export function isRenderableStringMap(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.entries(v).every(([k, x]) => typeof x === 'string' && !UNRENDERABLE_KEYS.has(k));
}

export function isString(v: unknown): v is string {
  return typeof v === 'string';
}

export function isNumber(v: unknown): v is number {
  return typeof v === 'number';
}

export function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}

export function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}

/** Whether every key of `o` is one of `keys`. */
export function onlyKeys(o: Rec, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

/** A checker for one of a fixed set of strings (the constructs' string-literal union types). */
export function oneOf<T extends string>(...values: readonly T[]): (v: unknown) => v is T {
  return (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** Where the first value that is not plain JSON data sits, as a readable path, or undefined. */
export function firstNonJsonValue(v: unknown, path = ''): string | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = firstNonJsonValue(v[i], `${path}[${i}]`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (isRecord(v)) {
    for (const [k, x] of Object.entries(v)) {
      const bad = firstNonJsonValue(x, path === '' ? k : `${path}.${k}`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  const what = typeof v === 'object' && v !== null ? (v.constructor?.name ?? 'object') : typeof v;
  return `${path || '(document)'} (${what})`;
}

/** Deep equality of JSON data: key order is ignored, `__proto__` keys count, NaN equals NaN. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => has(b, k) && sameData(a[k], b[k]));
  }
  return Object.is(a, b) || (a === 0 && b === 0);
}

/** JSON text with keys sorted at every level (`__proto__` keys included), for diffs. */
export function sortedJson(v: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${inner}${sortedJson(x, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (isRecord(v)) {
    const keys = Object.keys(v).sort();
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${sortedJson(v[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v) ?? String(v);
}

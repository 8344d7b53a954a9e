/**
 * Safe reading of untrusted manifest data: YAML from users can hold any type anywhere, and keys
 * such as `__proto__` must never reach an object's prototype chain.
 */

import { exactIntegerAt } from './exact-integers';
import type { FieldPath, Issue } from './issue';

export type JsonObject = { readonly [k: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ownProperty = Object.prototype.hasOwnProperty;

/** Whether `o` has `k` as its own key (never the prototype's `constructor` or `toString`). */
export function has(o: object, k: string): boolean {
  return ownProperty.call(o, k);
}

/** Own property `k` of `v`, or undefined when `v` is not an object or lacks it. */
export function get(v: unknown, k: string): unknown {
  // isObject written out: rules read about 250 fields per manifest, and until the JIT inlines
  // the call (much of a CLI run) it is paid on every read.
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  // One look-up, not an ownership test and then a read. Manifest data holds no functions, so a
  // function found is the prototype's (`constructor`, `toString`); only `__proto__`, whose
  // inherited value is an object, needs asking whether it is own.
  const x = (v as JsonObject)[k];
  return typeof x === 'function' || (k === '__proto__' && !ownProperty.call(v, k)) ? undefined : x;
}

/** Nested own property, e.g. `field(vol, 'nfs', 'path')`. */
export function field(v: unknown, ...keys: string[]): unknown;
// Up to four keys as plain parameters: every rule reads fields this way, and a rest array per
// call is garbage the interpreter (a CLI run is mostly first pass) cannot avoid.
export function field(v: unknown, a?: string, b?: string, c?: string, d?: string, ...more: string[]): unknown {
  if (a === undefined) return v;
  let cur = get(v, a);
  if (b === undefined || cur === undefined) return cur;
  cur = get(cur, b);
  if (c === undefined || cur === undefined) return cur;
  cur = get(cur, c);
  if (d === undefined || cur === undefined) return cur;
  cur = get(cur, d);
  for (let i = 0; i < more.length && cur !== undefined; i++) cur = get(cur, more[i]);
  return cur;
}

/** `v` when it is an array, else an empty one (a wrong type is reported by the type rules). */
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Own entries of `v` when it is an object, else none. */
export function entries(v: unknown): [string, unknown][] {
  return isObject(v) ? Object.entries(v) : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** JSON-ish rendering of a value for messages, bounded so a huge value cannot flood the output. */
export function show(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** `v` when it is an object (a Go pointer to a struct: nil unless an object), else undefined. */
export function asObject(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

/**
 * A string field as the server decodes it: absent or null is "" (Go's zero value), a string is
 * itself, any other type is undefined (reported by the type rules, so semantic rules skip it).
 */
export function goString(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : undefined;
}

/** An integer field as the server decodes it: absent or null is 0; undefined when not an integer. */
export function goInt(v: unknown): number | undefined {
  if (v === undefined || v === null) return 0;
  // Number.isInteger is false for every non-number, so it is the whole type check.
  return Number.isInteger(v) ? (v as number) : undefined;
}

/** An integer field, or undefined when absent, null or not an integer (the type rules' job). */
export function int(v: unknown): number | undefined {
  return Number.isInteger(v) ? (v as number) : undefined;
}

/**
 * The integer at `container[k]` as the manifest wrote it, for messages: beyond 2^53 a number is
 * only the nearest double, and the YAML reader keeps the written value beside it (exact-integers.ts).
 */
export function intText(container: object, k: string | number, n: number): string {
  return String(exactIntegerAt(container, k) ?? n);
}

/** True when an optional (pointer) field is set: present and not null. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** The issue builder every rule uses. */
export function issue(path: FieldPath, code: string, message: string): Issue {
  return { path, code, message };
}

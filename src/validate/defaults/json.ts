/**
 * Small writers for untrusted JSON data, with Go's zero-value semantics: the defaulters set a field
 * where Go sees its zero value (`""`, `0`, nil), and skip a node whose type is wrong (strict
 * decoding would have refused the manifest before any defaulting ran).
 */
import { anyExactIntegers, copyExactIntegers } from '../exact-integers';
import { isObject } from '../read';

/** A plain object we may write to (our own copy, never the caller's input). */
export type Writable = Record<string, unknown>;

/**
 * A deep copy of plain data; `__proto__` keys stay own data properties. The exact integers the
 * YAML reader recorded beside the data (exact-integers.ts) come along, once any were recorded.
 */
export function cloneJson<T>(v: T): T {
  return anyExactIntegers() ? cloneCarrying(v) : clonePlain(v);
}

function clonePlain<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clonePlain) as T;
  if (typeof v !== 'object' || v === null) return v;
  const out: Writable = {};
  for (const k of Object.keys(v)) setOwn(out, k, clonePlain((v as Writable)[k]));
  return out as T;
}

function cloneCarrying<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  const out = Array.isArray(v) ? v.map(cloneCarrying) : {};
  if (!Array.isArray(v)) for (const k of Object.keys(v)) setOwn(out as Writable, k, cloneCarrying((v as Writable)[k]));
  copyExactIntegers(v, out);
  return out as T;
}

/** `out[k] = value`, with `__proto__` set as an own data property (as JSON.parse does), never as the prototype. */
function setOwn(out: Writable, k: string, value: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  else out[k] = value;
}

/** `o[k]` as a writable object, or undefined when it is absent or of another type. */
export function objectAt(o: Writable, k: string): Writable | undefined {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  return isObject(v) ? (v as Writable) : undefined;
}

/**
 * `o[k]` as a writable object, created when absent or null (a Go struct field that decoding left
 * at its zero value); undefined when it holds another type.
 */
export function ensureObject(o: Writable, k: string): Writable | undefined {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  if (v === undefined || v === null) {
    const created: Writable = {};
    o[k] = created;
    return created;
  }
  return isObject(v) ? (v as Writable) : undefined;
}

/**
 * The items of list `o[k]` that are `null` become `{}`: in a list of Go structs, sigs.k8s.io/json
 * grows the slice and leaves the element of a JSON `null` at its zero value, which the defaulters
 * then see as any other element.
 */
export function zeroNullItems(o: Writable, k: string): void {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  if (!Array.isArray(v)) return;
  for (let i = 0; i < v.length; i++) if (v[i] === null) v[i] = {};
}

/** The writable objects of list `o[k]`; other items are passed over. */
export function objectsIn(o: Writable, k: string): Writable[] {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  return Array.isArray(v) ? (v.filter(isObject) as Writable[]) : [];
}

function unset(o: Writable, k: string): boolean {
  return !Object.hasOwn(o, k) || o[k] === undefined || o[k] === null;
}

/** `if obj.F == "" { obj.F = value }` for a Go string. */
export function defaultString(o: Writable, k: string, value: string): void {
  if (unset(o, k) || o[k] === '') o[k] = value;
}

/** `if obj.F == 0 { obj.F = value }` for a Go number. */
export function defaultNumber(o: Writable, k: string, value: number): void {
  if (unset(o, k) || o[k] === 0) o[k] = value;
}

/** `if obj.F == nil { obj.F = &value }` for a Go pointer. */
export function defaultPointer(o: Writable, k: string, value: unknown): void {
  if (unset(o, k)) o[k] = value;
}

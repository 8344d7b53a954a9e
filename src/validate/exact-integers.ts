/**
 * Integers of a manifest that a JS number cannot hold exactly (beyond ±(2^53 - 1)), kept beside
 * the manifest rather than in it, so the manifest stays plain JSON data (numbers, not bigints) for
 * every reader of it. kubectl sends the digits as written and Go's strict decoder checks them
 * against int64 and int32 exactly: `9223372036854775807` fits an int64 field, while the JS number
 * it reads as, 2^63, would not. The YAML reader records what it read (src/yaml/exact-reader.ts),
 * the strict-decode walk (rules/types.ts) reads it back, and cloneJson carries it to copies.
 *
 * Keyed by the object or array that holds the number, and the key or index it sits at.
 */
const EXACT = new WeakMap<object, Map<string | number, bigint>>();

/** Go's int64 range. */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
let recorded = false;

/** Records that `container[key]` holds the number nearest to `value`, which is exactly `value`. */
export function recordExactInteger(container: object, key: string | number, value: bigint): void {
  recorded = true;
  let m = EXACT.get(container);
  if (m === undefined) {
    m = new Map();
    EXACT.set(container, m);
  }
  m.set(key, value);
}

/** Forgets what was recorded for `container[key]`, which now holds another value. */
export function forgetExactInteger(container: object, key: string | number): void {
  EXACT.get(container)?.delete(key);
}

/** The exact integer recorded for `container[key]`, if any. */
export function exactIntegerAt(container: object, key: string | number): bigint | undefined {
  return recorded ? EXACT.get(container)?.get(key) : undefined;
}

/** False until any exact integer has been recorded: copies need not look for them before. */
export function anyExactIntegers(): boolean {
  return recorded;
}

/** Gives `to` (a copy of `from`) the exact integers recorded for `from`. */
export function copyExactIntegers(from: object, to: object): void {
  const m = EXACT.get(from);
  if (m !== undefined) EXACT.set(to, new Map(m));
}

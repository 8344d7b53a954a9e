/**
 * The strings the block reader (block-reader.ts) has read before: keys, and plain string values
 * of up to MAX_VALUE characters, each found by a hash of its text and checked against the text
 * before use, so the same text read again is the same string.
 *
 * Keys: manifests repeat a few hundred. Taking the string made the first time, rather than a new
 * slice V8 must look up in its string table for every property set, makes mappings ~2x cheaper.
 * (A slot array in place of the Map, V8's own copy of the name in place of the slice, a loop in
 * place of startsWith: no fewer instructions, measured.)
 *
 * Values: the manifests of a plan's two sides then share their equal strings, which the diff
 * finds equal by identity, without comparing their characters; and fewer strings are made.
 */

const MAX_ENTRIES = 4096;

/** The longest value kept: a longer one is rarely repeated. */
export const MAX_VALUE = 100;

/**
 * A key read before, with the number of the last mapping that used it. Mappings are numbered in
 * the order they open (openMapping), so a key last used by a mapping opened before the current one
 * cannot be in it yet: only the rest need the look-up for a duplicate.
 */
export interface CachedKey {
  readonly text: string;
  usedBy: number;
}

const KEYS = new Map<number, CachedKey>();
const VALUES = new Map<number, string>();

/** The number of the last mapping opened, by any reader. */
let mappings = 0;

/** Numbers a mapping as it opens. */
export function openMapping(): number {
  return ++mappings;
}

/** Whether `s` is the text from `start` to `end`. */
function holds(s: string, text: string, start: number, end: number): boolean {
  return s.length === end - start && text.startsWith(s, start);
}

/** The key read before whose text runs from `start` to `end` with this hash, if any. */
export function cachedKey(hash: number, text: string, start: number, end: number): CachedKey | undefined {
  const cached = KEYS.get(hash);
  return cached !== undefined && holds(cached.text, text, start, end) ? cached : undefined;
}

/** Keeps a key just read, as used by the mapping reading it, or one it holds: the last opened is at least that one. */
export function keepKey(hash: number, key: string): void {
  if (KEYS.size >= MAX_ENTRIES) KEYS.clear();
  KEYS.set(hash, { text: key, usedBy: mappings });
}

/** The value read before whose text runs from `start` to `end` with this hash, if any. */
export function cachedValue(hash: number, text: string, start: number, end: number): string | undefined {
  const cached = VALUES.get(hash);
  return cached !== undefined && holds(cached, text, start, end) ? cached : undefined;
}

/** Keeps a plain value just read that is a string of its own text (the next reading of that text resolves alike). */
export function keepValue(hash: number, value: string): void {
  if (VALUES.size >= MAX_ENTRIES) VALUES.clear();
  VALUES.set(hash, value);
}

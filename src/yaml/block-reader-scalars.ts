import { plainValue } from './go-yaml-resolve';

/**
 * What the block reader (block-reader.ts) takes of characters and scalars, shared by its scanners:
 * the characters it lets through, those that cannot open a plain scalar, and a plain scalar's
 * value as kubectl would send it.
 */

/** Thrown to decline the chunk, which the exact reader then reads: nothing is wrong with the input, it is only outside the block reader's subset. */
export const DECLINE = Symbol('refuse');

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An implicit key may not run past 1024 characters; a longer line is left to the readers that check it. */
export const MAX_LINE = 1000;

/** Characters that cannot open a plain scalar here (YAML's indicators, `-` only before a space). */
export const NOT_PLAIN_FIRST = new Uint8Array(0x80);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_FIRST[ch.charCodeAt(0)] = 1;

/**
 * Printable ASCII and the BMP's printable range: not C0/C1 controls, tab, DEL, NEL, LS, PS,
 * surrogates, BOM or U+FFFE/U+FFFF. Characters go-yaml takes for line breaks (NEL, LS, PS) are
 * exactly where readers part ways.
 */
export function printable(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && c !== 0x7f;
  return c >= 0xa0 && c !== 0x2028 && c !== 0x2029 && (c < 0xd800 || c > 0xdfff) && c !== 0xfeff && c < 0xfffe;
}

/** What a plain item of a flow sequence may hold: letters, digits and `_ . / = + @ -` (the last two not first). */
export const FLOW_PLAIN = new Uint8Array(0x80);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=@+-')
  FLOW_PLAIN[ch.charCodeAt(0)] = 1;

/** A plain scalar's value as encoding/json writes what go-yaml decoded; refused where that is not a JSON number or string. */
export function plainScalar(s: string): unknown {
  const small = smallDecimal(s);
  if (small >= 0) return small;
  if (s === '<<') throw DECLINE;
  const v = plainValue(s);
  if (typeof v === 'bigint') {
    if (v > MAX_SAFE || v < -MAX_SAFE) throw DECLINE;
    return Number(v);
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw DECLINE;
    return v === 0 ? 0 : v;
  }
  return v;
}

/**
 * The value of up to 15 decimal digits without a leading zero (or of `0`), which plainValue reads
 * as an int and plainScalar turns into this number (exact: below 2^53); -1 for any other text.
 * Ports, counts and seconds are most of a manifest's numbers, and spared a bigint this way.
 */
function smallDecimal(s: string): number {
  const length = s.length;
  if (length === 0 || length > 15 || (length > 1 && s.charCodeAt(0) === 0x30)) return -1;
  let v = 0;
  for (let i = 0; i < length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

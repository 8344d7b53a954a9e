import { isObject } from '../read';
import { quantityFromJson } from '../rules/_shared/quantity';
import type { Writable } from './json';

const NANOS_PER_MILLI = 1_000_000n;

/**
 * SetDefaults_ResourceList (core/v1 defaults.go, 1.27 … 1.34): every quantity is rounded up to
 * milli scale (`val.RoundUp(-3)`). Only values finer than a milli change; they are written as
 * milli units (`100u` → `1m`), the same value the server stores. Unparseable values stay for
 * validation to report.
 */
export function defaultResourceList(o: Writable, k: string): void {
  const list = o[k];
  if (!isObject(list)) return;
  const out = list as Writable;
  for (const name of Object.keys(out)) {
    // Quantity.UnmarshalJSON (1.27 … 1.34) reads `null` as zero, and the map keeps the entry: a
    // `cpu: null` limit is a limit of 0 that a request must not exceed, and is stored as "0".
    if (out[name] === null) {
      out[name] = '0';
      continue;
    }
    const parsed = quantityFromJson(out[name]);
    if (!parsed?.ok) continue;
    const nanos = parsed.quantity.nanos;
    const rem = nanos % NANOS_PER_MILLI;
    if (rem === 0n) continue;
    // RoundUp rounds away from zero (1.27 quantity.go negativeScaleInt64, inf.RoundUp): -100u is
    // -1m, which validation then refuses; bigint division truncates toward zero, so step outwards.
    const milli = nanos / NANOS_PER_MILLI + (nanos > 0n ? 1n : -1n);
    out[name] = `${milli}m`;
  }
}

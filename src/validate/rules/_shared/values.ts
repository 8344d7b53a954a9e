/**
 * Value checks shared by several rule files: int-or-percent values (apimachinery `intstr`), local
 * paths, Go's NotSupported text. IP addresses are in `ip.ts`.
 */
import { show } from '../../read';

/** An int-or-string value as intstr decodes it from JSON. */
export type IntOrPercent =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'invalid'; readonly raw: string };

const PERCENT_RE = /^[0-9]+%$/;

/**
 * Reads an intstr.IntOrString: an integer, or a string `N%` (IsValidPercent). Any other string is
 * `invalid`; a value of another type gives undefined (the type rules report it).
 */
export function parseIntOrPercent(v: unknown): IntOrPercent | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: v } : undefined;
  if (typeof v !== 'string') return undefined;
  if (!PERCENT_RE.test(v)) return { kind: 'invalid', raw: v };
  // Past int64, Go's strconv.Atoi gives the largest int (with an error the callers ignore):
  // either way the value is far above 100%.
  return { kind: 'percent', value: Number(v.slice(0, -1)) };
}

/**
 * GetScaledValueFromIntOrPercent: an int as is, a percent of `total`, rounded up or down.
 * Undefined for an invalid value.
 */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number | undefined {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'invalid') return undefined;
  const x = (v.value * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/**
 * validateLocalDescendingPath (1.27): a relative path without a '..' element. Returns the
 * messages, empty when valid (seccomp localhost profiles; also used by volumes' relative paths).
 */
export function localDescendingPathErrors(p: string): string[] {
  const errs: string[] = [];
  if (p.startsWith('/')) errs.push('must be a relative path');
  if (p.split('/').includes('..')) errs.push("must not contain '..'");
  return errs;
}

export const MAX_INT32 = 2 ** 31 - 1;

/** Go's field.NotSupported detail: the value given and the values allowed. */
export function notSupported(value: string, allowed: readonly string[]): string {
  return `Unsupported value: ${show(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`;
}

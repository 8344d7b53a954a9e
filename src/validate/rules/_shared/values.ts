/**
 * Value checks shared by several rule files: IP addresses as the 1.27 API server parses them,
 * and int-or-percent values (apimachinery `intstr`).
 */
import { show } from '../../read';

const IPV4_LEN = 4;
const IPV6_LEN = 16;

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function hexValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return -1;
}

const BIG = 0xffffff;

// parseIPv4 of k8s.io/utils/net ParseIPSloppy (Go 1.16's net.ParseIP): four decimal parts,
// leading zeros allowed and read as decimal ("010" is 10).
function parseIPv4(s: string): number[] | undefined {
  const out: number[] = [];
  let rest = s;
  for (let i = 0; i < IPV4_LEN; i++) {
    if (rest.length === 0) return undefined;
    if (i > 0) {
      if (rest[0] !== '.') return undefined;
      rest = rest.slice(1);
    }
    let n = 0;
    let c = 0;
    while (c < rest.length && isDigit(rest[c])) {
      n = n * 10 + (rest.charCodeAt(c) - 48);
      c++;
      if (n >= BIG) return undefined;
    }
    if (c === 0 || n > 0xff) return undefined;
    rest = rest.slice(c);
    out.push(n);
  }
  return rest.length === 0 ? out : undefined;
}

// parseIPv6 of Go 1.16's net.ParseIP (no zone): hex groups of any length up to 0xFFFF, one "::",
// an optional trailing dotted IPv4.
function parseIPv6(input: string): boolean {
  let s = input;
  let ellipsis = -1;
  let i = 0;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return true;
  }
  while (i < IPV6_LEN) {
    let n = 0;
    let c = 0;
    while (c < s.length && hexValue(s[c]) >= 0) {
      n = n * 16 + hexValue(s[c]);
      c++;
      if (n >= BIG) return false;
    }
    if (c === 0 || n > 0xffff) return false;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== IPV6_LEN - IPV4_LEN) return false;
      if (i + IPV4_LEN > IPV6_LEN) return false;
      if (parseIPv4(s) === undefined) return false;
      s = '';
      i += IPV4_LEN;
      break;
    }
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return false;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return false;
  if (i < IPV6_LEN) return ellipsis >= 0;
  return ellipsis < 0;
}

/**
 * IsValidIP (apimachinery 0.27), i.e. `netutils.ParseIPSloppy(value) != nil`: an IPv4 address
 * (leading zeros allowed) or an IPv6 address without a zone.
 */
export function isValidIP(value: string): boolean {
  for (const ch of value) {
    if (ch === '.') return parseIPv4(value) !== undefined;
    if (ch === ':') return parseIPv6(value);
  }
  return false;
}

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

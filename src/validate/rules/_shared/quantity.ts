/**
 * resource.Quantity as apimachinery v0.27 parses it (`pkg/api/resource/quantity.go`,
 * `suffix.go`): a port of `parseQuantityString` + `ParseQuantity`, keeping the value exactly as a
 * count of nano-units (Go rounds any non-zero value up to 1n, so nanos lose nothing Go keeps).
 */

/** The three formats a quantity remembers; they decide its canonical string. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 10^9, exact, signed. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

/** The Go parser's error text, so messages match the API server's. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_ERROR = "unable to parse quantity's suffix";

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const DIGITS = '0123456789';
const SUFFIX_CHARS = 'eEinumkKMGTP';

// parseQuantityString (v0.27): a fast scanner, deliberately permissive ("1.G", "Mi" and "+" pass;
// the suffix is checked afterwards).
function scan(str: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // strip leading zeros
  for (;;) {
    if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
    if (str[pos] !== '0') break;
    pos++;
  }
  let i = pos;
  while (i < end && DIGITS.includes(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, num, denom: '', suffix: '' };
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && DIGITS.includes(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, num, denom, suffix: '' };
    pos = i;
  }
  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_CHARS.includes(str[i])) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && DIGITS.includes(str[i])) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  return undefined; // a non-digit after the exponent: ErrFormatWrong
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  '': 0,
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

// suffixHandler.interpret (v0.27): table suffixes, else e/E followed by a strconv.ParseInt int64.
function interpret(s: string): Suffix | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, s)) {
    return { base: 10, exponent: DECIMAL_SUFFIXES[s], format: 'DecimalSI' };
  }
  if (Object.hasOwn(BINARY_SUFFIXES, s)) {
    return { base: 2, exponent: BINARY_SUFFIXES[s], format: 'BinarySI' };
  }
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    const rest = s.slice(1);
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined;
    const n = BigInt(rest);
    if (n > INT64_MAX || n < INT64_MIN) return undefined;
    // Go keeps int32(parsed): wrap like a two's-complement cast.
    const wrapped = Number(BigInt.asIntN(32, n));
    return { base: 10, exponent: wrapped, format: 'DecimalExponent' };
  }
  return undefined;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  // a >= 0, b > 0
  return (a + b - 1n) / b;
}

/** Parsed quantities by their text: a fleet repeats the same few ("100m", "128Mi") thousands of times. */
const PARSED = new Map<string, QuantityResult>();
const PARSED_MAX = 4096;

/** ParseQuantity (v0.27): the exact string rules; no whitespace allowed. */
export function parseQuantity(str: string): QuantityResult {
  let r = PARSED.get(str);
  if (r === undefined) {
    // Results are shared between callers, so frozen: a caller that tried to change one would throw.
    r = Object.freeze(parse(str));
    if (r.ok) Object.freeze(r.quantity);
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(str, r);
  }
  return r;
}

function parse(str: string): QuantityResult {
  if (str.length === 0) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  if (str === '0') return { ok: true, quantity: { nanos: 0n, format: 'DecimalSI' } };
  const s = scan(str);
  if (s === undefined) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const suf = interpret(s.suffix);
  if (suf === undefined) return { ok: false, error: SUFFIX_ERROR };
  // Exponents this large cannot come from a sensible manifest; refuse rather than build a
  // number with billions of digits (Go would carry them in an inf.Dec).
  if (Math.abs(suf.exponent) > 10000) return { ok: false, error: 'quantity exponent out of the supported range' };
  let mag = BigInt(s.num + s.denom);
  let scale = -s.denom.length; // value = mag × 10^scale
  if (suf.base === 10) scale += suf.exponent;
  else mag *= 1n << BigInt(suf.exponent);
  // Round the magnitude up to whole nanos, as Go does for any non-zero value.
  let nanos = scale + 9 >= 0 ? mag * pow10(scale + 9) : ceilDiv(mag, pow10(-(scale + 9)));
  let format = suf.format;
  if (format === 'BinarySI') {
    // Go caps BinarySI at the int64 maximum, and shows a value in (0, 1) as DecimalSI.
    const cap = INT64_MAX * 1_000_000_000n;
    if (nanos > cap) nanos = cap;
    if (nanos > 0n && nanos < 1_000_000_000n && s.denom.length > 0) format = 'DecimalSI';
  }
  return { ok: true, quantity: { nanos: s.positive ? nanos : -nanos, format } };
}

/**
 * Quantity.UnmarshalJSON (v0.27): a JSON string or number, surrounding whitespace trimmed.
 * Undefined when `v` is of another type (the type rules report it).
 */
export function quantityFromJson(v: unknown): QuantityResult | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, error: QUANTITY_FORMAT_ERROR };
    return parseQuantity(String(v));
  }
  if (typeof v !== 'string') return undefined;
  return parseQuantity(v.trim());
}

/**
 * The quantity a common typo meant: byte units as other tools write them (`1Gb`, `1GB`, `1GiB`,
 * `512mb`, `64 KB`) are Kubernetes' binary suffixes (`1Gi`, `512Mi`, `64Ki`), which is what a memory
 * or storage size almost always intends. Undefined when the text is no such typo.
 */
export function quantitySuggestion(text: string): string | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*([kmgtpe])(?:i?b|i)\s*$/i.exec(text);
  if (!m) return undefined;
  const suggestion = `${m[1]}${m[2].toUpperCase()}i`;
  return suggestion === text ? undefined : suggestion;
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Quantity.ScaledValue: q / 10^scale rounded away from zero, scale 0 for Value(), -3 for MilliValue(). */
export function scaledValue(q: Quantity, scale: number): bigint {
  const unit = pow10(9 + scale);
  if (q.nanos >= 0n) return ceilDiv(q.nanos, unit);
  return -ceilDiv(-q.nanos, unit); // negativeScaleInt64 (amount.go v0.27): -1.0001 is -1001m, not -1000m
}

const DEC_SUFFIX_BY_EXP: Readonly<Record<number, string>> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BIN_SUFFIX_BY_EXP: Readonly<Record<number, string>> = {
  10: 'Ki',
  20: 'Mi',
  30: 'Gi',
  40: 'Ti',
  50: 'Pi',
  60: 'Ei',
};

/**
 * Quantity.String() when it is one unit ("1", "1m", "1Ki", "1e3"...), undefined otherwise (and for
 * values of zero or less): the divisor rules accept only such strings. Read off quantityString, so
 * a value Go prints as a unit is one here too: `1000E` prints as "1" (DecimalSI has no suffix for
 * 10^21), and the 1.27 server accepts it as a cpu divisor.
 */
export function unitString(q: Quantity): string | undefined {
  const s = quantityString(q); // "0" and "-1..." are no unit
  return /^1(?:[a-zA-Z]*|e-?\d+)$/.test(s) ? s : undefined;
}

/**
 * Quantity.String() (CanonicalizeBytes, v0.27 to v0.34 alike) of any value: BinarySI prints whole
 * values of at least 1024 in magnitude as a mantissa and a power of 1024 (`4Mi`), anything else
 * prints as DecimalSI; DecimalSI and DecimalExponent move every factor of 10 into an exponent
 * that is a multiple of 3 (`1500m`, `1500k`, `1e3`). Go prints no suffix where its table has none.
 */
export function quantityString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  const negative = q.nanos < 0n;
  const abs = negative ? -q.nanos : q.nanos;
  const sign = negative ? '-' : '';
  if (format === 'BinarySI' && (abs < 1024n * 1_000_000_000n || abs % 1_000_000_000n !== 0n)) format = 'DecimalSI';
  if (format === 'BinarySI') {
    let amount = abs / 1_000_000_000n;
    let times = 0;
    while (amount % 1024n === 0n) {
      amount /= 1024n;
      times++;
    }
    return `${sign}${amount}${BIN_SUFFIX_BY_EXP[times * 10] ?? ''}`;
  }
  let amount = abs;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  // Go's % keeps the dividend's sign, as JavaScript's does: -1 and -2 also need moving down.
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalSI') return `${sign}${amount}${DEC_SUFFIX_BY_EXP[exponent] ?? ''}`;
  return `${sign}${amount}${exponent === 0 ? '' : `e${exponent}`}`;
}

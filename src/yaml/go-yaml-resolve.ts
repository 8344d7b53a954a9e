/**
 * The scalar types kubectl 1.27 gives YAML: gopkg.in/yaml.v2 v2.4.0's resolve.go (the versions
 * kubectl 1.27.16 is built with: `go version -m kubectl`), as seen through sigs.k8s.io/yaml v1.3.0's
 * YAMLToJSON. Not the YAML 1.1 spec and not the yaml package's `yaml-1.1` schema, which read
 * `12:30` as 750 (go-yaml has no sexagesimals), `2001-12-14` as a Date (go-yaml hands
 * timestamps to interface{} as their text), `0o17` as a string, and `08` as a string (go-yaml: 8).
 *
 * Resolved values keep their Go kind so map keys can be turned into JSON keys as YAMLToJSON does:
 * ints are bigint (exact, as Go keeps them), floats are number, timestamps are strings.
 */

export const STR_TAG = 'tag:yaml.org,2002:str';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const NULL_TAG = 'tag:yaml.org,2002:null';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
export const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** The value of a plain `<<` (or `!!merge <<`): a merge when it is a map key, the string "<<" otherwise. */
export const MERGE_KEY: unique symbol = Symbol('<<');

/** A scalar as go-yaml v2 resolves it: int → bigint, float → number, timestamp → its text. */
export type GoScalar = null | boolean | bigint | number | string | typeof MERGE_KEY;

export const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/** resolveMap of resolve.go. */
const RESOLVE_MAP = new Map<string, [string, GoScalar]>();
for (const [tag, value, words] of [
  [BOOL_TAG, true, 'y Y yes Yes YES true True TRUE on On ON'],
  [BOOL_TAG, false, 'n N no No NO false False FALSE off Off OFF'],
  [NULL_TAG, null, '~ null Null NULL'],
  [FLOAT_TAG, NaN, '.nan .NaN .NAN'],
  [FLOAT_TAG, Infinity, '.inf .Inf .INF +.inf +.Inf +.INF'],
  [FLOAT_TAG, -Infinity, '-.inf -.Inf -.INF'],
] as Array<[string, GoScalar, string]>) {
  for (const w of words.split(' ')) RESOLVE_MAP.set(w, [tag, value]);
}
RESOLVE_MAP.set('', [NULL_TAG, null]);

/** resolveTable of resolve.go: the first character decides what a plain scalar may be. */
function hintOf(s: string): string | undefined {
  if (s === '') return 'N';
  const c = s.charCodeAt(0);
  return c < 0x80 ? HINTS[c] : undefined;
}

/** resolveTable itself, by character code. */
const HINTS: Array<string | undefined> = new Array(0x80).fill(undefined);
HINTS[0x2b] = HINTS[0x2d] = 'S';
for (let c = 0x30; c <= 0x39; c++) HINTS[c] = 'D';
for (const ch of 'yYnNtTfFoO~') HINTS[ch.charCodeAt(0)] = 'M';
HINTS[0x2e] = '.';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** strconv.ParseUint(s, base, 64); base 0 reads the 0b/0o/0x/0 prefixes. Undefined on error. */
function parseUint(s: string, base: number): bigint | undefined {
  if (s === '') return undefined;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? s[1].toLowerCase() : '';
      if (p === 'b') {
        base = 2;
        s = s.slice(2);
      } else if (p === 'o') {
        base = 8;
        s = s.slice(2);
      } else if (p === 'x') {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  }
  if (s.length <= 13) {
    // Exact in a double (16^13 < 2^53): no BigInt arithmetic per digit for the short numbers manifests hold.
    let v = 0;
    for (let i = 0; i < s.length; i++) {
      const o = s.charCodeAt(i);
      const c = o | 0x20; // an ASCII letter in lower case
      const d = o >= 0x30 && o <= 0x39 ? o - 0x30 : o >= 0x41 && c >= 0x61 && c <= 0x7a ? c - 0x61 + 10 : -1;
      if (d < 0 || d >= base) return undefined;
      v = v * base + d;
    }
    return BigInt(v);
  }
  let n = 0n;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch.toLowerCase());
    if (d < 0 || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  return n;
}

/** strconv.ParseInt(s, base, 64). */
function parseInt64(s: string, base: number): bigint | undefined {
  if (s === '') return undefined;
  const neg = s[0] === '-';
  const u = parseUint(s[0] === '+' || s[0] === '-' ? s.slice(1) : s, base);
  if (u === undefined) return undefined;
  const n = neg ? -u : u;
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** strconv.ParseFloat(s, 64) for the decimal spellings resolve.go lets through; Inf means ErrRange. */
function parseFloat64(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What strconv.ParseFloat accepts of a string starting with '.' (once underscoreOK has passed). */
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

/** strconv's underscoreOK for a decimal number: each underscore sits between two digits. */
function underscoreOK(s: string): boolean {
  return !/(^|[^0-9])_|_([^0-9]|$)/.test(s);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// allowedTimestampFormats of resolve.go, as Go's time.Parse reads them: "2006-1-2T15:4:5.999999999Z07:00"
// (and with a lower-case t), "2006-1-2 15:4:5.999999999", "2006-1-2".
const TIMESTAMP_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?)?$/;

/** parseTimestamp of resolve.go (time.Parse's range checks included). */
function isTimestamp(s: string): boolean {
  const m = TIMESTAMP_RE.exec(s);
  if (!m) return false;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  const h = m[4] ?? m[9];
  if (h !== undefined) {
    const [hh, mm, ss] = m[4] !== undefined ? [+m[4], +m[5], +m[6]] : [+m[9], +m[10], +m[11]];
    if (hh > 23 || mm > 59 || ss > 59) return false;
  }
  if (m[7] !== undefined && (+m[7] > 24 || +m[8] > 60)) return false;
  return true;
}

/** Go's `int(intv)` results, kept exact. */
function intResult(n: bigint): [string, GoScalar] {
  return [INT_TAG, n];
}

/** go-yaml's failf: a decode error. */
export class GoYamlError extends Error {}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** The tags resolve() works out itself; any other is kept as it is (or is !!binary). */
const RESOLVED_TAGS: ReadonlySet<string> = new Set([
  '',
  STR_TAG,
  BOOL_TAG,
  INT_TAG,
  FLOAT_TAG,
  NULL_TAG,
  TIMESTAMP_TAG,
]);

/**
 * resolve(tag, in) of go-yaml v2.4.0 resolve.go: the tag and value of a scalar, tag "" for a
 * plain scalar without a tag. Throws GoYamlError where go-yaml fails ("cannot decode ...").
 */
export function goResolve(tag: string, input: string): [string, GoScalar] {
  if (!RESOLVED_TAGS.has(tag)) {
    if (tag === BINARY_TAG) return [BINARY_TAG, decodeBinary(input)];
    // isMerge of decode.go: `<<` tagged !!merge is a merge key; any other unknown tag reads as a string.
    return [tag, tag === MERGE_TAG && input === '<<' ? MERGE_KEY : input];
  }
  const [rtag, out] = resolveUntagged(tag, input);
  if (tag === '' || tag === rtag || tag === STR_TAG) return [rtag, out];
  if (tag === FLOAT_TAG && rtag === INT_TAG && typeof out === 'bigint' && out <= INT64_MAX)
    return [FLOAT_TAG, Number(out)];
  throw new GoYamlError(`cannot decode ${shortTag(rtag)} \`${input}\` as a ${shortTag(tag)}`);
}

/**
 * The value goResolve('', input) gives a plain scalar, without building its [tag, value] pair:
 * the readers call it for every plain scalar, and most are strings that the first character
 * (or, for y/n/t/f/o/~, a look-up of resolveMap) settles at once.
 */
export function plainValue(input: string): GoScalar {
  const hint = hintOf(input);
  if (hint === undefined) return input;
  if (hint === 'M') {
    const item = RESOLVE_MAP.get(input);
    return item === undefined ? input : item[1];
  }
  if (hint === 'D' && !couldBeNumeric(input)) return input;
  return resolveUntagged('', input)[1];
}

/**
 * What a plain scalar starting with a digit may hold and read as a number: an int in any base
 * (`0x1F`, `0O17`, `0b1`, `1_000`) or a float (`1.5e+3`). resolveUntagged reads nothing else as
 * other than its own text (a timestamp, `2001-12-14 21:59:43`, is kept as its text too).
 */
const NUMERIC = new Uint8Array(0x80);
for (const ch of '0123456789abcdefABCDEFxXoO_.+-') NUMERIC[ch.charCodeAt(0)] = 1;

/**
 * False when a character rules out every reading but the text itself (`100m`, `128Mi`, `10s`,
 * `1.2.3-rc1`), so resolveUntagged's replace, parses and patterns are spared for the quantities
 * and versions manifests are full of.
 */
function couldBeNumeric(input: string): boolean {
  for (let i = 1; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x80 || NUMERIC[c] === 0) return false;
  }
  return true;
}

function resolveUntagged(tag: string, input: string): [string, GoScalar] {
  const hint = hintOf(input);
  if (hint === undefined || tag === STR_TAG) return [STR_TAG, input];
  const item = RESOLVE_MAP.get(input);
  if (item) return item;
  // "Base 60 floats are a bad idea, were dropped in YAML 1.2, and are purposefully unsupported here."
  if (hint === '.') {
    const plain = input.replace(/_/g, '');
    const f = DOT_FLOAT.test(plain) && underscoreOK(input) ? parseFloat64(plain) : undefined;
    if (f !== undefined) return [FLOAT_TAG, f];
  } else if (hint === 'D' || hint === 'S') {
    if (
      (tag === '' || tag === TIMESTAMP_TAG) &&
      input.length > 4 &&
      input[4] === '-' &&
      /^\d{4}/.test(input) &&
      isTimestamp(input)
    ) {
      // decode.go keeps a timestamp's text when decoding into interface{} ("for backward compatibility").
      return [TIMESTAMP_TAG, input];
    }
    const plain = input.replace(/_/g, '');
    const i = parseInt64(plain, 0);
    if (i !== undefined) return intResult(i);
    const u = parseUint(plain, 0);
    if (u !== undefined) return intResult(u);
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = parseFloat64(plain);
      if (f !== undefined) return [FLOAT_TAG, f];
    }
    if (plain.startsWith('0b')) {
      // ParseInt(plain[2:], 2, 64) takes a sign: `0b-101` is -5.
      const b = parseInt64(plain.slice(2), 2) ?? parseUint(plain.slice(2), 2);
      if (b !== undefined) return intResult(b);
    } else if (plain.startsWith('-0b')) {
      const b = parseInt64(`-${plain.slice(3)}`, 2);
      if (b !== undefined) return intResult(b);
    }
  }
  return [STR_TAG, input];
}

/**
 * base64.StdEncoding.DecodeString (padding required; only \r and \n skipped), then the bytes as
 * encoding/json writes a Go string: each byte of an invalid UTF-8 sequence becomes U+FFFD.
 */
function decodeBinary(input: string): string {
  const b64 = input.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) {
    throw new GoYamlError('!!binary value contains invalid base64 data');
  }
  return goUtf8(Buffer.from(b64, 'base64'));
}

/** utf8.DecodeRune's reading of bytes: anything invalid is one U+FFFD per byte. */
function goUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let size = 0;
    let cp = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      size = 1;
      cp = b;
    } else if (b >= 0xc2 && b <= 0xdf) {
      size = 2;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      size = 3;
      cp = b & 0x0f;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      size = 4;
      cp = b & 0x07;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = size > 0 && i + size <= bytes.length;
    for (let k = 1; ok && k < size; k++) {
      const c = bytes[i + k];
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok) {
      out += String.fromCodePoint(cp);
      i += size;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

/**
 * strconv.FormatFloat(f, 'g', -1, 32), how YAMLToJSON spells a float map key, with go-yaml's
 * names for the infinities and NaN: `1e3: x` is {"1000": "x"}, `1e7: x` is {"1e+07": "x"},
 * `3.14159265358979: x` is {"3.1415927": "x"} (float32 precision).
 */
export function formatFloatKey(f: number): string {
  const x = Math.fround(f);
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let exp = '';
  for (let p = 1; p <= 9; p++) {
    exp = x.toExponential(p - 1);
    if (Math.fround(Number(exp)) === x) break;
  }
  const [mant, e] = exp.split('e');
  const neg = mant.startsWith('-');
  const digits = mant.replace(/[-.]/g, '').replace(/0+$/, '') || '0';
  const dp = Number(e) + 1;
  let s: string;
  if (dp - 1 < -4 || dp - 1 >= 6) {
    const ee = dp - 1;
    const abs = Math.abs(ee);
    s = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${ee < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  } else if (dp <= 0) {
    s = `0.${'0'.repeat(-dp)}${digits}`;
  } else if (dp >= digits.length) {
    s = digits + '0'.repeat(dp - digits.length);
  } else {
    s = `${digits.slice(0, dp)}.${digits.slice(dp)}`;
  }
  return neg ? `-${s}` : s;
}

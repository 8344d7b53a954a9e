/**
 * IP addresses as the API server reads and prints them. Validation parses with
 * k8s.io/utils/net ParseIPSloppy (Go 1.16's net.ParseIP) in every minor; from 1.33 the warnings
 * (apimachinery util/validation GetWarningsForIP) also parse with Go's net/netip ParseAddr, which
 * is the same parser without the leniencies, and print addresses as Go does.
 */

const IPV4_LEN = 4;
const IPV6_LEN = 16;

/** An address: its 16 bytes (an IPv4 address IPv4-mapped, as in a Go net.IP) and whether it was written as IPv6. */
export interface ParsedIP {
  readonly bytes: readonly number[];
  readonly v6: boolean;
}

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

// parseIPv4 of Go 1.16's net.ParseIP: four decimal parts, leading zeros allowed and read as
// decimal ("010" is 10); netip's parseIPv4Fields (`strict`) refuses them.
function parseIPv4(s: string, strict: boolean): number[] | undefined {
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
    if (strict && c > 1 && rest[0] === '0') return undefined;
    rest = rest.slice(c);
    out.push(n);
  }
  return rest.length === 0 ? out : undefined;
}

// parseIPv6 of Go 1.16's net.ParseIP (no zone): hex groups of any length up to 0xFFFF, one "::",
// an optional trailing dotted IPv4. netip's parseIPv6 (`strict`) has the same structure, with at
// most four hex digits a group (checked before it looks for a dot, so also for a tail's first part).
// Neither takes a zone here: ParseIPSloppy refuses one, and netip is only asked of what it accepted.
function parseIPv6(input: string, strict: boolean): number[] | undefined {
  const ip: number[] = new Array(IPV6_LEN).fill(0);
  let s = input;
  let ellipsis = -1;
  let i = 0;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  while (i < IPV6_LEN) {
    let n = 0;
    let c = 0;
    while (c < s.length && hexValue(s[c]) >= 0) {
      n = n * 16 + hexValue(s[c]);
      c++;
      if (n >= BIG) return undefined;
    }
    if (c === 0 || n > 0xffff) return undefined;
    if (strict && c > 4) return undefined;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== IPV6_LEN - IPV4_LEN) return undefined;
      if (i + IPV4_LEN > IPV6_LEN) return undefined;
      const v4 = parseIPv4(s, strict);
      if (v4 === undefined) return undefined;
      ip.splice(i, IPV4_LEN, ...v4);
      s = '';
      i += IPV4_LEN;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < IPV6_LEN) {
    if (ellipsis < 0) return undefined;
    // The groups after the "::" move to the end; the bytes between become zeros.
    const after = ip.slice(ellipsis, i);
    ip.fill(0, ellipsis);
    ip.splice(IPV6_LEN - after.length, after.length, ...after);
    return ip;
  }
  return ellipsis < 0 ? ip : undefined;
}

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

// Both parsers let the first '.' or ':' decide the family.
function parse(value: string, strict: boolean): ParsedIP | undefined {
  for (const ch of value) {
    if (ch === '.') {
      const v4 = parseIPv4(value, strict);
      return v4 && { bytes: [...V4_IN_V6_PREFIX, ...v4], v6: false };
    }
    if (ch === ':') {
      const v6 = parseIPv6(value, strict);
      return v6 && { bytes: v6, v6: true };
    }
  }
  return undefined;
}

/** k8s.io/utils/net ParseIPSloppy (Go 1.16's net.ParseIP); undefined where it returns nil. */
export function parseIPSloppy(value: string): ParsedIP | undefined {
  return parse(value, false);
}

/**
 * Go's netip.ParseAddr (Go 1.24) for a value ParseIPSloppy accepts: it also refuses an IPv4 part
 * with a leading zero and an IPv6 group of more than four hex digits.
 */
export function parseAddr(value: string): ParsedIP | undefined {
  return parse(value, true);
}

/** Go's To4 test: ten zero bytes, then 0xff 0xff (netip's Is4In6 for an address written as IPv6). */
export function isIPv4Mapped(bytes: readonly number[]): boolean {
  return V4_IN_V6_PREFIX.every((b, i) => bytes[i] === b);
}

/**
 * net.IP's String (Go 1.24, which netip's Addr.String shares for IPv6): an IPv4-mapped address as
 * dotted decimal, any other in RFC 5952 form, lower-case groups without leading zeros and the first
 * longest run of two or more zero groups as "::".
 */
export function formatIP(bytes: readonly number[]): string {
  if (isIPv4Mapped(bytes)) return bytes.slice(IPV6_LEN - IPV4_LEN).join('.');
  const groups: string[] = [];
  for (let g = 0; g < IPV6_LEN; g += 2) groups.push(((bytes[g] << 8) | bytes[g + 1]).toString(16));
  let start = 0;
  let length = 0;
  let run = 0;
  groups.forEach((group, g) => {
    run = group === '0' ? run + 1 : 0;
    if (run >= 2 && run > length) {
      start = g - run + 1;
      length = run;
    }
  });
  if (length === 0) return groups.join(':');
  return `${groups.slice(0, start).join(':')}::${groups.slice(start + length).join(':')}`;
}

/**
 * IsValidIP (apimachinery 0.27), i.e. `netutils.ParseIPSloppy(value) != nil`: an IPv4 address
 * (leading zeros allowed) or an IPv6 address without a zone.
 */
export function isValidIP(value: string): boolean {
  return parseIPSloppy(value) !== undefined;
}

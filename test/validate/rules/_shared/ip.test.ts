import { describe, expect, it } from 'vitest';
import { formatIP, isIPv4Mapped, isValidIP, parseAddr, parseIPSloppy } from '../../../../src/validate/rules/_shared/ip';

// IsValidIP is netutils.ParseIPSloppy (Go 1.16's net.ParseIP). Each address below was given to the
// 1.27 API server as a hostAliases IP (k8s-oracle run 1.27), which accepted exactly the valid ones.
describe('isValidIP', () => {
  it.each([
    '1.2.3.4',
    '010.0.0.1', // leading zeros, read as decimal
    '::',
    '::1',
    'fe80::1',
    'FE80::A',
    '2001:db8::',
    '1:2:3:4:5:6:7:8',
    '::ffff:1.2.3.4',
    '::1.2.3.4',
    '1:2:3:4:5:6:1.2.3.4',
    '1:2:3:4:5:6:7::',
    '00000001::', // any number of hex digits up to 0xFFFF
    '255.255.255.255',
    '192.168.0.9',
    '2001:db8::a',
  ])('accepts %s', (ip) => {
    expect(isValidIP(ip)).toBe(true);
  });

  it.each([
    '',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.',
    '1..2.3',
    'a.b.c.d',
    '1.2.3.-4',
    '0xa.1.1.1',
    '99999999.1.1.1',
    '1.2.3.4:80',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:1.2.3.4',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1::1.2.3',
    '1::2::3',
    ':1',
    '1:',
    ':',
    '1:2:3:4:5:6:7:8::',
    '1:2:3:4:5:6:7:8:',
    '12345::',
    'ffffff::',
    '::g',
    'fe80::1%eth0',
    'localhost',
    '1.2.3/4', // a separator other than '.'
    '1:::2', // an empty group
    ':::1',
    '::1::2', // a second '::' after a leading one
    '1::2%3', // a numeric zone
    '1::2:3:4:5:6:7:1.2.3.4', // the IPv4 tail past the 16 bytes
    '::1:2:3:4:5:6:7:8', // '::' standing for no group
    '::1:2:3:4:5:6:1.2.3.4',
  ])('rejects %j', (ip) => {
    expect(isValidIP(ip)).toBe(false);
  });
});

const bytes = (...groups: number[]) => groups.flatMap((g) => [g >> 8, g & 0xff]);

describe('parseIPSloppy and parseAddr', () => {
  it('gives the 16 bytes of a Go net.IP, an IPv4 address IPv4-mapped', () => {
    expect(parseIPSloppy('1.2.3.4')).toEqual({ bytes: bytes(0, 0, 0, 0, 0, 0xffff, 0x102, 0x304), v6: false });
    expect(parseIPSloppy('::ffff:1.2.3.4')).toEqual({
      bytes: bytes(0, 0, 0, 0, 0, 0xffff, 0x102, 0x304),
      v6: true,
    });
    expect(parseIPSloppy('::')?.bytes).toEqual(bytes(0, 0, 0, 0, 0, 0, 0, 0));
    expect(parseAddr('1:2::3')?.bytes).toEqual(bytes(1, 2, 0, 0, 0, 0, 0, 3));
    expect(parseAddr('1::2:3:4:5:6:7')?.bytes).toEqual(bytes(1, 0, 2, 3, 4, 5, 6, 7));
    expect(parseAddr('1:2:3:4:5:6:7::')?.bytes).toEqual(bytes(1, 2, 3, 4, 5, 6, 7, 0));
    expect(parseAddr('fe80::1.2.3.4')?.bytes).toEqual(bytes(0xfe80, 0, 0, 0, 0, 0, 0x102, 0x304));
    expect(parseIPSloppy('1:2:3:4:5:6:255.0.10.1')?.bytes).toEqual(bytes(1, 2, 3, 4, 5, 6, 0xff00, 0x0a01));
    expect(parseIPSloppy('00ABc::')?.bytes).toEqual(bytes(0xabc, 0, 0, 0, 0, 0, 0, 0));
    expect(parseIPSloppy('010.0.0.1')?.bytes.slice(12)).toEqual([10, 0, 0, 1]);
  });

  // netip.ParseAddr (Go 1.24): no leading zero in an IPv4 part, wherever it stands; at most four
  // hex digits in a group. Everything else it reads as ParseIPSloppy does.
  it.each(['010.0.0.1', '1.2.3.00', '::1.2.3.04', '::01.2.3.4', '::0001.2.3.4', '00001::', '::0ffff:1.2.3.4'])(
    'strictly refuses %s, which ParseIPSloppy accepts',
    (ip) => {
      expect(parseIPSloppy(ip)).toBeDefined();
      expect(parseAddr(ip)).toBeUndefined();
    },
  );

  it.each(['0.0.0.0', '10.0.0.255', '0001::', 'ABCD::', '::ffff:0.0.0.0', '1:2:3:4:5:6:1.2.3.4', '::'])(
    'strictly accepts %s',
    (ip) => {
      expect(parseAddr(ip)).toEqual(parseIPSloppy(ip));
    },
  );

  it.each(['', '256.0.0.1', '1.2.3', 'fe80::1%eth0', '12345::', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3'])(
    'refuses %j under both syntaxes',
    (ip) => {
      expect(parseIPSloppy(ip)).toBeUndefined();
      expect(parseAddr(ip)).toBeUndefined();
    },
  );
});

describe('isIPv4Mapped', () => {
  it('is ten zero bytes and 0xffff, nothing else', () => {
    expect(isIPv4Mapped(bytes(0, 0, 0, 0, 0, 0xffff, 1, 2))).toBe(true);
    expect(isIPv4Mapped(bytes(0, 0, 0, 0, 0, 0xfffe, 1, 2))).toBe(false);
    expect(isIPv4Mapped(bytes(0, 0, 0, 0, 0, 0xff, 1, 2))).toBe(false);
    expect(isIPv4Mapped(bytes(0, 0, 0, 0, 1, 0xffff, 1, 2))).toBe(false);
    expect(isIPv4Mapped(bytes(0x100, 0, 0, 0, 0, 0xffff, 1, 2))).toBe(false);
    expect(isIPv4Mapped(bytes(0, 0, 0, 0, 0, 0, 0, 0))).toBe(false);
  });
});

// net.IP's String as the 1.33 server prints it in its warnings (k8s-oracle run 1.33).
describe('formatIP', () => {
  it.each([
    [bytes(0, 0, 0, 0, 0, 0xffff, 0x102, 0x304), '1.2.3.4'],
    [bytes(0, 0, 0, 0, 0, 0xffff, 0, 0), '0.0.0.0'],
    [bytes(0, 0, 0, 0, 0, 0xfffe, 0x102, 0x304), '::fffe:102:304'],
    [bytes(0, 0, 0, 0, 0, 0, 0, 0), '::'],
    [bytes(0, 0, 0, 0, 0, 0, 0, 1), '::1'],
    [bytes(1, 0, 0, 0, 0, 0, 0, 0), '1::'],
    [bytes(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1), '2001:db8::1:0:0:1'], // the first of two longest runs
    [bytes(1, 0, 0, 2, 0, 0, 0, 3), '1:0:0:2::3'], // the longer run, though later
    [bytes(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1), '2001:db8:0:1:1:1:1:1'], // one zero group stays
    [bytes(1, 2, 3, 4, 5, 6, 7, 0), '1:2:3:4:5:6:7:0'],
    [bytes(0, 1, 2, 3, 4, 5, 6, 7), '0:1:2:3:4:5:6:7'],
    [bytes(0xabcd, 0xf, 0xf0, 0xf00, 0, 0, 0xffff, 0x102), 'abcd:f:f0:f00::ffff:102'],
  ])('prints %j as %s', (b, text) => {
    expect(formatIP(b)).toBe(text);
  });
});

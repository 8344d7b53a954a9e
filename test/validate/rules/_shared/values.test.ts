import { describe, expect, it } from 'vitest';
import {
  isValidIP,
  localDescendingPathErrors,
  MAX_INT32,
  notSupported,
  parseIntOrPercent,
  scaledValue,
} from '../../../../src/validate/rules/_shared/values';

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

describe('parseIntOrPercent and scaledValue (intstr)', () => {
  it('reads an integer, a percent and anything else', () => {
    expect(parseIntOrPercent(3)).toEqual({ kind: 'int', value: 3 });
    expect(parseIntOrPercent('25%')).toEqual({ kind: 'percent', value: 25 });
    expect(parseIntOrPercent('0%')).toEqual({ kind: 'percent', value: 0 });
    expect(parseIntOrPercent('25')).toEqual({ kind: 'invalid', raw: '25' });
    expect(parseIntOrPercent('%')).toEqual({ kind: 'invalid', raw: '%' });
    expect(parseIntOrPercent('-5%')).toEqual({ kind: 'invalid', raw: '-5%' });
    expect(parseIntOrPercent('5%%')).toEqual({ kind: 'invalid', raw: '5%%' });
    expect(parseIntOrPercent('x5%')).toEqual({ kind: 'invalid', raw: 'x5%' });
    expect(parseIntOrPercent(1.5)).toBeUndefined();
    expect(parseIntOrPercent(true)).toBeUndefined();
    expect(parseIntOrPercent(null)).toBeUndefined();
  });

  it('scales a percent of a total, up or down (GetScaledValueFromIntOrPercent)', () => {
    expect(scaledValue({ kind: 'int', value: 7 }, 10, true)).toBe(7);
    expect(scaledValue({ kind: 'percent', value: 25 }, 10, true)).toBe(3);
    expect(scaledValue({ kind: 'percent', value: 25 }, 10, false)).toBe(2);
    expect(scaledValue({ kind: 'percent', value: 50 }, 10, false)).toBe(5);
    expect(scaledValue({ kind: 'invalid', raw: 'x' }, 10, true)).toBeUndefined();
  });
});

describe('localDescendingPathErrors (validateLocalDescendingPath)', () => {
  it.each([
    ['a/b', []],
    ['a..b/..c', []],
    ['/a', ['must be a relative path']],
    ['a/../b', ["must not contain '..'"]],
    ['..', ["must not contain '..'"]],
    ['/../a', ['must be a relative path', "must not contain '..'"]],
  ])('%j', (p, errs) => {
    expect(localDescendingPathErrors(p)).toEqual(errs);
  });
});

describe('notSupported and MAX_INT32', () => {
  it("words Go's NotSupported detail", () => {
    expect(notSupported('x', ['A', 'B'])).toBe('Unsupported value: "x": supported values: "A", "B"');
  });

  it('is the int32 maximum', () => {
    expect(MAX_INT32).toBe(2147483647);
  });
});

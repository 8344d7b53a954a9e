import { describe, expect, it } from 'vitest';
import {
  localDescendingPathErrors,
  MAX_INT32,
  notSupported,
  parseIntOrPercent,
  scaledValue,
} from '../../../../src/validate/rules/_shared/values';

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

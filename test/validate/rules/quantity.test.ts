import { describe, expect, it } from 'vitest';
import {
  compareQuantity,
  parseQuantity,
  quantityFromJson,
  quantitySuggestion,
  scaledValue,
  unitString,
} from '../../../src/validate/rules/_shared/quantity';

function nanos(s: string): bigint | string {
  const r = parseQuantity(s);
  return r.ok ? r.quantity.nanos : r.error;
}

const G = 1_000_000_000n;

describe('parseQuantity (apimachinery v0.27 ParseQuantity)', () => {
  it('reads a binary suffix with a fraction: 1.5Gi', () => {
    expect(nanos('1.5Gi')).toBe(3n * (1n << 29n) * G);
  });

  it('reads millicores: 100m is 0.1', () => {
    expect(nanos('100m')).toBe(G / 10n);
  });

  it('reads a plain decimal: 0.1', () => {
    expect(nanos('0.1')).toBe(G / 10n);
  });

  it('reads a decimal exponent: 1e3 and 1.3E+6', () => {
    expect(nanos('1e3')).toBe(1000n * G);
    expect(nanos('1.3E+6')).toBe(1_300_000n * G);
  });

  it('accepts a leading plus sign: +1', () => {
    expect(nanos('+1')).toBe(G);
  });

  it('parses a negative value, leaving the sign check to the rules: -1', () => {
    expect(nanos('-1')).toBe(-G);
  });

  it('rejects a second decimal point: 1.5.5', () => {
    expect(nanos('1.5.5')).toMatch(/quantities must match the regular expression/);
  });

  it('rejects unknown suffixes: 0.1mi, 1i, 1K', () => {
    for (const s of ['0.1mi', '1i', '1K']) expect(nanos(s)).toBe("unable to parse quantity's suffix");
  });

  it('rejects an exponent without digits and a stray letter: -3.01e-, 0.1am', () => {
    expect(nanos('0.1am')).toMatch(/quantities must match/);
    expect(parseQuantity('-3.01e-').ok).toBe(false);
  });

  it('rejects the empty string and letters only: "", aoeu', () => {
    expect(parseQuantity('').ok).toBe(false);
    expect(parseQuantity('aoeu').ok).toBe(false);
  });

  it('rejects surrounding whitespace in ParseQuantity itself', () => {
    expect(parseQuantity(' 1').ok).toBe(false);
    expect(parseQuantity('1 ').ok).toBe(false);
  });

  it('reads a bare suffix "Mi" as zero, as the permissive Go scanner does', () => {
    // parseQuantityString returns num "0" for a missing number; the suffix is valid.
    expect(nanos('Mi')).toBe(0n);
  });

  it('accepts "1." and "1.G" like Go', () => {
    expect(nanos('1.')).toBe(G);
    expect(nanos('1.G')).toBe(G * G);
  });

  it('rounds tiny values up to one nano', () => {
    expect(nanos('0.0000000001')).toBe(1n);
    expect(nanos('3.001n')).toBe(4n);
  });

  it('caps binary values at the int64 maximum: 9Ei', () => {
    expect(nanos('9Ei')).toBe(((1n << 63n) - 1n) * G);
  });
});

describe('quantityFromJson (Quantity.UnmarshalJSON)', () => {
  it('trims whitespace inside a JSON string', () => {
    const r = quantityFromJson(' 1 ');
    expect(r?.ok && r.quantity.nanos).toBe(G);
  });

  it('accepts a JSON number', () => {
    const r = quantityFromJson(0.5);
    expect(r?.ok && r.quantity.nanos).toBe(G / 2n);
  });

  it('leaves other types to the type rules', () => {
    expect(quantityFromJson(true)).toBeUndefined();
  });
});

describe('compare and scale', () => {
  const q = (s: string) => {
    const r = parseQuantity(s);
    if (!r.ok) throw new Error(r.error);
    return r.quantity;
  };

  it('compares across formats: 1Gi > 1G, 1000m == 1', () => {
    expect(compareQuantity(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantity(q('1000m'), q('1'))).toBe(0);
    expect(compareQuantity(q('100m'), q('0.2'))).toBe(-1);
  });

  it('rounds Value and MilliValue up', () => {
    expect(scaledValue(q('1.5'), 0)).toBe(2n);
    expect(scaledValue(q('1.0001'), -3)).toBe(1001n);
  });

  it('gives the canonical string of unit divisors', () => {
    expect(unitString(q('1000m'))).toBe('1');
    expect(unitString(q('1000'))).toBe('1k');
    expect(unitString(q('1Mi'))).toBe('1Mi');
    expect(unitString(q('1e3'))).toBe('1e3');
    expect(unitString(q('2'))).toBeUndefined();
  });
});

describe('quantitySuggestion', () => {
  it.each([
    ['1Gb', '1Gi'],
    ['1GB', '1Gi'],
    ['1GiB', '1Gi'],
    ['512mb', '512Mi'],
    ['64 KB', '64Ki'],
    ['1.5tb', '1.5Ti'],
    ['1 Gi', '1Gi'],
    ['1ki', '1Ki'],
  ])('suggests %j for %j', (typo, meant) => {
    expect(quantitySuggestion(typo)).toBe(meant);
  });

  it.each(['1Gi', '500m', 'abc', '1e', '12x'])('suggests nothing for %j', (q) => {
    expect(quantitySuggestion(q)).toBeUndefined();
  });
});

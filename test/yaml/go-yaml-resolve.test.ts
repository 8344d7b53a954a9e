import { describe, expect, it } from 'vitest';
import { DECLINE, plainScalar } from '../../src/yaml/block-reader-scalars';
import { goResolve, plainValue } from '../../src/yaml/go-yaml-resolve';
import { random } from '../support/yaml-oracle';

/**
 * plainValue and plainScalar take shortcuts for the scalars manifests are full of (`100m`, `8080`);
 * goResolve('', s) runs resolve.go's whole reading and is the reference they must match.
 */

/** plainScalar as the block reader defines it, from goResolve's value: a number, a string, or declined. */
function scalarFromReference(s: string): unknown {
  const v = goResolve('', s)[1];
  if (s === '<<') return DECLINE;
  if (typeof v === 'bigint')
    return v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER) ? DECLINE : Number(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : DECLINE;
  return v;
}

function scalarOf(s: string): unknown {
  try {
    return plainScalar(s);
  } catch (e) {
    if (e === DECLINE) return DECLINE;
    throw e;
  }
}

// biome-ignore format: a table of spellings
const SPELLINGS: [string, unknown][] = [
  ['0', 0], ['7', 7], ['8080', 8080], ['999999999999999', 999_999_999_999_999], ['08', 8], ['0755', 493],
  ['1_000', 1000], ['0x1F', 31], ['0o17', 15], ['0b101', 5], ['1e3', 1000], ['1.5', 1.5], ['12:30', '12:30'],
  ['2001-12-14', '2001-12-14'], ['2001-12-14t21:59:43.10Z', '2001-12-14t21:59:43.10Z'], ['100m', '100m'],
  ['128Mi', '128Mi'], ['10s', '10s'], ['1.2.3-rc1', '1.2.3-rc1'], ['3d', '3d'], ['9007199254740993', DECLINE],
  ['1234567890123456', 1_234_567_890_123_456], ['1e400', '1e400'], ['1_', 1], ['0X1F', 31], ['0O17', 15], ['0xAb', 171], ['1e+3', 1000], ['1e-3', 0.001], ['1.', 1], ['1 2', '1 2'], ['2001-12-14 21:59:43', '2001-12-14 21:59:43'], ['12,5', '12,5'],
];

describe('plain scalars that start with a digit', () => {
  it('read as resolve.go reads them, in a table of spellings', () => {
    for (const [s, want] of SPELLINGS) {
      expect([s, scalarOf(s)]).toEqual([s, want]);
      expect([s, scalarOf(s)]).toEqual([s, scalarFromReference(s)]);
    }
  });

  it('read as resolve.go reads them, for 200,000 seeded random spellings', () => {
    const next = random(20_261_207);
    // Digits, what ints, floats and timestamps may hold, and the letters of quantities and durations.
    const alphabet = '0123456789000111_.eE+-:, xXoObBaAfFtTzZmMiGKkunsdh';
    const wrong: string[] = [];
    for (let n = 0; n < 200_000 && wrong.length < 5; n++) {
      let s = String(Math.floor(next() * 10));
      const length = Math.floor(next() * 18);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      const value = plainValue(s);
      const reference = goResolve('', s)[1];
      if (value !== reference && !(Number.isNaN(value) && Number.isNaN(reference)))
        wrong.push(`${s}: ${String(value)}`);
      if (!Object.is(scalarOf(s), scalarFromReference(s))) wrong.push(`${s}: block ${String(scalarOf(s))}`);
    }
    expect(wrong).toEqual([]);
  });
});

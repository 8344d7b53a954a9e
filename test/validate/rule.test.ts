import { describe, expect, it } from 'vitest';
import { memoized, type RuleContext } from '../../src/validate/rule';
import { profileOf } from '../../src/validate/versions';

describe('memoized', () => {
  const key = {};
  const counting = () => {
    let calls = 0;
    return { compute: () => ++calls, calls: () => calls };
  };

  it('computes a value once per validation call and hands it to every rule that asks', () => {
    const ctx: RuleContext = { manifest: {}, profile: profileOf('1.27'), memo: new Map() };
    const c = counting();
    expect(memoized(ctx, key, c.compute)).toBe(1);
    expect(memoized(ctx, key, c.compute)).toBe(1);
    expect(c.calls()).toBe(1);
  });

  it('computes afresh in a new call, and every time without scratch space', () => {
    const c = counting();
    const first: RuleContext = { manifest: {}, profile: profileOf('1.27'), memo: new Map() };
    const second: RuleContext = { ...first, memo: new Map() };
    memoized(first, key, c.compute);
    expect(memoized(second, key, c.compute)).toBe(2);
    const bare: RuleContext = { manifest: {}, profile: profileOf('1.27') };
    expect(memoized(bare, key, c.compute)).toBe(3);
    expect(memoized(bare, key, c.compute)).toBe(4);
  });
});

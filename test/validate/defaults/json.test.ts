import { beforeAll, describe, expect, it } from 'vitest';
import { cloneJson } from '../../../src/validate/defaults/json';
import { exactIntegerAt, recordExactInteger } from '../../../src/validate/exact-integers';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * cloneJson copies with the exact integers (cloneCarrying) once the YAML reader has recorded any in
 * this process, and without them (clonePlain) before: defaults.test.ts's contract tests see the
 * plain copy, these the carrying one, which must copy exactly as the plain one does.
 */
describe('cloneJson once exact integers were recorded', () => {
  beforeAll(() => recordExactInteger({}, 'n', 9223372036854775807n));

  it('copies every object and array, keeping primitives and null, and leaves its input untouched', () => {
    const input: any = { a: { list: [1, 'two', true, null, { deep: null }], s: 'x', n: 0, f: false, z: null } };
    const before = JSON.stringify(input);
    const copy = cloneJson(input);
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
    expect(copy.a).not.toBe(input.a);
    expect(copy.a.list).not.toBe(input.a.list);
    expect(copy.a.list[4]).not.toBe(input.a.list[4]);
    copy.a.list[4].deep = 'changed';
    copy.a.s = 'changed';
    expect(JSON.stringify(input)).toBe(before);
  });

  it('copies a top-level primitive or null as itself', () => {
    expect(cloneJson(null)).toBe(null);
    expect(cloneJson('s')).toBe('s');
    expect(cloneJson(3)).toBe(3);
  });

  it('copies only the items of an array, as JSON does, and keeps its holes', () => {
    const list: any = [{ name: 'a' }];
    list[2] = 'c';
    list.extra = 'not JSON';
    const copy = cloneJson({ list }).list;
    expect(Object.keys(copy)).toEqual(['0', '2']);
    expect(copy).toHaveLength(3);
  });

  it('keeps a __proto__ key as data, not as a prototype', () => {
    const copy: any = cloneJson(JSON.parse('{"labels":{"__proto__":{"x":1}}}'));
    expect(Object.getPrototypeOf(copy.labels)).toBe(Object.prototype);
    expect(Object.keys(copy.labels)).toEqual(['__proto__']);
  });

  it('gives each copied object and array the exact integers of its original', () => {
    const spec: any = { seconds: 2 ** 63 };
    const list: any[] = [2 ** 63];
    recordExactInteger(spec, 'seconds', 9223372036854775807n);
    recordExactInteger(list, 0, -9223372036854775808n);
    const copy = cloneJson({ spec, list });
    expect(exactIntegerAt(copy.spec, 'seconds')).toBe(9223372036854775807n);
    expect(exactIntegerAt(copy.list, 0)).toBe(-9223372036854775808n);
  });
});

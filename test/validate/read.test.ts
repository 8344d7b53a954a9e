import { describe, expect, it } from 'vitest';
import { asObject, entries, field, get, goInt, goString, int, num, show, str } from '../../src/validate/read';

// Manifests are untrusted YAML: any node may hold any type, and the readers must answer
// "absent" rather than read through a value of the wrong type.
describe('get and field', () => {
  it('read no property of a string where an object belongs', () => {
    expect(get('abc', 'length')).toBeUndefined();
    expect(get('abc', '0')).toBeUndefined();
    expect(field({ spec: 'abc' }, 'spec', 'length')).toBeUndefined();
  });

  it('read nothing through null', () => {
    expect(get(null, 'a')).toBeUndefined();
    expect(field({ spec: null }, 'spec', 'template')).toBeUndefined();
  });

  it("read only a manifest's own fields, never its prototype's", () => {
    for (const k of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      expect([k, get({}, k)]).toEqual([k, undefined]);
      expect([k, field({ spec: {} }, 'spec', k)]).toEqual([k, undefined]);
    }
    // As YAML and JSON readers make them: own fields of those names are data like any other.
    const own = JSON.parse('{"constructor": "c", "toString": 1, "__proto__": {"a": 2}}');
    expect(get(own, 'constructor')).toBe('c');
    expect(get(own, 'toString')).toBe(1);
    expect(get(own, '__proto__')).toEqual({ a: 2 });
    expect(field(own, '__proto__', 'a')).toBe(2);
    expect(get(Object.create(null), 'constructor')).toBeUndefined();
  });

  it('return the node itself when given no key', () => {
    const node = { a: 1 };
    expect(field(node)).toBe(node);
  });

  it('return an object found after one, two, three or four keys', () => {
    const leaf = { x: 1 };
    expect(field({ a: leaf }, 'a')).toBe(leaf);
    expect(field({ a: { b: leaf } }, 'a', 'b')).toBe(leaf);
    expect(field({ a: { b: { c: leaf } } }, 'a', 'b', 'c')).toBe(leaf);
    expect(field({ a: { b: { c: { d: leaf } } } }, 'a', 'b', 'c', 'd')).toBe(leaf);
  });

  it('follow paths longer than four keys', () => {
    const m = { spec: { template: { spec: { securityContext: { seLinuxOptions: { level: 's0' } } } } } };
    expect(field(m, 'spec', 'template', 'spec', 'securityContext', 'seLinuxOptions')).toEqual({ level: 's0' });
    expect(field(m, 'spec', 'template', 'spec', 'securityContext', 'seLinuxOptions', 'level')).toBe('s0');
    expect(field(m, 'spec', 'template', 'spec', 'securityContext', 'missing', 'level')).toBeUndefined();
  });
});

describe('typed readers', () => {
  it('entries lists the own entries of an object and none of anything else', () => {
    expect(entries({ a: 1 })).toEqual([['a', 1]]);
    expect(entries('ab')).toEqual([]);
    expect(entries([1])).toEqual([]);
  });

  it('str and num answer undefined for another type', () => {
    expect(str('x')).toBe('x');
    expect(str(5)).toBeUndefined();
    expect(num(5)).toBe(5);
    expect(num('5')).toBeUndefined();
  });

  it('asObject keeps an object and refuses a list, null or a scalar', () => {
    const o = { a: 1 };
    expect(asObject(o)).toBe(o);
    expect(asObject([o])).toBeUndefined();
    expect(asObject(null)).toBeUndefined();
    expect(asObject('a')).toBeUndefined();
  });
});

describe('Go zero values', () => {
  it('goString reads absent or null as "" and another type as undefined', () => {
    expect(goString(undefined)).toBe('');
    expect(goString(null)).toBe('');
    expect(goString('x')).toBe('x');
    expect(goString(5)).toBeUndefined();
  });

  it('goInt reads absent or null as 0 and refuses fractions and strings', () => {
    expect(goInt(undefined)).toBe(0);
    expect(goInt(null)).toBe(0);
    expect(goInt(3)).toBe(3);
    expect(goInt(1.5)).toBeUndefined();
    expect(goInt('3')).toBeUndefined();
  });

  it('int refuses absent values, fractions and strings', () => {
    expect(int(3)).toBe(3);
    expect(int(undefined)).toBeUndefined();
    expect(int(1.5)).toBeUndefined();
    expect(int('3')).toBeUndefined();
  });
});

describe('show', () => {
  it('renders a value as JSON', () => {
    expect(show('x')).toBe('"x"');
    expect(show({ a: [1] })).toBe('{"a":[1]}');
  });

  it('keeps a rendering of 80 characters and cuts a longer one to 77 and "..."', () => {
    const eighty = 'a'.repeat(78); // 80 with the quotes
    expect(show(eighty)).toBe(`"${eighty}"`);
    const long = show('b'.repeat(100));
    expect(long).toBe(`"${'b'.repeat(76)}...`);
    expect(long).toHaveLength(80);
  });

  it('falls back to String for what JSON cannot render', () => {
    expect(show(10n)).toBe('10');
    expect(show(undefined)).toBe('undefined');
  });
});

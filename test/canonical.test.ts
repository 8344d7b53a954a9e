import { describe, expect, it } from 'vitest';
import { canonicalManifest } from '../src';

describe('canonicalManifest', () => {
  it('puts apiVersion, kind and metadata first and sorts every other key', () => {
    const m = canonicalManifest({
      spec: { z: 1, a: [{ y: 1, b: 2 }] },
      metadata: { name: 'x' },
      kind: 'K',
      apiVersion: 'v1',
    });
    expect(JSON.stringify(m)).toBe(
      '{"apiVersion":"v1","kind":"K","metadata":{"name":"x"},"spec":{"a":[{"b":2,"y":1}],"z":1}}',
    );
  });

  it('keeps __proto__ and constructor keys as data', () => {
    const input = JSON.parse('{"kind":"K","__proto__":{"x":1},"constructor":{"y":2}}');
    const m = canonicalManifest(input) as Record<string, unknown>;
    expect(Object.keys(m)).toEqual(['kind', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(JSON.stringify(m)).toBe('{"kind":"K","__proto__":{"x":1},"constructor":{"y":2}}');
  });
});

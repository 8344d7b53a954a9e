import { describe, expect, it } from 'vitest';
import { changedPaths, semanticDiff, semanticEqual } from '../../src/plan/semantic';
import { applyDefaults } from '../../src/validate/defaults';
import { toFieldPath } from '../../src/validate/issue';
import { corpusDaemonSets } from '../support/corpus-daemonsets';

describe('semanticEqual (apiequality.Semantic.DeepEqual on decoded JSON)', () => {
  it('treats null, [] and absent alike', () => {
    expect(semanticEqual({ a: null, b: [] }, {})).toBe(true);
  });

  it('treats a value field at its zero value as absent', () => {
    expect(semanticEqual({ hostNetwork: false, dnsPolicy: '' }, {})).toBe(true);
  });

  it('tells a pointer field at its zero value from absent', () => {
    expect(semanticEqual({ privileged: false }, {})).toBe(false);
    expect(semanticEqual({ csi: { readOnly: false } }, { csi: {} })).toBe(false);
    expect(semanticEqual({ volumeMounts: [{ readOnly: false }] }, { volumeMounts: [{}] })).toBe(true);
  });

  it('tells an empty struct pointer from absent but not an empty map', () => {
    expect(semanticEqual({ securityContext: {} }, {})).toBe(false);
    expect(semanticEqual({ nodeSelector: {} }, {})).toBe(true);
  });

  it('keeps map entries with empty values', () => {
    expect(semanticEqual({ labels: { a: '' } }, { labels: {} })).toBe(false);
  });

  it('compares quantities by value', () => {
    expect(semanticEqual({ limits: { cpu: '1000m', memory: '1Gi' } }, { limits: { cpu: 1, memory: '1024Mi' } })).toBe(
      true,
    );
    expect(semanticEqual({ limits: { cpu: '1001m' } }, { limits: { cpu: 1 } })).toBe(false);
  });

  it('tells an integer from a string (IntOrString)', () => {
    expect(semanticEqual({ port: 80 }, { port: '80' })).toBe(false);
  });
});

describe('changedPaths', () => {
  it('names each changed leaf, map keys in brackets, added subtrees once', () => {
    const before = {
      metadata: { labels: { 'app.kubernetes.io/name': 'a' } },
      spec: { containers: [{ image: 'a:1' }] },
    };
    const after = {
      metadata: { labels: { 'app.kubernetes.io/name': 'b' } },
      spec: { containers: [{ image: 'a:2' }, { image: 'b:1' }] },
    };
    expect(changedPaths(before, after).map(toFieldPath)).toEqual([
      'metadata.labels[app.kubernetes.io/name]',
      'spec.containers[0].image',
      'spec.containers[1]',
    ]);
  });
});

/** A small seeded generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

// Field names with every rule of canonical(): value objects, maps, quantity maps and fields, pointers.
// biome-ignore format: a list of names
const NAMES = ['spec', 'template', 'metadata', 'labels', 'limits', 'requests', 'sizeLimit', 'privileged', 'csi',
  'readOnly', 'hostPath', 'type', 'securityContext', 'name', 'port', 'items', 'nodeSelector', '__proto__'];
// biome-ignore format: a list of values
const SCALARS = [null, '', 0, false, true, 1, '1', '1000m', '1Gi', '1024Mi', 'a', -2];

function value(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 3 || r < 0.45) return SCALARS[Math.floor(next() * SCALARS.length)];
  if (r < 0.6) return Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i--) {
    const k = NAMES[Math.floor(next() * NAMES.length)];
    Object.defineProperty(o, k, {
      value: value(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return o;
}

/** A copy of `v` with some values replaced, removed or added. */
function mutate(v: unknown, next: () => number, depth: number): unknown {
  if (next() < 0.15) return value(next, depth);
  if (Array.isArray(v)) return v.map((x) => mutate(x, next, depth + 1)).filter(() => next() > 0.1);
  if (v === null || typeof v !== 'object') return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (next() < 0.1) continue;
    const m = mutate((v as Record<string, unknown>)[k], next, depth + 1);
    Object.defineProperty(o, k, { value: m, enumerable: true, writable: true, configurable: true });
  }
  if (next() < 0.2) o[NAMES[Math.floor(next() * NAMES.length)]] = value(next, depth + 1);
  return o;
}

describe('semanticDiff', () => {
  it('gives the paths of changedPaths (canonical copies) on 5,000 random pairs', () => {
    const next = random(20);
    let differing = 0;
    for (let i = 0; i < 5000; i++) {
      const a = value(next, 0);
      const b = mutate(a, next, 0);
      const name = next() < 0.2 ? NAMES[Math.floor(next() * NAMES.length)] : '';
      const expected = changedPaths(a, b, name);
      if (expected.length > 0) differing++;
      expect(semanticDiff(a, b, name), `case ${i}: ${JSON.stringify([a, b, name])}`).toEqual(expected);
    }
    expect(differing).toBeGreaterThan(1000);
  });

  it('gives the paths of changedPaths on the corpus DaemonSets, each against the next and against itself defaulted', () => {
    const bases = corpusDaemonSets().map((b) => b.manifest);
    if (bases.length === 0) console.warn('semantic.test.ts: K8S_CORPORA is not set, the corpus case is SKIPPED.');
    bases.forEach((m, i) => {
      for (const other of [bases[(i + 1) % bases.length], applyDefaults(m, '1.34'), m]) {
        expect(semanticDiff(m, other)).toEqual(changedPaths(m, other));
      }
    });
  });
});

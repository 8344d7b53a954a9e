import { describe, expect, it } from 'vitest';
import { changedPaths, semanticEqual } from '../../src/plan/semantic';
import { toFieldPath } from '../../src/validate/issue';

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

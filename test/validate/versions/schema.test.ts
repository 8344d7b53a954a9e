import { describe, expect, it } from 'vitest';
import base from '../../../src/validate/schema/k8s-1.27.json';
import changes from '../../../src/validate/versions/schema-changes.json';
import {
  fieldAddedAfter,
  fieldRemovedIn,
  type KubernetesVersion,
  SUPPORTED_KUBERNETES_VERSIONS,
  schemaOf,
} from '../../../src/validate/versions';

const CONTAINER = 'io.k8s.api.core.v1.Container';
const POD_SC = 'io.k8s.api.core.v1.PodSecurityContext';

describe('per-minor schemas', () => {
  it('are the committed 1.27 schema for 1.27', () => {
    expect(schemaOf('1.27').definitions).toEqual(base.definitions);
  });

  it('learn a field in the minor that added it', () => {
    expect(schemaOf('1.27').definitions[CONTAINER].properties.restartPolicy).toBeUndefined();
    expect(schemaOf('1.28').definitions[CONTAINER].properties.restartPolicy).toBe('string');
    expect(schemaOf('1.29').definitions[POD_SC].properties.appArmorProfile).toBeUndefined();
    expect(schemaOf('1.30').definitions[POD_SC].properties.appArmorProfile).toBe('io.k8s.api.core.v1.AppArmorProfile');
  });

  it('forget a field in the minor that removed it', () => {
    const claim = 'io.k8s.api.core.v1.PodResourceClaim';
    expect(schemaOf('1.30').definitions[claim].properties.source).toBeDefined();
    expect(schemaOf('1.31').definitions[claim].properties.source).toBeUndefined();
    expect(fieldRemovedIn(claim, 'source', '1.33')).toBe('1.31');
    expect(fieldRemovedIn(claim, 'source', '1.30')).toBeUndefined();
  });

  it('name the minor that introduced a field a version lacks', () => {
    expect(fieldAddedAfter(POD_SC, 'appArmorProfile', '1.27')).toBe('1.30');
    expect(fieldAddedAfter(CONTAINER, 'restartPolicy', '1.27')).toBe('1.28');
    expect(fieldAddedAfter('io.k8s.api.core.v1.PodSpec', 'workloadRef', '1.34')).toBe('1.35');
    expect(fieldAddedAfter(CONTAINER, 'noSuchField', '1.27')).toBeUndefined();
  });

  it('carry every definition a minor does not change over from the minor before', () => {
    const changed = (changes as { changes: Record<string, { set?: object; remove?: string[] }> }).changes;
    for (let i = 1; i < SUPPORTED_KUBERNETES_VERSIONS.length; i++) {
      const [before, minor] = [SUPPORTED_KUBERNETES_VERSIONS[i - 1], SUPPORTED_KUBERNETES_VERSIONS[i]];
      const touched = new Set([...Object.keys(changed[minor].set ?? {}), ...(changed[minor].remove ?? [])]);
      const kept = Object.keys(schemaOf(before).definitions).filter((d) => !touched.has(d));
      for (const d of kept)
        expect(schemaOf(minor).definitions[d], `${d} in ${minor}`).toEqual(schemaOf(before).definitions[d]);
    }
    expect(schemaOf('1.34').definitions[CONTAINER].properties.restartPolicy).toBe('string');
  });

  it('refuse a minor they have no schema for', () => {
    expect(() => schemaOf('1.26' as KubernetesVersion)).toThrow('no schema for Kubernetes 1.26');
  });

  it('name no minor after one that knows the field already, only the next that does', () => {
    // Container.restartPolicy exists from 1.28 on: the first minor after 1.28 with it is 1.29.
    expect(fieldAddedAfter(CONTAINER, 'restartPolicy', '1.28')).toBe('1.29');
    // PodResourceClaim.source existed up to 1.30: no minor after 1.31 adds it back.
    expect(fieldAddedAfter('io.k8s.api.core.v1.PodResourceClaim', 'source', '1.31')).toBeUndefined();
  });

  it('name no removal for a field that never existed or still exists', () => {
    expect(fieldRemovedIn(CONTAINER, 'noSuchField', '1.34')).toBeUndefined();
    expect(fieldRemovedIn(CONTAINER, 'restartPolicy', '1.34')).toBeUndefined();
    expect(fieldRemovedIn(CONTAINER, 'restartPolicy', '1.27')).toBeUndefined();
  });

  it('name the removal in the very minor asked about', () => {
    expect(fieldRemovedIn('io.k8s.api.core.v1.PodResourceClaim', 'source', '1.31')).toBe('1.31');
  });
});

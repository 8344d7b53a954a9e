import { describe, expect, it } from 'vitest';
import base from '../../../src/validate/schema/k8s-1.27.json';
import { fieldAddedAfter, fieldRemovedIn, schemaOf } from '../../../src/validate/versions';

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
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KUBERNETES_VERSION,
  resolveKubernetesVersion,
  resolveKubernetesVersions,
  SUPPORTED_KUBERNETES_VERSIONS,
  UnsupportedKubernetesVersionError,
} from '../../../src/validate/versions';

describe('resolveKubernetesVersion', () => {
  it('maps a patch version to its minor', () => {
    expect(resolveKubernetesVersion('1.31.4')).toBe('1.31');
  });

  it('accepts x.y and a leading v', () => {
    expect(resolveKubernetesVersion('1.29')).toBe('1.29');
    expect(resolveKubernetesVersion('v1.34.0')).toBe('1.34');
  });

  it('rejects an unsupported minor, listing the supported ones', () => {
    expect(() => resolveKubernetesVersion('1.26')).toThrow(UnsupportedKubernetesVersionError);
    expect(() => resolveKubernetesVersion('1.35')).toThrow(/use one of 1\.27, 1\.28, .*1\.34/);
  });

  it('rejects what is not a version', () => {
    expect(() => resolveKubernetesVersion('latest')).toThrow(/unsupported Kubernetes version "latest"/);
    expect(() => resolveKubernetesVersion('1.3')).toThrow(UnsupportedKubernetesVersionError);
  });

  it('defaults to 1.27, the version cdk8s-plus-27 speaks', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.27');
    expect(SUPPORTED_KUBERNETES_VERSIONS).toEqual(['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34']);
  });
});

describe('resolveKubernetesVersions', () => {
  it('expands a range to every minor in it', () => {
    expect(resolveKubernetesVersions('1.29-1.31.2')).toEqual(['1.29', '1.30', '1.31']);
  });

  it('gives one minor for a single version', () => {
    expect(resolveKubernetesVersions('1.33.1')).toEqual(['1.33']);
  });

  it('rejects a reversed or out-of-range range', () => {
    expect(() => resolveKubernetesVersions('1.31-1.29')).toThrow(UnsupportedKubernetesVersionError);
    expect(() => resolveKubernetesVersions('1.27-1.40')).toThrow(UnsupportedKubernetesVersionError);
  });
});

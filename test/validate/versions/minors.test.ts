import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KUBERNETES_VERSION,
  resolveKubernetesVersion,
  resolveKubernetesVersions,
  SUPPORTED_KUBERNETES_VERSIONS,
  UnsupportedKubernetesVersionError,
} from '../../../src/validate/versions';
import { minorNumber } from '../../../src/validate/versions/minors';

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

  it('says what would be right in its error', () => {
    const error = (() => {
      try {
        resolveKubernetesVersion('1.26');
      } catch (e) {
        return e as UnsupportedKubernetesVersionError;
      }
    })();
    expect(error?.message).toBe(
      'unsupported Kubernetes version "1.26": use one of 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34 (x.y or x.y.z), or a range such as 1.27-1.34',
    );
    expect(error?.name).toBe('UnsupportedKubernetesVersionError');
    expect(error?.given).toBe('1.26');
  });

  it('ignores surrounding whitespace and reads patch numbers of any length', () => {
    expect(resolveKubernetesVersion(' 1.31\n')).toBe('1.31');
    expect(resolveKubernetesVersion('1.31.10')).toBe('1.31');
  });

  it('reads the version numbers as numbers', () => {
    expect(resolveKubernetesVersion('01.031')).toBe('1.31');
  });

  it('rejects text before or after the version', () => {
    expect(() => resolveKubernetesVersion('x1.31')).toThrow(UnsupportedKubernetesVersionError);
    expect(() => resolveKubernetesVersion('1.31x')).toThrow(UnsupportedKubernetesVersionError);
    expect(() => resolveKubernetesVersion('1.31.4.1')).toThrow(UnsupportedKubernetesVersionError);
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

  it('gives one minor for a range from a minor to itself', () => {
    expect(resolveKubernetesVersions('1.29-1.29.3')).toEqual(['1.29']);
  });

  it('rejects a reversed or out-of-range range', () => {
    expect(() => resolveKubernetesVersions('1.31-1.29')).toThrow(UnsupportedKubernetesVersionError);
    expect(() => resolveKubernetesVersions('1.27-1.40')).toThrow(UnsupportedKubernetesVersionError);
  });
});

describe('minorNumber', () => {
  it('is the number after the dot', () => {
    expect(minorNumber('1.31')).toBe(31);
    expect(minorNumber('1.9')).toBe(9);
  });
});

import { describe, expect, it } from 'vitest';
import { versionRanges } from '../../../src/validate/versions/ranges';

describe('versionRanges', () => {
  it('writes consecutive minors as a range and the others alone', () => {
    expect(versionRanges(['1.27', '1.28', '1.29', '1.33'])).toBe('1.27-1.29, 1.33');
    expect(versionRanges(['1.27', '1.29', '1.31'])).toBe('1.27, 1.29, 1.31');
    expect(versionRanges(['1.30', '1.31', '1.33', '1.34'])).toBe('1.30-1.31, 1.33-1.34');
  });

  it('writes every supported minor as one range', () => {
    expect(versionRanges(['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34'])).toBe('1.27-1.34');
  });

  it('sorts the minors and counts each once', () => {
    expect(versionRanges(['1.33', '1.28', '1.27', '1.28', '1.34'])).toBe('1.27-1.28, 1.33-1.34');
    expect(versionRanges(['1.31', '1.29', '1.30'])).toBe('1.29-1.31');
  });

  it('writes one minor as itself and none as nothing', () => {
    expect(versionRanges(['1.30'])).toBe('1.30');
    expect(versionRanges(['1.30', '1.30'])).toBe('1.30');
    expect(versionRanges([])).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { profileOf } from '../../../src/validate/versions';

describe('profileOf', () => {
  it('shares one default profile per minor, however the version is written', () => {
    expect(profileOf('v1.31.2')).toBe(profileOf('1.31'));
    expect(profileOf('1.31', {})).toBe(profileOf('1.31'));
  });

  it('builds a fresh profile for gate overrides and leaves the shared one alone', () => {
    const custom = profileOf('1.31', { ImageVolume: true });
    expect(custom).not.toBe(profileOf('1.31'));
    expect(custom.gates.ImageVolume).toBe(true);
    expect(profileOf('1.31').gates.ImageVolume).toBe(false);
    expect(profileOf('1.31', { ImageVolume: true })).not.toBe(custom);
  });
});

import { describe, expect, it } from 'vitest';
import { DNS_POLICIES, isOneOf } from '../../src/validate/api-values';

describe('isOneOf', () => {
  it('accepts a listed value, case-sensitively, and nothing of another type', () => {
    expect(isOneOf(DNS_POLICIES, 'Default')).toBe(true);
    expect(isOneOf(DNS_POLICIES, 'default')).toBe(false);
    expect(isOneOf(DNS_POLICIES, ['Default'])).toBe(false);
    expect(isOneOf(DNS_POLICIES, undefined)).toBe(false);
  });
});

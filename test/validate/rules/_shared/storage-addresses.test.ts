import { describe, expect, it } from 'vitest';
import { iscsiNameProblem, splitsHostPort } from '../../../../src/validate/rules/_shared/storage-addresses';

// Cases from TestValidateVolumes (1.27) and from Go's net.SplitHostPort.
describe('iscsiNameProblem', () => {
  it.each([
    'iqn.2015-02.example.com:test',
    'iqn.2015-02.example.com:init',
    'eui.0123456789ABCDEF',
    'naa.62004567BA64678D0123456789ABCDEF',
    'iqnXiqn.2015-02.a:b', // Go's IQN pattern is not anchored at its start
  ])('accepts %s', (name) => {
    expect(iscsiNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'must be valid format starting with iqn, eui, or naa'],
    ['2015-02.example.com:init', 'must be valid format starting with iqn, eui, or naa'],
    ['xiqn.2015-02.a:b', 'must be valid format starting with iqn, eui, or naa'],
    ['iqn.2015-02.example.com:test;ls;', 'must be valid format'],
    ['iqn.2015-02.example.com', 'must be valid format'],
    ['iqn.15-02.example.com:a', 'must be valid format'],
    ['iqn.2015-2.example.com:a', 'must be valid format'],
    ['iqn.2015-02.exa_mple.com:a', 'must be valid format'],
    ['iqn.2015-02.example.com:a b', 'must be valid format'],
    ['eui.0123456789ABCDEFGHIJ', 'must be valid format'],
    ['eui.0123456789ABCDE', 'must be valid format'],
    ['eui\n0123456789ABCDEF', 'must be valid format'],
    ['naa.62004567BA_4-78D.123456789ABCDEF', 'must be valid format'],
    ['naa.62004567BA64678D0123456789ABCDE', 'must be valid format'],
    // The eui and naa patterns are anchored at both ends (the 1.27 server rejects all three).
    ['euiXeui.0123456789ABCDEF', 'must be valid format'],
    [`naa.${'A'.repeat(33)}`, 'must be valid format'],
    [`naaXnaa.${'B'.repeat(32)}`, 'must be valid format'],
  ])('rejects %j: %s', (name, problem) => {
    expect(iscsiNameProblem(name)).toBe(problem);
  });
});

describe('splitsHostPort', () => {
  it.each(['registry:7861', 'a:', ':80', '[::1]:80', '[fe80::1%eth0]:443', 'host:port'])('accepts %s', (hp) => {
    expect(splitsHostPort(hp)).toBe(true);
  });

  it.each([
    ['', 'missing port'],
    ['registry7861', 'missing port'],
    ['a:b:c', 'too many colons'],
    ['::1', 'too many colons'],
    ['[::1]', 'missing port'],
    ['[::1]x:80', 'missing port'],
    ['[::1]::80', 'too many colons'],
    ['[::1:80', "missing ']'"],
    ['a[b:80', "unexpected '['"],
    ['[a]:8]0', "unexpected ']'"],
    ['a]b:80', "unexpected ']'"],
  ])('rejects %j (%s)', (hp) => {
    expect(splitsHostPort(hp)).toBe(false);
  });
});

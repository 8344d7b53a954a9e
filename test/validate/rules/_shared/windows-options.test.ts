import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../../src/validate/issue';
import { show } from '../../../../src/validate/read';
import { windowsOptionsIssues } from '../../../../src/validate/rules/_shared/windows-options';

const of = (w: unknown): string[] =>
  windowsOptionsIssues(w, ['w']).map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);

const bad = (name: string, why: string): string =>
  `w.runAsUserName security-context/windows-option-invalid Invalid value ${show(name)}: ${why}`;

// TestValidateWindowsSecurityContextOptions (1.27), with the verdicts of the 1.27 API server.
describe('windowsOptionsIssues', () => {
  it('accepts absent and empty options', () => {
    expect(of(undefined)).toEqual([]);
    expect(of({})).toEqual([]);
  });

  it.each([
    'Container. User',
    'Network Service\\Container. User',
    'A.b.c\\user',
    'a-b.c\\user',
    `${'A'.repeat(63)}.com\\user`,
    `${'A'.repeat(63)}\\user`,
    `${'a'.repeat(16)}\\user`, // too long for NetBios, a DNS name
    'a-.b\\user', // not DNS, NetBios
    `${['A', 'B', 'C', 'D'].map((c) => c.repeat(63)).join('.')}\\user`, // 255 bytes
    'x'.repeat(104),
    // Periods or spaces at one end only: the "only periods or spaces" check is anchored at both.
    'user.',
    '.user',
    'dom\\user ',
    'dom\\ user',
  ])('accepts runAsUserName %j', (name) => {
    expect(of({ runAsUserName: name })).toEqual([]);
  });

  it.each([
    ['', 'runAsUserName cannot be an empty string'],
    ['user\u0001', 'runAsUserName cannot contain control characters'],
    ['user\u007f', 'runAsUserName cannot contain control characters'],
    ['a\\b\\c', 'runAsUserName cannot contain more than one backslash'],
    ['\\user', "runAsUserName's Domain doesn't match the NetBios nor the DNS format"],
    ['.\\user', "runAsUserName's Domain doesn't match the NetBios nor the DNS format"],
    [`${'A'.repeat(64)}.com\\user`, "runAsUserName's Domain doesn't match the NetBios nor the DNS format"],
    ['a:b\\user', "runAsUserName's Domain doesn't match the NetBios nor the DNS format"],
    ['domain\\', "runAsUserName's User cannot be empty"],
    ['x'.repeat(105), "runAsUserName's User length must not be longer than 104 characters"],
    ['. .', "runAsUserName's User cannot contain only periods or spaces"],
    ['a*b', `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`],
    ['a[b', `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`],
  ])('rejects runAsUserName %j: %s', (name, why) => {
    expect(of({ runAsUserName: name })).toEqual([bad(name, why)]);
  });

  it('reports a domain of 256 bytes as too long and not a DNS name', () => {
    const name = `${['A', 'B', 'C', 'D'].map((c) => c.repeat(63)).join('.')}x\\user`;
    expect(of({ runAsUserName: name })).toEqual([
      bad(name, "runAsUserName's Domain length must be under 256 characters"),
      bad(name, "runAsUserName's Domain doesn't match the NetBios nor the DNS format"),
    ]);
  });

  it('checks the gMSA credential spec name and contents', () => {
    expect(of({ gmsaCredentialSpecName: 'valid-cred-spec', gmsaCredentialSpec: '{}' })).toEqual([]);
    expect(of({ gmsaCredentialSpecName: 'not_valid' }).map((l) => l.split(' ')[0])).toEqual([
      'w.gmsaCredentialSpecName',
    ]);
    expect(of({ gmsaCredentialSpec: '' })).toEqual([
      'w.gmsaCredentialSpec security-context/windows-option-invalid Invalid value "": gmsaCredentialSpec cannot be an empty string',
    ]);
    expect(of({ gmsaCredentialSpec: 'x'.repeat(64 * 1024) })).toEqual([]);
    expect(of({ gmsaCredentialSpec: 'x'.repeat(64 * 1024 + 1) })).toEqual([
      'w.gmsaCredentialSpec security-context/windows-option-invalid Invalid value "(65537 bytes)": gmsaCredentialSpec size must be under 64 KiB',
    ]);
  });
});

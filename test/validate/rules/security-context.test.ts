import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('security-context/'));
}

const S = 'spec.template.spec.containers[0].securityContext';
const withSc = (sc: any) =>
  daemonSet((_d, _p, c) => {
    c.securityContext = sc;
  });

describe('container securityContext', () => {
  it('accepts a privileged container with root user', () => {
    expect(of(withSc({ privileged: true, runAsUser: 0, runAsGroup: 0 }))).toEqual([]);
  });

  it('rejects a negative runAsUser', () => {
    expect(of(withSc({ runAsUser: -1 }))).toEqual([`${S}.runAsUser security-context/id-out-of-range`]);
  });

  it('rejects a runAsGroup beyond 2^31-1', () => {
    expect(of(withSc({ runAsGroup: 2147483648 }))).toEqual([`${S}.runAsGroup security-context/id-out-of-range`]);
  });

  it('rejects privileged with allowPrivilegeEscalation false', () => {
    expect(of(withSc({ privileged: true, allowPrivilegeEscalation: false }))).toEqual([
      `${S} security-context/privileged-without-escalation`,
    ]);
  });

  it('rejects CAP_SYS_ADMIN with allowPrivilegeEscalation false', () => {
    expect(of(withSc({ allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } }))).toEqual([
      `${S} security-context/sys-admin-without-escalation`,
    ]);
  });

  it('accepts SYS_ADMIN (without CAP_) with allowPrivilegeEscalation false, as 1.27 does', () => {
    expect(of(withSc({ allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } }))).toEqual([]);
  });

  it('accepts a RuntimeDefault seccomp profile', () => {
    expect(of(withSc({ seccompProfile: { type: 'RuntimeDefault' } }))).toEqual([]);
  });

  it('requires localhostProfile for a Localhost seccomp profile', () => {
    expect(of(withSc({ seccompProfile: { type: 'Localhost' } }))).toEqual([
      `${S}.seccompProfile.localhostProfile security-context/seccomp-localhost-profile-required`,
    ]);
  });

  it('rejects an unknown seccomp profile type', () => {
    expect(of(withSc({ seccompProfile: { type: 'Default' } }))).toEqual([
      `${S}.seccompProfile.type security-context/seccomp-type-unsupported`,
    ]);
  });

  it('ignores procMount, which 1.27 drops while its feature gate is off', () => {
    expect(of(withSc({ procMount: 'Anything' }))).toEqual([]);
  });

  it('rejects an empty windows runAsUserName', () => {
    expect(of(withSc({ windowsOptions: { runAsUserName: '' } }))).toEqual([
      `${S}.windowsOptions.runAsUserName security-context/windows-option-invalid`,
    ]);
  });

  it('accepts a DOMAIN\\user windows runAsUserName', () => {
    expect(of(withSc({ windowsOptions: { runAsUserName: 'NT AUTHORITY\\SYSTEM' } }))).toEqual([]);
  });
});

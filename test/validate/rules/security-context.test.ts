import { describe, expect, it } from 'vitest';
import { securityContextRules } from '../../../src/validate/rules/security-context';
import { daemonSet, issuesOf } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

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

// Table-driven cases (checked against the 1.27 API server where the oracle is present).
const at = pipelineIssues({ rules: [securityContextRules] });
const RANGE = 'must be between 0 and 2147483647, inclusive';
const SP = `${S}.seccompProfile`;

ruleCases(
  'container securityContext',
  [
    { name: 'accepts ids of 0 and 2^31-1', manifest: withSc({ runAsUser: 2147483647, runAsGroup: 0 }), want: [] },
    {
      name: 'shows a runAsUser beyond the range',
      manifest: withSc({ runAsUser: 2147483648 }),
      want: [`${S}.runAsUser security-context/id-out-of-range`],
      message: `Invalid value 2147483648: ${RANGE}`,
    },
    {
      name: 'shows a negative runAsGroup',
      manifest: withSc({ runAsGroup: -1 }),
      want: [`${S}.runAsGroup security-context/id-out-of-range`],
      message: `Invalid value -1: ${RANGE}`,
    },
    {
      name: 'says a seccomp type is required, naming the types',
      manifest: withSc({ seccompProfile: {} }),
      want: [`${SP}.type security-context/seccomp-type-required`],
      message: 'Required value: type is required when seccompProfile is set: RuntimeDefault, Localhost or Unconfined',
    },
    {
      name: 'names the supported seccomp types',
      manifest: withSc({ seccompProfile: { type: 'Default' } }),
      want: [`${SP}.type security-context/seccomp-type-unsupported`],
      message: 'Unsupported value "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    },
    { name: 'accepts Unconfined', manifest: withSc({ seccompProfile: { type: 'Unconfined' } }), want: [] },
    {
      name: 'accepts a relative Localhost profile',
      manifest: withSc({ seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } }),
      want: [],
    },
    {
      name: 'says a Localhost profile needs its path',
      manifest: withSc({ seccompProfile: { type: 'Localhost' } }),
      want: [`${SP}.localhostProfile security-context/seccomp-localhost-profile-required`],
      message: 'Required value: must be set when seccomp type is Localhost',
    },
    {
      name: 'says an absolute Localhost profile must be relative',
      manifest: withSc({ seccompProfile: { type: 'Localhost', localhostProfile: '/a.json' } }),
      want: [`${SP}.localhostProfile security-context/seccomp-localhost-profile-invalid`],
      message: 'Invalid value "/a.json": must be a relative path',
    },
    {
      name: "says a Localhost profile must not contain '..'",
      manifest: withSc({ seccompProfile: { type: 'Localhost', localhostProfile: 'a/../b.json' } }),
      want: [`${SP}.localhostProfile security-context/seccomp-localhost-profile-invalid`],
      message: `Invalid value "a/../b.json": must not contain '..'`,
    },
    {
      name: 'reports both faults of an absolute path with ..',
      manifest: withSc({ seccompProfile: { type: 'Localhost', localhostProfile: '/../b.json' } }),
      want: [
        `${SP}.localhostProfile security-context/seccomp-localhost-profile-invalid`,
        `${SP}.localhostProfile security-context/seccomp-localhost-profile-invalid`,
      ],
      sameCauses: true,
    },
    {
      name: 'says a profile path needs the Localhost type',
      manifest: withSc({ seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'a.json' } }),
      want: [`${SP}.localhostProfile security-context/seccomp-localhost-profile-forbidden`],
      message: 'Invalid value "a.json": can only be set when seccomp type is Localhost',
    },
    {
      name: 'says privileged and no privilege escalation contradict',
      manifest: withSc({ allowPrivilegeEscalation: false, privileged: true }),
      want: [`${S} security-context/privileged-without-escalation`],
      message:
        'Invalid value: cannot set `allowPrivilegeEscalation` to false and `privileged` to true: drop one of them',
    },
    {
      name: 'accepts privileged with privilege escalation',
      manifest: withSc({ allowPrivilegeEscalation: true, privileged: true }),
      want: [],
    },
    {
      name: 'accepts no escalation, unprivileged',
      manifest: withSc({ allowPrivilegeEscalation: false, privileged: false }),
      want: [],
    },
    {
      name: 'says CAP_SYS_ADMIN and no privilege escalation contradict, among other capabilities',
      manifest: withSc({ allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'CAP_SYS_ADMIN'] } }),
      want: [`${S} security-context/sys-admin-without-escalation`],
      message: 'Invalid value: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
    },
    {
      name: 'accepts CAP_SYS_ADMIN with escalation left unset',
      manifest: withSc({ capabilities: { add: ['CAP_SYS_ADMIN'] } }),
      want: [],
    },
  ],
  at,
);

describe('container securityContext values of a wrong type', () => {
  it('are left to the type rules', () => {
    expect(of(withSc({ runAsUser: '0', runAsGroup: 1.5, seccompProfile: { type: 1, localhostProfile: 'a' } }))).toEqual(
      [],
    );
    expect(of(withSc({ seccompProfile: { type: 'Localhost', localhostProfile: 1 } }))).toEqual([]);
    expect(of(withSc({ seccompProfile: null }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { daemonSet, issuesAt, issuesOf } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const SC = 'spec.template.spec.securityContext';
const C0 = 'spec.template.spec.containers[0].securityContext.procMount';
const withPodSc = (sc: any) =>
  daemonSet((_d, pod) => {
    pod.securityContext = sc;
  });
const withProcMount = (procMount: string, hostUsers?: boolean) =>
  daemonSet((_d, pod, c) => {
    c.securityContext = { procMount };
    if (hostUsers !== undefined) pod.hostUsers = hostUsers;
  });

describe('seLinuxChangePolicy', () => {
  it('accepts Recursive where the field exists', () => {
    for (const v of ['1.32', '1.33', '1.34'])
      expect(issuesAt(v, withPodSc({ seLinuxChangePolicy: 'Recursive' }))).toEqual([]);
  });

  it('drops MountOption in 1.32 and rejects it from 1.33, where SELinuxMount is off', () => {
    expect(issuesAt('1.32', withPodSc({ seLinuxChangePolicy: 'MountOption' }))).toEqual([]);
    expect(issuesAt('1.33', withPodSc({ seLinuxChangePolicy: 'MountOption' }))).toEqual([
      `${SC}.seLinuxChangePolicy pod/selinux-change-policy-unsupported`,
    ]);
  });

  it('rejects an empty value', () => {
    expect(issuesAt('1.34', withPodSc({ seLinuxChangePolicy: '' }))).toEqual([
      `${SC}.seLinuxChangePolicy pod/selinux-change-policy-unsupported`,
    ]);
  });
});

describe('supplementalGroupsPolicy', () => {
  it('accepts Merge and Strict from 1.33', () => {
    expect(issuesAt('1.33', withPodSc({ supplementalGroupsPolicy: 'Merge' }))).toEqual([]);
    expect(issuesAt('1.34', withPodSc({ supplementalGroupsPolicy: 'Strict' }))).toEqual([]);
  });

  it('drops a wrong value while the gate is off (1.31, 1.32) and rejects it from 1.33', () => {
    expect(issuesAt('1.32', withPodSc({ supplementalGroupsPolicy: 'strict' }))).toEqual([]);
    expect(issuesAt('1.33', withPodSc({ supplementalGroupsPolicy: 'strict' }))).toEqual([
      `${SC}.supplementalGroupsPolicy pod/supplemental-groups-policy-unsupported`,
    ]);
  });
});

describe('procMount', () => {
  it('stores Default before 1.33, so Unmasked passes there', () => {
    expect(issuesAt('1.32', withProcMount('Unmasked'))).toEqual([]);
  });

  it('requires hostUsers false for Unmasked from 1.33', () => {
    expect(issuesAt('1.33', withProcMount('Unmasked'))).toEqual([
      `${C0} security-context/proc-mount-unmasked-host-users`,
    ]);
    expect(issuesAt('1.33', withProcMount('Unmasked', true))).toEqual([
      `${C0} security-context/proc-mount-unmasked-host-users`,
    ]);
    expect(issuesAt('1.34', withProcMount('Unmasked', false))).toEqual([]);
  });

  it('rejects an unknown type from 1.33', () => {
    expect(issuesAt('1.33', withProcMount('Masked'))).toEqual([`${C0} security-context/proc-mount-unsupported`]);
    expect(issuesAt('1.33', withProcMount('Default'))).toEqual([]);
  });

  it('is left alone by the engine alone at 1.27, whose gate is off', () => {
    expect(issuesOf(withProcMount('Masked')).filter((l) => l.includes('proc-mount'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { daemonSet, issuesAt } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const POD = 'spec.template.spec.securityContext.appArmorProfile';
const C0 = 'spec.template.spec.containers[0].securityContext.appArmorProfile';
const withPod = (profile: any) =>
  daemonSet((_d, pod) => {
    pod.securityContext = { appArmorProfile: profile };
  });
const withContainer = (profile: any, annotation?: string) =>
  daemonSet((ds, _p, c) => {
    c.securityContext = { appArmorProfile: profile };
    if (annotation !== undefined)
      ds.spec.template.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/agent': annotation };
  });

describe('AppArmor profile fields (1.30+)', () => {
  it('accepts a Localhost profile with its name, on the pod and the container', () => {
    expect(issuesAt('1.30', withPod({ type: 'Localhost', localhostProfile: 'agent' }))).toEqual([]);
    expect(issuesAt('1.34', withContainer({ type: 'Localhost', localhostProfile: 'agent' }))).toEqual([]);
  });

  it('rejects Localhost without a profile name, and one that is empty', () => {
    expect(issuesAt('1.30', withPod({ type: 'Localhost' }))).toEqual([
      `${POD}.localhostProfile security-context/apparmor-localhost-profile-required`,
    ]);
    expect(issuesAt('1.33', withContainer({ type: 'Localhost', localhostProfile: '' }))).toEqual([
      `${C0}.localhostProfile security-context/apparmor-localhost-profile-required`,
    ]);
  });

  it('rejects a profile name padded with whitespace, and one over 4095 bytes', () => {
    expect(issuesAt('1.31', withContainer({ type: 'Localhost', localhostProfile: ' agent' }))).toEqual([
      `${C0}.localhostProfile security-context/apparmor-localhost-profile-padded`,
    ]);
    expect(issuesAt('1.31', withContainer({ type: 'Localhost', localhostProfile: 'a'.repeat(4096) }))).toEqual([
      `${C0}.localhostProfile security-context/apparmor-localhost-profile-too-long`,
    ]);
    expect(issuesAt('1.31', withContainer({ type: 'Localhost', localhostProfile: 'a'.repeat(4095) }))).toEqual([]);
  });

  it('rejects a profile name with another type, a missing type and an unknown one', () => {
    expect(issuesAt('1.30', withPod({ type: 'Unconfined', localhostProfile: 'agent' }))).toEqual([
      `${POD}.localhostProfile security-context/apparmor-localhost-profile-forbidden`,
    ]);
    expect(issuesAt('1.30', withPod({ localhostProfile: 'agent' }))).toEqual([
      `${POD}.type security-context/apparmor-type-required`,
    ]);
    expect(issuesAt('1.30', withContainer({ type: 'Default' }))).toEqual([
      `${C0}.type security-context/apparmor-type-unsupported`,
    ]);
  });

  it('is an unknown field before 1.30, so no AppArmor rule reports it', () => {
    expect(issuesAt('1.29', withPod({ type: 'Localhost' }))).toEqual([`${POD} type/unknown-field`]);
  });

  it('rejects a deprecated annotation that disagrees with the field, type or profile', () => {
    expect(issuesAt('1.30', withContainer({ type: 'RuntimeDefault' }, 'runtime/default'))).toEqual([]);
    expect(issuesAt('1.30', withContainer({ type: 'RuntimeDefault' }, 'unconfined'))).toEqual([
      `${C0}.type security-context/apparmor-annotation-mismatch`,
    ]);
    expect(issuesAt('1.34', withContainer({ type: 'Localhost', localhostProfile: 'a' }, 'localhost/b'))).toEqual([
      `${C0}.localhostProfile security-context/apparmor-annotation-mismatch`,
    ]);
    expect(issuesAt('1.34', withContainer({ type: 'Localhost', localhostProfile: 'a' }, 'runtime/default'))).toEqual([
      `${C0}.type security-context/apparmor-annotation-mismatch`,
    ]);
  });

  it("checks the annotation against the pod's profile when the container has none, at the container's path", () => {
    const ds = withPod({ type: 'Unconfined' });
    ds.spec.template.metadata.annotations = {
      'container.apparmor.security.beta.kubernetes.io/agent': 'runtime/default',
    };
    expect(issuesAt('1.32', ds)).toEqual([`${C0}.type security-context/apparmor-annotation-mismatch`]);
  });

  it('forbids the field on a Windows pod and skips the annotation check there', () => {
    const ds = withContainer({ type: 'RuntimeDefault' }, 'unconfined');
    ds.spec.template.spec.os = { name: 'windows' };
    expect(issuesAt('1.30', ds)).toEqual([`${C0} pod/os-windows-forbidden-field`]);
  });
});

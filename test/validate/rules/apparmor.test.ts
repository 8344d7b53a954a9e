import { describe, expect, it } from 'vitest';
import { validateManifestFor } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { appArmorRules } from '../../../src/validate/rules/apparmor';
import { profileOf } from '../../../src/validate/versions';
import { daemonSet, issuesAt } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

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

const at = pipelineIssues({ rules: [appArmorRules] });
const NOTE = 'container.apparmor.security.beta.kubernetes.io/agent';

// What each AppArmor issue says, and the annotation/field agreement of
// validateAppArmorAnnotationsAndFieldsMatchOnCreate (1.30) for every type.
ruleCases(
  'AppArmor profile fields and their annotations, with messages (1.30+)',
  [
    {
      name: 'Localhost without a profile name says what to name',
      version: '1.30',
      manifest: withPod({ type: 'Localhost' }),
      want: [`${POD}.localhostProfile security-context/apparmor-localhost-profile-required`],
      message: 'Required value: must be set when AppArmor type is Localhost: name the profile loaded on the node',
    },
    {
      name: 'a padded profile name is shown',
      version: '1.30',
      manifest: withContainer({ type: 'Localhost', localhostProfile: 'agent ' }),
      want: [`${C0}.localhostProfile security-context/apparmor-localhost-profile-padded`],
      message: 'Invalid value "agent ": must not be padded with whitespace',
    },
    {
      name: 'a padded profile over 4095 bytes is both padded and too long',
      version: '1.31',
      manifest: withContainer({ type: 'Localhost', localhostProfile: ` ${'a'.repeat(4095)}` }),
      want: [
        `${C0}.localhostProfile security-context/apparmor-localhost-profile-padded`,
        `${C0}.localhostProfile security-context/apparmor-localhost-profile-too-long`,
      ],
      sameCauses: true,
    },
    {
      name: 'a profile name over 4095 bytes gives its length',
      version: '1.30',
      manifest: withContainer({ type: 'Localhost', localhostProfile: 'é'.repeat(2048) }),
      want: [`${C0}.localhostProfile security-context/apparmor-localhost-profile-too-long`],
      message: 'Too long: must have at most 4095 bytes, got 4096',
    },
    {
      name: 'a profile name with RuntimeDefault is shown',
      version: '1.30',
      manifest: withContainer({ type: 'RuntimeDefault', localhostProfile: 'agent' }),
      want: [`${C0}.localhostProfile security-context/apparmor-localhost-profile-forbidden`],
      message: 'Invalid value "agent": can only be set when AppArmor type is Localhost',
    },
    {
      name: 'a missing type lists the three types',
      version: '1.30',
      manifest: withContainer({ localhostProfile: 'agent' }),
      want: [`${C0}.type security-context/apparmor-type-required`],
      message: 'Required value: type is required when appArmorProfile is set: Localhost, RuntimeDefault or Unconfined',
    },
    {
      name: 'an unknown type lists the supported ones',
      version: '1.30',
      manifest: withPod({ type: 'localhost' }),
      want: [`${POD}.type security-context/apparmor-type-unsupported`],
      message: 'Unsupported value: "localhost": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    },
    {
      name: 'an Unconfined field agrees with an unconfined annotation',
      version: '1.30',
      manifest: withContainer({ type: 'Unconfined' }, 'unconfined'),
      want: [],
    },
    {
      name: 'a Localhost field agrees with the annotation of the same profile',
      version: '1.34',
      manifest: withContainer({ type: 'Localhost', localhostProfile: 'agent' }, 'localhost/agent'),
      want: [],
    },
    {
      name: 'an unknown type is not compared with the annotation',
      version: '1.30',
      manifest: withContainer({ type: 'Default' }, 'runtime/default'),
      want: [`${C0}.type security-context/apparmor-type-unsupported`],
      sameCauses: true,
    },
    {
      name: 'a type mismatch shows the annotation',
      version: '1.30',
      manifest: withContainer({ type: 'Unconfined' }, 'runtime/default'),
      want: [`${C0}.type security-context/apparmor-annotation-mismatch`],
      message:
        'Forbidden: apparmor type in annotation and field must match: the annotation says "runtime/default"; drop the deprecated annotation',
    },
    {
      name: 'a profile mismatch shows the annotation',
      version: '1.30',
      manifest: withContainer({ type: 'Localhost', localhostProfile: 'a' }, 'localhost/b'),
      want: [`${C0}.localhostProfile security-context/apparmor-annotation-mismatch`],
      message:
        'Forbidden: apparmor profile in annotation and field must match: the annotation says "localhost/b"; drop the deprecated annotation',
    },
    {
      name: "a Pod's own annotations are compared with its fields",
      version: '1.30',
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default', annotations: { [NOTE]: 'unconfined' } },
        spec: {
          containers: [
            { name: 'agent', image: 'busybox', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } },
          ],
        },
      },
      want: ['spec.containers[0].securityContext.appArmorProfile.type security-context/apparmor-annotation-mismatch'],
      notServer: 'a Pod: the oracle creates DaemonSets',
    },
  ],
  at,
);

// The rules also run without the strict decoder (validateManifest with some rule sets); a value of
// the wrong type is the types rule's to report, and must neither throw nor be read as another.
describe('AppArmor values of the wrong type, without the decoder', () => {
  const only = (ds: unknown) =>
    validateManifestFor(ds, [appArmorRules], profileOf('1.30')).map((i) => `${toFieldPath(i.path)} ${i.code}`);
  it('ignores a profile name or type that is not a string', () => {
    expect(only(withContainer({ type: 'Localhost', localhostProfile: 7 }))).toEqual([]);
    expect(only(withContainer({ type: 7 }))).toEqual([]);
  });
  it('ignores an annotation that is not a string, and a container name that is not one', () => {
    expect(only(withContainer({ type: 'RuntimeDefault' }, 7 as any))).toEqual([]);
    const ds = withContainer({ type: 'RuntimeDefault' });
    ds.spec.template.spec.containers[0].name = 7;
    ds.spec.template.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/7': 'unconfined' };
    expect(only(ds)).toEqual([]);
  });
});

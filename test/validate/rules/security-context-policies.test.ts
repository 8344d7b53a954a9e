import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateWithProfile } from '../../../src/validate/pipeline';
import { securityContextPoliciesRules } from '../../../src/validate/rules/security-context-policies';
import { profileOf } from '../../../src/validate/versions/profile';
import { daemonSet, issuesAt, issuesOf } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

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

// Table-driven cases with their messages (checked against the API server of their minor where the
// oracle is present): the server's NotSupported text, and our hint where only the gate is missing.
ruleCases(
  'security-context policies, their messages',
  [
    {
      name: 'says MountOption needs SELinuxMount, off in the minor',
      manifest: withPodSc({ seLinuxChangePolicy: 'MountOption' }),
      want: [`${SC}.seLinuxChangePolicy pod/selinux-change-policy-unsupported`],
      message:
        'Unsupported value: "MountOption": supported values: "Recursive" (MountOption needs the SELinuxMount feature gate, off in Kubernetes 1.33)',
      version: '1.33',
    },
    {
      name: 'names only Recursive for any other value, without the gate hint',
      manifest: withPodSc({ seLinuxChangePolicy: '' }),
      want: [`${SC}.seLinuxChangePolicy pod/selinux-change-policy-unsupported`],
      message: 'Unsupported value: "": supported values: "Recursive"',
      version: '1.34',
    },
    {
      name: 'names the supplemental groups policies',
      manifest: withPodSc({ supplementalGroupsPolicy: 'strict' }),
      want: [`${SC}.supplementalGroupsPolicy pod/supplemental-groups-policy-unsupported`],
      message: 'Unsupported value: "strict": supported values: "Merge", "Strict"',
      version: '1.34',
    },
    {
      name: 'names the proc mount types',
      manifest: withProcMount('Masked'),
      want: [`${C0} security-context/proc-mount-unsupported`],
      message: 'Unsupported value: "Masked": supported values: "Default", "Unmasked"',
      version: '1.34',
    },
    {
      name: 'says Unmasked needs hostUsers false, and how to get there',
      manifest: withProcMount('Unmasked'),
      want: [`${C0} security-context/proc-mount-unmasked-host-users`],
      message:
        'Invalid value "Unmasked": `hostUsers` must be false to use `Unmasked`: set spec.hostUsers to false, or use Default',
      version: '1.33',
    },
  ],
  pipelineIssues({ rules: [securityContextPoliciesRules] }),
);

// validateSELinuxChangePolicy (1.33, 1.34): with SELinuxMount on (a cluster's --feature-gates; the
// oracle runs default gates only) AllowOnlyRecursiveSELinuxChangePolicy is false, and any value of
// validSELinuxChangePolicies passes; the NotSupported list is sets.List of it, sorted.
describe('seLinuxChangePolicy where SELinuxMount is turned on', () => {
  const withSELinuxMount = (v: string) =>
    validateWithProfile(withPodSc({ seLinuxChangePolicy: v }), profileOf('1.34', { SELinuxMount: true }), [
      securityContextPoliciesRules,
    ]).errors.map((i) => `${toFieldPath(i.path)} ${i.code}: ${i.message}`);

  it('accepts MountOption and Recursive', () => {
    expect(withSELinuxMount('MountOption')).toEqual([]);
    expect(withSELinuxMount('Recursive')).toEqual([]);
  });

  it('names both policies for another value, without the gate hint', () => {
    expect(withSELinuxMount('Relabel')).toEqual([
      `${SC}.seLinuxChangePolicy pod/selinux-change-policy-unsupported: Unsupported value: "Relabel": supported values: "MountOption", "Recursive"`,
    ]);
  });
});

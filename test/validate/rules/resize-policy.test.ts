import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { resizePolicyRules } from '../../../src/validate/rules/resize-policy';
import { daemonSet, issuesAt } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

const withPolicies = (resizePolicy: unknown[], init = false) =>
  daemonSet((_d, pod, c) => {
    if (init) pod.initContainers = [{ name: 'init', image: 'busybox:1.36', resizePolicy }];
    else c.resizePolicy = resizePolicy;
  });
const C0 = 'spec.template.spec.containers[0].resizePolicy';

describe('resizePolicy (validateResizePolicy, 1.33+)', () => {
  it('accepts cpu and memory with either policy', () => {
    const ds = withPolicies([
      { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      { resourceName: 'memory', restartPolicy: 'RestartContainer' },
    ]);
    expect(issuesAt('1.33', ds)).toEqual([]);
  });

  it('drops the field before 1.33 (InPlacePodVerticalScaling off) and rejects a wrong resource from 1.33', () => {
    const ds = withPolicies([{ resourceName: 'gpu', restartPolicy: 'NotRequired' }]);
    expect(issuesAt('1.32', ds)).toEqual([]);
    expect(issuesAt('1.33', ds)).toEqual([`${C0} container/resize-policy-resource-unsupported`]);
  });

  it('rejects a resource given twice at its index, and a wrong or empty policy', () => {
    const ds = withPolicies([
      { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      { resourceName: 'cpu', restartPolicy: 'Sometimes' },
      { resourceName: '', restartPolicy: '' },
    ]);
    expect(issuesAt('1.34', ds)).toEqual([
      `${C0} container/resize-policy-resource-required`,
      `${C0} container/resize-policy-restart-required`,
      `${C0} container/resize-policy-restart-unsupported`,
      `${C0}[1] container/resize-policy-duplicate`,
    ]);
  });

  it('checks init containers too, sidecar or not', () => {
    const ds = withPolicies([{ resourceName: 'gpu', restartPolicy: 'NotRequired' }], true);
    expect(issuesAt('1.33', ds)).toEqual([
      'spec.template.spec.initContainers[0].resizePolicy container/resize-policy-resource-unsupported',
    ]);
  });
});

const RP = (entries: unknown[], edit?: (pod: any, c: any) => void) =>
  daemonSet((_d, pod, c) => {
    c.resizePolicy = entries;
    edit?.(pod, c);
  });

ruleCases(
  'resizePolicy, case by case (1.33, InPlacePodVerticalScaling on)',
  [
    {
      name: 'a resource given twice',
      manifest: RP([
        { resourceName: 'cpu', restartPolicy: 'NotRequired' },
        { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      ]),
      want: [`${C0}[1] container/resize-policy-duplicate`],
      message: 'Duplicate value: "cpu": one entry per resource',
      version: '1.33',
    },
    {
      name: 'an empty resource name',
      manifest: RP([{ resourceName: '', restartPolicy: 'NotRequired' }]),
      want: [`${C0} container/resize-policy-resource-required`],
      message: 'Required value: set resourceName to cpu or memory',
      version: '1.33',
    },
    {
      name: 'an empty restart policy',
      manifest: RP([{ resourceName: 'cpu', restartPolicy: '' }]),
      want: [`${C0} container/resize-policy-restart-required`],
      message: 'Required value: set restartPolicy to NotRequired or RestartContainer',
      version: '1.33',
    },
    {
      name: 'a pod restarting Never takes only NotRequired',
      manifest: RP(
        [
          { resourceName: 'cpu', restartPolicy: 'NotRequired' },
          { resourceName: 'memory', restartPolicy: 'RestartContainer' },
        ],
        (pod) => {
          pod.restartPolicy = 'Never';
        },
      ),
      want: [`${C0} container/resize-policy-restart-never`],
      message: "Invalid value \"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'",
      version: '1.33',
    },
    {
      name: 'a resource name that is no string is left to the decoder',
      manifest: RP([{ resourceName: 5, restartPolicy: 'NotRequired' }]),
      want: [],
      version: '1.33',
      notServer: 'the strict decoder rejects a number as a resource name before validation',
    },
    {
      name: 'a restart policy that is no string is left to the decoder',
      manifest: RP([{ resourceName: 'cpu', restartPolicy: 5 }]),
      want: [],
      version: '1.33',
      notServer: 'the strict decoder rejects a number as a restart policy before validation',
    },
    {
      name: 'an ephemeral container resize policy is not checked here',
      manifest: daemonSet((_d, pod) => {
        pod.ephemeralContainers = [
          { name: 'debug', image: 'busybox:1.36', resizePolicy: [{ resourceName: 'gpu', restartPolicy: 'x' }] },
        ];
      }),
      want: [],
      version: '1.33',
      notServer: 'a template forbids ephemeral containers, a rule outside this set',
    },
  ],
  pipelineIssues({ rules: [resizePolicyRules] }),
);

describe('resizePolicy where InPlacePodVerticalScaling is off', () => {
  it('is left alone by the validation phase itself (1.27 profile)', () => {
    const ds = withPolicies([{ resourceName: 'gpu', restartPolicy: '' }]);
    expect(validateManifest(ds, [resizePolicyRules])).toEqual([]);
  });
});

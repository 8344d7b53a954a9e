import { describe, expect, it } from 'vitest';
import { validateForVersion } from '../../../src/validate/pipeline';
import { validateManifest, validateManifestFor } from '../../../src/validate/engine';
import { profileOf } from '../../../src/validate/versions/profile';
import { podResourcesRules } from '../../../src/validate/rules/pod-resources';
import { daemonSet, issuesAt } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

const R = 'spec.template.spec.resources';
const withResources = (resources: any, edit?: (pod: any, c: any) => void) =>
  daemonSet((_d, pod, c) => {
    pod.resources = resources;
    edit?.(pod, c);
  });

describe('pod-level resources (validatePodResources, 1.34)', () => {
  it('accepts pod limits that cover the containers', () => {
    const ds = withResources({ limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '1' } }, (_p, c) => {
      c.resources = { limits: { cpu: '2' }, requests: { cpu: '500m' } };
    });
    expect(issuesAt('1.34', ds)).toEqual([]);
  });

  it('is dropped in 1.32-1.33, where PodLevelResources is off', () => {
    const ds = withResources({ limits: { cpu: '1' } }, (_p, c) => {
      c.resources = { limits: { cpu: '2' } };
    });
    expect(issuesAt('1.33', ds)).toEqual([]);
    expect(issuesAt('1.34', ds)).toEqual([`${R}.containers[0][cpu].limits pod-resources/container-limit-above-pod`]);
  });

  it('takes only cpu, memory and hugepages, no claims, and requests within limits', () => {
    const ds = withResources({
      limits: { cpu: '1', 'nvidia.com/gpu': '1' },
      requests: { cpu: '2', 'ephemeral-storage': '1Gi' },
      claims: [{ name: 'gpu' }],
    });
    expect(issuesAt('1.34', ds)).toEqual([
      `${R}.claims pod-resources/claims-forbidden`,
      `${R}.claims[0] resource-claim/container-claim-not-found`,
      `${R}.limits[nvidia.com/gpu] pod-resources/name-unsupported`,
      `${R}.requests pod-resources/request-exceeds-limit`,
      `${R}.requests[ephemeral-storage] pod-resources/name-unsupported`,
    ]);
  });

  it("requires pod requests to cover the containers' aggregate: sidecars add up, init containers count alone", () => {
    const aggregate = (init: any[]) => {
      const ds = withResources({ requests: { cpu: '1' } }, (pod, c) => {
        c.resources = { requests: { cpu: '600m' } };
        pod.initContainers = init;
      });
      return validateForVersion(ds, { kubernetesVersion: '1.34' }).errors.map((e) => e.message);
    };
    const sidecar = (cpu: string) => ({
      name: 'proxy',
      image: 'envoy:1',
      restartPolicy: 'Always',
      resources: { requests: { cpu } },
    });
    const setup = (cpu: string) => ({ name: 'setup', image: 'busybox:1.36', resources: { requests: { cpu } } });
    expect(aggregate([sidecar('300m')])).toEqual([]);
    // 600m + a 500m sidecar
    expect(aggregate([sidecar('500m')])).toEqual([
      'Invalid value "1": must be greater than or equal to aggregate container requests of 1100m',
    ]);
    // max(600m + 300m, 900m + 300m started before it)
    expect(aggregate([sidecar('300m'), setup('900m')])).toEqual([
      'Invalid value "1": must be greater than or equal to aggregate container requests of 1200m',
    ]);
    // an init container before the sidecar runs alone
    expect(aggregate([setup('900m'), sidecar('300m')])).toEqual([]);
  });

  it('skips the request check for a resource the pod does not request (#132551)', () => {
    const ds = withResources({ requests: { memory: '1Gi' } }, (_p, c) => {
      c.resources = { requests: { cpu: '4' } };
    });
    expect(issuesAt('1.34', ds)).toEqual([]);
  });

  it("requires pod hugepage limits to cover the containers'", () => {
    const ds = withResources({ limits: { 'hugepages-2Mi': '2Mi', memory: '1Gi' } }, (_p, c) => {
      c.resources = { limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' }, requests: { memory: '1Gi' } };
    });
    expect(issuesAt('1.34', ds)).toEqual([
      `${R}.containers[0][hugepages-2Mi].limits pod-resources/container-limit-above-pod`,
      `${R}.limits[hugepages-2Mi] pod-resources/hugepages-below-containers`,
    ]);
  });

  it('forbids pod-level resources on a Windows pod, and nothing more', () => {
    const ds = withResources({ limits: { 'example.com/x': '1' } }, (pod) => {
      pod.os = { name: 'windows' };
    });
    expect(issuesAt('1.34', ds)).toEqual([`${R} pod-resources/windows`]);
  });
});

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const sidecar = (name: string) => ({ name, image: 'envoy:1', restartPolicy: 'Always' });
const podLimits = (resources: any, limits?: any, requests?: any) =>
  withResources(resources, (_p, c) => {
    if (limits || requests) c.resources = { ...(limits && { limits }), ...(requests && { requests }) };
  });

ruleCases(
  'pod-level resources, case by case (1.34, PodLevelResources on)',
  [
    {
      name: 'a request equal to its limit',
      manifest: podLimits({ limits: { cpu: '1' }, requests: { cpu: '1' } }),
      want: [],
      version: '1.34',
    },
    {
      name: 'a zero request',
      manifest: podLimits({ requests: { cpu: '0' } }),
      want: [],
      version: '1.34',
    },
    {
      name: 'a negative request',
      manifest: podLimits({ requests: { cpu: '-1' } }),
      want: [`${R}.requests[cpu] pod-resources/quantity-negative`],
      message: 'Invalid value "-1": must be greater than or equal to 0',
      version: '1.34',
    },
    {
      name: "a pod request equal to the containers' aggregate",
      manifest: podLimits({ requests: { cpu: '600m' } }, undefined, { cpu: '600m' }),
      want: [],
      version: '1.34',
    },
    {
      name: "a pod request below the containers' aggregate, in whole units",
      manifest: podLimits({ requests: { cpu: '1' } }, undefined, { cpu: '2' }),
      want: [`${R}.requests[cpu] pod-resources/request-below-containers`],
      message: 'Invalid value "1": must be greater than or equal to aggregate container requests of 2',
      version: '1.34',
    },
    {
      // Quantity.String() on both sides, as k8s-oracle run 1.34 words it: "500m", not "0.5".
      name: "a pod request below the containers' aggregate, spelled otherwise than the server prints it",
      manifest: podLimits({ requests: { cpu: '0.5' } }, undefined, { cpu: '1000m' }),
      want: [`${R}.requests[cpu] pod-resources/request-below-containers`],
      message: 'Invalid value "500m": must be greater than or equal to aggregate container requests of 1',
      version: '1.34',
    },
    {
      name: 'a container limit above the pod limit, spelled otherwise than the server prints it',
      manifest: podLimits({ limits: { cpu: '0.75' } }, { cpu: '1000m' }),
      want: [`${R}.containers[0][cpu].limits pod-resources/container-limit-above-pod`],
      message: 'Invalid value "1": must be less than or equal to pod limits of 750m',
      version: '1.34',
    },
    {
      name: 'a negative pod limit, as the server prints it',
      manifest: podLimits({ limits: { cpu: '-1000m' } }),
      want: [`${R}.limits[cpu] pod-resources/quantity-negative`],
      message: 'Invalid value "-1": must be greater than or equal to 0',
      version: '1.34',
    },
    {
      name: "a pod hugepage limit equal to the containers'",
      manifest: podLimits(
        { limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' } },
        { 'hugepages-2Mi': '4Mi', memory: '1Gi' },
      ),
      want: [],
      version: '1.34',
    },
    {
      name: "a pod hugepage limit below the containers', a sidecar's included, in binary units",
      manifest: withResources({ limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' } }, (pod, c) => {
        c.resources = { limits: { 'hugepages-2Mi': '2Mi', memory: '1Gi' } };
        pod.initContainers = [
          { ...sidecar('proxy'), resources: { limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' } } },
        ];
      }),
      want: [`${R}.limits[hugepages-2Mi] pod-resources/hugepages-below-containers`],
      message: 'Invalid value "4Mi": must be greater than or equal to aggregate container limits of 6Mi',
      version: '1.34',
    },
    {
      name: "a pod memory request below the containers': the sum keeps the format of its first term",
      manifest: withResources({ requests: { memory: '1Mi' } }, (pod, c) => {
        c.resources = { requests: { memory: '1024k' } };
        pod.initContainers = [{ ...sidecar('proxy'), resources: { requests: { memory: '1000Ki' } } }];
      }),
      want: [`${R}.requests[memory] pod-resources/request-below-containers`],
      message: 'Invalid value "1Mi": must be greater than or equal to aggregate container requests of 2048k',
      version: '1.34',
    },
    {
      name: "a pod memory request below the containers': a sum from zero takes the format of what is added",
      manifest: withResources({ requests: { memory: '512Mi' } }, (pod, c) => {
        c.resources = { requests: { memory: '0' } };
        pod.initContainers = [{ ...sidecar('proxy'), resources: { requests: { memory: '1Gi' } } }];
      }),
      want: [`${R}.requests[memory] pod-resources/request-below-containers`],
      message: 'Invalid value "512Mi": must be greater than or equal to aggregate container requests of 1Gi',
      version: '1.34',
    },
    {
      name: "a pod memory request below the containers': an init container only as large leaves the sum as written",
      manifest: withResources({ requests: { memory: '512Mi' } }, (pod, c) => {
        c.resources = { requests: { memory: '1Gi' } };
        pod.initContainers = [
          { name: 'setup', image: 'busybox:1.36', resources: { requests: { memory: '1073741824' } } },
        ];
      }),
      want: [`${R}.requests[memory] pod-resources/request-below-containers`],
      message: 'Invalid value "512Mi": must be greater than or equal to aggregate container requests of 1Gi',
      version: '1.34',
    },
    {
      name: 'container hugepages and memory the pod does not limit',
      manifest: podLimits({ limits: { cpu: '1' } }, { 'hugepages-2Mi': '4Mi', memory: '1Gi' }),
      want: [],
      version: '1.34',
    },
    {
      name: 'a container limit above the pod limit',
      manifest: podLimits({ limits: { cpu: '1' } }, { cpu: '1500m', memory: '1Gi' }),
      want: [`${R}.containers[0][cpu].limits pod-resources/container-limit-above-pod`],
      message: 'Invalid value "1500m": must be less than or equal to pod limits of 1',
      version: '1.34',
    },
    {
      name: 'a request above its limit',
      manifest: podLimits({ limits: { cpu: '1' }, requests: { cpu: '2' } }),
      want: [`${R}.requests pod-resources/request-exceeds-limit`],
      message: 'Invalid value "2": must be less than or equal to cpu limit of 1',
      version: '1.34',
    },
    {
      name: 'a resource name the pod level does not take',
      manifest: podLimits({ limits: { 'example.com/foo': '1' } }),
      want: [`${R}.limits[example.com/foo] pod-resources/name-unsupported`],
      message:
        'Unsupported value: "example.com/foo": supported values: "cpu", "hugepages-", "memory": pod-level resources take cpu, memory and hugepages-<size>; keep others on the containers',
      version: '1.34',
      sameCauses: true,
    },
    {
      name: 'an invalid resource name, and only that',
      manifest: podLimits({ limits: { 'bad name': '1' } }),
      want: [`${R}.limits[bad name] pod-resources/name-invalid`],
      message: `Invalid value "bad name": ${NAME_PART}`,
      version: '1.34',
      sameCauses: true,
    },
    {
      name: 'a Windows pod',
      manifest: withResources({ limits: { cpu: '1' } }, (pod) => {
        pod.os = { name: 'windows' };
      }),
      want: [`${R} pod-resources/windows`],
      message: 'Forbidden: may not be set for a windows pod: set resources on the containers',
      version: '1.34',
    },
    {
      name: 'pod-level claims',
      manifest: podLimits({ claims: [{ name: 'x' }] }),
      want: [`${R}.claims pod-resources/claims-forbidden`, `${R}.claims[0] resource-claim/container-claim-not-found`],
      message: 'Forbidden: claims may not be set for Resources at pod-level: list them on the containers',
      version: '1.34',
    },
    {
      name: 'quantities that are no strings are left to the decoder',
      manifest: podLimits({ limits: { cpu: true }, requests: { cpu: true } }, { cpu: '1' }, { cpu: '1' }),
      want: [],
      version: '1.34',
      notServer: 'the strict decoder rejects a boolean quantity before validation',
    },
  ],
  pipelineIssues({ rules: [podResourcesRules] }),
);

describe('pod-level resources where PodLevelResources is off', () => {
  it('are left alone by the validation phase itself (1.27 profile)', () => {
    const ds = podLimits({ limits: { cpu: '1', 'example.com/foo': '1' }, claims: [{ name: 'x' }] }, { cpu: '2' });
    expect(validateManifest(ds, [podResourcesRules])).toEqual([]);
  });
});

describe('aggregate amounts in messages', () => {
  it('keep nano-units where no defaulting rounded them (the validation phase alone)', () => {
    const ds = podLimits({ requests: { cpu: '1n' } }, undefined, { cpu: '1500n' });
    expect(validateManifestFor(ds, [podResourcesRules], profileOf('1.34')).map((i) => i.message)).toEqual([
      'Invalid value "1n": must be greater than or equal to aggregate container requests of 1500n',
    ]);
  });
});

describe('pod-level claims with DynamicResourceAllocation off', () => {
  it('are forbidden without looking their names up among the pod claims', () => {
    const ds = podLimits({ claims: [{ name: 'x' }] });
    const profile = profileOf('1.34', { DynamicResourceAllocation: false });
    expect(validateManifestFor(ds, [podResourcesRules], profile).map((i) => i.code)).toEqual([
      'pod-resources/claims-forbidden',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet, issuesAt } from '../../support/manifest';

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

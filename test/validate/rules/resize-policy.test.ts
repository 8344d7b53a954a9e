import { describe, expect, it } from 'vitest';
import { daemonSet, issuesAt } from '../../support/manifest';

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

import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { TkestackGpuAgent } from '../../examples/tkestack-gpu-agent';

describe('examples/tkestack-gpu-agent', () => {
  const manifest = () => new TkestackGpuAgent(Testing.app()).daemonSet.toJson();

  it('matches its snapshot', () => {
    expect(manifest()).toMatchSnapshot();
  });

  it('carries all three TKEStack options', () => {
    const m = manifest();
    expect(Object.keys(m.spec.template.metadata.annotations)).toEqual([
      'k8s.v1.cni.cncf.io/networks',
      'k8s.v1.cni.galaxy.io/release-policy',
      'log.tke.cloud.tencent.com/log-dir',
      'tencent.com/vcuda-core-limit',
    ]);
    expect(m.spec.template.spec.containers[0].resources.limits['tencent.com/vcuda-core']).toBe(10);
  });
});

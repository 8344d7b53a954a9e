import { describe, expect, it } from 'vitest';
import { NetworkMode, toFieldPath } from '../../src';
import { makeDaemonSet, manifestOf, podSpecOf } from '../support/synth';

describe('FloatingIP network mode', () => {
  it('annotates the pod for the Galaxy underlay network and requests one ENI IP in the first container', () => {
    const { ds } = makeDaemonSet({
      network: NetworkMode.floatingIp(),
      containers: [
        { name: 'a', image: 'a:1', resources: { cpu: { request: '100m' } } },
        { name: 'b', image: 'b:1' },
      ],
    });
    const m = manifestOf(ds);
    expect(m.spec.template.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'galaxy-k8s-vlan' });
    expect(podSpecOf(ds).containers[0].resources).toEqual({
      requests: { cpu: '100m', 'tke.cloud.tencent.com/eni-ip': '1' },
      limits: { 'tke.cloud.tencent.com/eni-ip': '1' },
    });
    expect(podSpecOf(ds).containers[1]).not.toHaveProperty('resources');
    expect(podSpecOf(ds)).not.toHaveProperty('hostNetwork');
    expect(ds.issues()).toEqual([]);
  });

  it('writes the release-on-delete policy as the console does, an empty value', () => {
    const { ds } = makeDaemonSet({ network: NetworkMode.floatingIp({ releasePolicy: 'OnPodDelete' }) });
    expect(manifestOf(ds).spec.template.metadata.annotations['k8s.v1.cni.galaxy.io/release-policy']).toBe('');
  });

  it.each([
    ['Immutable', 'immutable'],
    ['Never', 'never'],
  ] as const)('refuses the %s policy, which Galaxy cannot honour for DaemonSet pods', (policy, value) => {
    const { ds } = makeDaemonSet({ network: NetworkMode.floatingIp({ releasePolicy: policy }) });
    expect(manifestOf(ds).spec.template.metadata.annotations['k8s.v1.cni.galaxy.io/release-policy']).toBe(value);
    expect(ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([
      'spec.template.metadata.annotations[k8s.v1.cni.galaxy.io/release-policy] network/floating-ip-policy-unsupported',
    ]);
  });

  it('keeps the user pod annotations beside the Galaxy ones', () => {
    const { ds } = makeDaemonSet({ network: NetworkMode.floatingIp(), podAnnotations: { team: 'net' } });
    expect(manifestOf(ds).spec.template.metadata.annotations).toEqual({
      'k8s.v1.cni.cncf.io/networks': 'galaxy-k8s-vlan',
      team: 'net',
    });
  });
});

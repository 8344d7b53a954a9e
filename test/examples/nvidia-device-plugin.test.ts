import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { NvidiaDevicePlugin } from '../../examples/nvidia-device-plugin';
import { vendorManifest } from './_vendor';

/* eslint-disable @typescript-eslint/no-explicit-any */

const chart = () => new NvidiaDevicePlugin(Testing.app());
const manifest = (): any => chart().daemonSet.toJson();
const vendor = vendorManifest('nvidia-device-plugin.yaml');

describe('examples/nvidia-device-plugin', () => {
  it('matches its snapshot', () => {
    expect(chart().toJson()).toMatchSnapshot();
  });

  it('passes validation', () => {
    expect(chart().daemonSet.issues()).toEqual([]);
  });

  it('runs unprivileged, with every capability dropped and no privilege escalation', () => {
    const c = manifest().spec.template.spec.containers[0];
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  it('mounts the kubelet device-plugins folder, which must already exist', () => {
    const pod = manifest().spec.template.spec;
    expect(pod.volumes).toEqual([
      { name: 'kubelet-device-plugins-dir', hostPath: { path: '/var/lib/kubelet/device-plugins', type: 'Directory' } },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'kubelet-device-plugins-dir', mountPath: '/var/lib/kubelet/device-plugins' },
    ]);
  });

  it('tolerates the nvidia.com/gpu taint and is node-critical', () => {
    const pod = manifest().spec.template.spec;
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.priorityClassName).toBe('system-node-critical');
    expect(manifest().spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  it.skipIf(!vendor)("synthesizes NVIDIA's static manifest, but for its empty env list", () => {
    const expected = structuredClone(vendor);
    delete expected.spec.template.spec.containers[0].env; // `env: []`: we omit empty lists
    expect(manifest()).toEqual(expected);
  });
});

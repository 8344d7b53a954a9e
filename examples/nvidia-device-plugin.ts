import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DaemonSet, UpdateStrategy, Volume } from '../src';

/**
 * NVIDIA's device plugin, as its static manifest ships it
 * (NVIDIA/k8s-device-plugin `deployments/static/nvidia-device-plugin.yml`). It registers with the
 * kubelet through a socket in the device-plugins folder and advertises `nvidia.com/gpu`, so it
 * needs no privileges: it runs with every capability dropped and no privilege escalation.
 */
export class NvidiaDevicePlugin extends Chart {
  public readonly daemonSet: DaemonSet;

  public constructor(scope: Construct, id = 'nvidia-device-plugin') {
    super(scope, id);
    this.daemonSet = new DaemonSet(this, 'plugin', {
      name: 'nvidia-device-plugin-daemonset',
      namespace: 'kube-system',
      matchLabels: { name: 'nvidia-device-plugin-ds' },
      updateStrategy: UpdateStrategy.rollingUpdate(),
      // GPU nodes are often tainted nvidia.com/gpu so that only GPU workloads land there.
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      // Without the plugin a node's GPUs can't be scheduled: let it preempt to stay on the node.
      priorityClassName: 'system-node-critical',
    });
    // `Directory`: the kubelet creates this folder; a node without it has no kubelet to register with.
    const devicePlugins = Volume.fromHostPath('kubelet-device-plugins-dir', {
      path: '/var/lib/kubelet/device-plugins',
      type: 'Directory',
    });
    this.daemonSet
      .addContainer({
        name: 'nvidia-device-plugin-ctr',
        image: 'nvcr.io/nvidia/k8s-device-plugin:v0.20.0',
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        },
      })
      .mount('/var/lib/kubelet/device-plugins', devicePlugins);
  }
}

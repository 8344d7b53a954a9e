import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DaemonSet, Gpu, NetworkMode, NodeRequirement, NodeScheduling, Volume } from '../src';

/**
 * A GPU telemetry agent on a TKEStack cluster, using the three options plain Kubernetes has no
 * name for: a Galaxy floating IP per pod, a GPU Manager share of one card, and a log directory
 * that TKEStack's LogAgent can list and download.
 */
export class TkestackGpuAgent extends Chart {
  public readonly daemonSet: DaemonSet;

  public constructor(scope: Construct, id = 'tkestack-gpu-agent') {
    super(scope, id);
    this.daemonSet = new DaemonSet(this, 'agent', {
      name: 'gpu-telemetry',
      namespace: 'monitoring',
      description: 'Per-node GPU telemetry, reachable on an underlay IP',
      matchLabels: { app: 'gpu-telemetry' },
      network: NetworkMode.floatingIp({ releasePolicy: 'OnPodDelete' }),
      scheduling: NodeScheduling.byNodeLabels({ required: [NodeRequirement.exists('tencent.com/vcuda')] }),
      vcudaCoreLimit: 20,
    });
    const logs = Volume.fromEmptyDir('logs');
    this.daemonSet
      .addContainer({
        name: 'telemetry',
        image: 'registry.example.com/gpu-telemetry',
        tag: '2.1.0',
        ports: [{ containerPort: 9400, name: 'metrics' }],
        resources: {
          cpu: { request: '50m', limit: '200m' },
          memory: { request: '64Mi', limit: '128Mi' },
          gpu: Gpu.vcuda({ core: 10, memory: 1 }),
        },
        logDirectory: '/var/log/telemetry',
      })
      .mount('/var/log/telemetry', logs);
  }
}

import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DaemonSet, Volume } from '../src';

/**
 * The Kubernetes documentation's fluentd-elasticsearch DaemonSet, which the TKEStack console
 * guide uses as its reference (`shared/product/fluentd-elasticsearch.yaml`).
 */
export class FluentdElasticsearch extends Chart {
  public readonly daemonSet: DaemonSet;

  public constructor(scope: Construct, id = 'fluentd-elasticsearch') {
    super(scope, id);
    this.daemonSet = new DaemonSet(this, 'fluentd', {
      name: 'fluentd-elasticsearch',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'fluentd-logging' },
      matchLabels: { name: 'fluentd-elasticsearch' },
      tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
      terminationGracePeriodSeconds: 30,
    });
    const varlog = Volume.fromHostPath('varlog', { path: '/var/log' });
    const dockerContainers = Volume.fromHostPath('varlibdockercontainers', { path: '/var/lib/docker/containers' });
    this.daemonSet
      .addContainer({
        name: 'fluentd-elasticsearch',
        image: 'k8s.gcr.io/fluentd-elasticsearch',
        tag: '1.20',
        resources: {
          cpu: { request: '100m' },
          memory: { request: '200Mi', limit: '200Mi' },
        },
      })
      .mount('/var/log', varlog)
      .mount('/var/lib/docker/containers', dockerContainers, { readOnly: true });
  }
}

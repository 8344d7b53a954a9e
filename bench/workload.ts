import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DaemonSet, EnvValue, NetworkMode, Probe, UpdateStrategy, Volume } from '../src';

/**
 * The benchmark's node agent, number `i`: a log shipper shaped like the examples (two containers,
 * three volume kinds, literal and fieldRef env, probes, resources, tolerations, rolling update).
 */
export function ourAgent(scope: Construct, i: number): DaemonSet {
  const ds = new DaemonSet(scope, 'agent', {
    name: `agent-${i}`,
    namespace: 'logging',
    labels: { 'app.kubernetes.io/part-of': 'fleet' },
    matchLabels: { app: `agent-${i}` },
    network: NetworkMode.host(),
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
    updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: '10%' }),
    terminationGracePeriodSeconds: 30,
  });
  const varlog = Volume.fromHostPath('varlog', { path: '/var/log' });
  const buffer = Volume.fromEmptyDir('buffer', { sizeLimit: '1Gi' });
  ds.addContainer({
    name: 'shipper',
    image: 'fluent/fluent-bit',
    tag: `2.2.${i % 10}`,
    args: ['--config', '/fluent-bit/etc/fluent-bit.conf'],
    ports: [{ containerPort: 2020, name: 'http' }],
    env: { NODE_NAME: EnvValue.fromFieldRef('spec.nodeName'), LOG_LEVEL: EnvValue.fromValue('info') },
    resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '256Mi' } },
    livenessProbe: Probe.fromHttpGet('/', { port: 'http', periodSeconds: 10 }),
    readinessProbe: Probe.fromHttpGet('/api/v1/health', { port: 'http' }),
  })
    .mount('/var/log', varlog, { readOnly: true })
    .mount('/buffer', buffer);
  ds.addContainer({
    name: 'reloader',
    image: 'jimmidyson/configmap-reload:v0.9.0',
    args: ['--volume-dir=/buffer'],
    resources: { cpu: { request: '10m' }, memory: { request: '16Mi', limit: '32Mi' } },
  }).mount('/buffer', buffer, { readOnly: true });
  return ds;
}

/** The same agent with cdk8s-plus-27's DaemonSet, as a team would write it without this SDK. */
export function plainAgent(scope: Construct, i: number): kplus.DaemonSet {
  const ds = new kplus.DaemonSet(scope, 'agent', {
    metadata: { name: `agent-${i}`, namespace: 'logging', labels: { 'app.kubernetes.io/part-of': 'fleet' } },
    hostNetwork: true,
    dns: { policy: kplus.DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET },
    terminationGracePeriod: undefined,
  });
  ds.scheduling.tolerate(
    kplus.Node.tainted(kplus.NodeTaintQuery.exists('', { effect: kplus.TaintEffect.NO_SCHEDULE })),
  );
  const varlog = kplus.Volume.fromHostPath(scope, 'varlog', 'varlog', { path: '/var/log' });
  const buffer = kplus.Volume.fromEmptyDir(scope, 'buffer', 'buffer', { sizeLimit: undefined });
  const shipper = ds.addContainer({
    name: 'shipper',
    image: `fluent/fluent-bit:2.2.${i % 10}`,
    args: ['--config', '/fluent-bit/etc/fluent-bit.conf'],
    ports: [{ number: 2020, name: 'http' }],
    envVariables: {
      NODE_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_NAME),
      LOG_LEVEL: kplus.EnvValue.fromValue('info'),
    },
    liveness: kplus.Probe.fromHttpGet('/', { port: 2020 }),
    readiness: kplus.Probe.fromHttpGet('/api/v1/health', { port: 2020 }),
  });
  shipper.mount('/var/log', varlog, { readOnly: true });
  shipper.mount('/buffer', buffer);
  const reloader = ds.addContainer({
    name: 'reloader',
    image: 'jimmidyson/configmap-reload:v0.9.0',
    args: ['--volume-dir=/buffer'],
  });
  reloader.mount('/buffer', buffer, { readOnly: true });
  return ds;
}

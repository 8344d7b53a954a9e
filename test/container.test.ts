import * as kplus from 'cdk8s-plus-27';
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { EnvFrom, EnvValue, Gpu, Handler, Probe, Volume } from '../src';
import { containerOf, makeDaemonSet } from './support/synth';

describe('Container basics', () => {
  it('writes command, args and workingDir as given', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'a', image: 'a:1', command: ['/bin/agent'], args: ['--v=2', 'yes'], workingDir: '/work' }],
    });
    expect(containerOf(ds)).toEqual({
      name: 'a',
      image: 'a:1',
      command: ['/bin/agent'],
      args: ['--v=2', 'yes'],
      workingDir: '/work',
    });
  });

  it('writes ports with protocol, name, hostPort and hostIP', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'a', image: 'a:1', ports: [{ containerPort: 53, protocol: 'UDP', name: 'dns' }] }],
    });
    ds.containers[0].addPort({ containerPort: 9100, name: 'metrics', hostPort: 9100, hostIP: '127.0.0.1' });
    expect(containerOf(ds).ports).toEqual([
      { containerPort: 53, protocol: 'UDP', name: 'dns' },
      { containerPort: 9100, name: 'metrics', hostPort: 9100, hostIP: '127.0.0.1' },
    ]);
  });

  it('writes privileged and capabilities', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] } },
        },
      ],
    });
    expect(containerOf(ds).securityContext).toEqual({
      privileged: true,
      capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] },
    });
  });

  it('writes the rest of the container security context', () => {
    const sc = {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' as const },
      procMount: 'Default' as const,
    };
    expect(
      containerOf(makeDaemonSet({ containers: [{ name: 'a', image: 'a:1', securityContext: sc }] }).ds).securityContext,
    ).toEqual(sc);
  });

  it('copies caller arrays so later edits do not leak into the manifest', () => {
    const args = ['--a'];
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'a:1', args }] });
    args.push('--b');
    expect(containerOf(ds).args).toEqual(['--a']);
  });
});

describe('Container resources', () => {
  it('writes only the requests and limits given', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          resources: { cpu: { request: '100m' }, memory: { request: '200Mi', limit: '200Mi' } },
        },
      ],
    });
    expect(containerOf(ds).resources).toEqual({
      requests: { cpu: '100m', memory: '200Mi' },
      limits: { memory: '200Mi' },
    });
  });

  it('writes no resources when none are given', () => {
    expect(containerOf(makeDaemonSet().ds)).not.toHaveProperty('resources');
  });

  it('writes ephemeral storage and other resources by name', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          resources: {
            ephemeralStorage: { limit: '1Gi' },
            other: { 'hugepages-2Mi': { request: '100Mi', limit: '100Mi' } },
          },
        },
      ],
    });
    expect(containerOf(ds).resources).toEqual({
      requests: { 'hugepages-2Mi': '100Mi' },
      limits: { 'ephemeral-storage': '1Gi', 'hugepages-2Mi': '100Mi' },
    });
  });

  it('writes whole NVIDIA GPUs as a limit', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'a:1', resources: { gpu: Gpu.nvidia(2) } }] });
    expect(containerOf(ds).resources).toEqual({ limits: { 'nvidia.com/gpu': 2 } });
  });

  it('writes GPU Manager shares as equal requests and limits', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'a', image: 'a:1', resources: { gpu: Gpu.vcuda({ core: 50, memory: 4 }) } }],
    });
    const both = { 'tencent.com/vcuda-core': 50, 'tencent.com/vcuda-memory': 4 };
    expect(containerOf(ds).resources).toEqual({ requests: both, limits: both });
  });
});

describe('Container environment', () => {
  const chart = () => new Chart(Testing.app(), 'c');

  it('writes every console kind of variable in order', () => {
    const c = chart();
    const cm = new kplus.ConfigMap(c, 'cm', { metadata: { name: 'agent-config' } });
    const secret = kplus.Secret.fromSecretName(c, 's', 'agent-secret');
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          env: {
            LEVEL: EnvValue.fromValue('on'),
            ENDPOINT: EnvValue.fromConfigMap(cm, 'endpoint'),
            TOKEN: EnvValue.fromSecret(secret, 'token', { optional: true }),
            NODE: EnvValue.fromFieldRef('spec.nodeName'),
            APP: EnvValue.fromFieldRef("metadata.labels['app']", { apiVersion: 'v1' }),
            MEM: EnvValue.fromResource('limits.memory', { divisor: '1Mi', containerName: 'a' }),
          },
        },
      ],
    });
    ds.containers[0].addEnv('HOST_IP', EnvValue.fromFieldRef('status.hostIP'));
    expect(containerOf(ds).env).toEqual([
      { name: 'LEVEL', value: 'on' },
      { name: 'ENDPOINT', valueFrom: { configMapKeyRef: { name: 'agent-config', key: 'endpoint' } } },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'agent-secret', key: 'token', optional: true } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'APP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
      {
        name: 'MEM',
        valueFrom: { resourceFieldRef: { containerName: 'a', resource: 'limits.memory', divisor: '1Mi' } },
      },
      { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
    ]);
  });

  it('writes envFrom for all keys of a ConfigMap or Secret', () => {
    const c = chart();
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          envFrom: [
            EnvFrom.configMap(kplus.ConfigMap.fromConfigMapName(c, 'cm', 'settings'), { prefix: 'CFG_' }),
            EnvFrom.secret(kplus.Secret.fromSecretName(c, 's', 'creds'), { optional: true }),
          ],
        },
      ],
    });
    expect(containerOf(ds).envFrom).toEqual([
      { prefix: 'CFG_', configMapRef: { name: 'settings' } },
      { secretRef: { name: 'creds', optional: true } },
    ]);
  });

  it('replaces a variable set twice, keeping its first position', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0]
      .addEnv('A', EnvValue.fromValue('1'))
      .addEnv('B', EnvValue.fromValue('2'))
      .addEnv('A', EnvValue.fromValue('3'));
    expect(containerOf(ds).env).toEqual([
      { name: 'A', value: '3' },
      { name: 'B', value: '2' },
    ]);
  });
});

describe('Container probes', () => {
  it('writes an HTTP GET liveness probe with timing', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          livenessProbe: Probe.fromHttpGet('/healthz', {
            port: 2020,
            scheme: 'HTTP',
            initialDelaySeconds: 10,
            periodSeconds: 5,
            httpHeaders: [{ name: 'X-Probe', value: 'yes' }],
          }),
        },
      ],
    });
    expect(containerOf(ds).livenessProbe).toEqual({
      httpGet: { path: '/healthz', port: 2020, scheme: 'HTTP', httpHeaders: [{ name: 'X-Probe', value: 'yes' }] },
      initialDelaySeconds: 10,
      periodSeconds: 5,
    });
  });

  it('writes a TCP readiness probe on a named port', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          ports: [{ containerPort: 24224, name: 'forward' }],
          readinessProbe: Probe.fromTcpSocket({ port: 'forward', timeoutSeconds: 2, failureThreshold: 5 }),
        },
      ],
    });
    expect(containerOf(ds).readinessProbe).toEqual({
      tcpSocket: { port: 'forward' },
      timeoutSeconds: 2,
      failureThreshold: 5,
    });
  });

  it('writes command and gRPC probes', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          livenessProbe: Probe.fromCommand(['cat', '/tmp/healthy'], { successThreshold: 1 }),
          startupProbe: Probe.fromGrpc({ port: 9090, service: 'agent' }),
        },
      ],
    });
    expect(containerOf(ds).livenessProbe).toEqual({ exec: { command: ['cat', '/tmp/healthy'] }, successThreshold: 1 });
    expect(containerOf(ds).startupProbe).toEqual({ grpc: { port: 9090, service: 'agent' } });
  });
});

describe('Container mounts', () => {
  it('writes mounts with subPath, readOnly and propagation, and declares their volumes once', () => {
    const data = Volume.fromEmptyDir('data');
    const { ds } = makeDaemonSet();
    ds.containers[0]
      .mount('/data', data)
      .mount('/etc/agent/agent.conf', data, { subPath: 'agent.conf', readOnly: true })
      .mount('/var/lib/kubelet', Volume.fromHostPath('kubelet', { path: '/var/lib/kubelet', type: 'Directory' }), {
        mountPropagation: 'Bidirectional',
      });
    expect(containerOf(ds).volumeMounts).toEqual([
      { name: 'data', mountPath: '/data' },
      { name: 'data', mountPath: '/etc/agent/agent.conf', subPath: 'agent.conf', readOnly: true },
      { name: 'kubelet', mountPath: '/var/lib/kubelet', mountPropagation: 'Bidirectional' },
    ]);
    expect(ds.toJson().spec.template.spec.volumes).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'kubelet', hostPath: { path: '/var/lib/kubelet', type: 'Directory' } },
    ]);
  });

  it('takes mounts from props too', () => {
    const logs = Volume.fromHostPath('logs', { path: '/var/log' });
    const { ds } = makeDaemonSet({
      containers: [{ name: 'a', image: 'a:1', volumeMounts: [{ path: '/var/log', volume: logs, readOnly: true }] }],
    });
    expect(containerOf(ds).volumeMounts).toEqual([{ name: 'logs', mountPath: '/var/log', readOnly: true }]);
  });

  it('reports two different volumes with one name', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0].mount('/a', Volume.fromEmptyDir('x')).mount('/b', Volume.fromEmptyDir('x'));
    expect(ds.issues().map((i) => i.code)).toContain('volume/name-reused');
  });
});

describe('Container lifecycle and termination message', () => {
  it('writes postStart and preStop hooks of each kind', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          lifecycle: {
            postStart: Handler.fromHttpGet('/started', { port: 8080 }),
            preStop: Handler.fromCommand(['/bin/sh', '-c', 'rm -rf /csi/csi.sock']),
          },
        },
      ],
    });
    expect(containerOf(ds).lifecycle).toEqual({
      postStart: { httpGet: { path: '/started', port: 8080 } },
      preStop: { exec: { command: ['/bin/sh', '-c', 'rm -rf /csi/csi.sock'] } },
    });
  });

  it('writes a TCP hook', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'a', image: 'a:1', lifecycle: { preStop: Handler.fromTcpSocket({ port: 'admin' }) } }],
    });
    expect(containerOf(ds).lifecycle).toEqual({ preStop: { tcpSocket: { port: 'admin' } } });
  });

  it('writes the termination message path and policy', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          terminationMessagePath: '/tmp/end',
          terminationMessagePolicy: 'FallbackToLogsOnError',
        },
      ],
    });
    expect(containerOf(ds)).toMatchObject({
      terminationMessagePath: '/tmp/end',
      terminationMessagePolicy: 'FallbackToLogsOnError',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Handler, toYaml, Volume } from '../src';
import { makeDaemonSet, manifestOf } from './support/synth';

/** The pod spec as YAML text and read back. */
function podYaml(ds: Parameters<typeof manifestOf>[0]): any {
  return parse(toYaml(manifestOf(ds))).spec.template.spec;
}

/** The messages of a DaemonSet's issues at one dotted field path. */
const messagesAt = (ds: Parameters<typeof manifestOf>[0], path: string) =>
  ds
    .issues()
    .filter((i) => i.path.join('.') === path)
    .map((i) => i.message);

describe('container fields', () => {
  it('writes tty, stdin and stdinOnce, false included', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'agent', image: 'busybox:1.36', tty: true, stdin: true, stdinOnce: false }],
    });
    expect(podYaml(ds).containers[0]).toMatchObject({ tty: true, stdin: true, stdinOnce: false });
    expect(ds.issues()).toEqual([]);
  });

  it('writes a sidecar init container with restartPolicy Always', () => {
    const { ds } = makeDaemonSet({ initContainers: [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }] });
    expect(podYaml(ds).initContainers[0]).toEqual({ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' });
  });

  it('sidecar restartPolicy fails synth at Kubernetes 1.27, naming 1.28', () => {
    const { ds } = makeDaemonSet({ initContainers: [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }] });
    expect(messagesAt(ds, 'spec.template.spec.initContainers.0.restartPolicy').join()).toContain(
      'added in Kubernetes 1.28',
    );
  });

  it('writes the resize policy', () => {
    const resizePolicy = [
      { resourceName: 'cpu' as const, restartPolicy: 'NotRequired' as const },
      { resourceName: 'memory' as const, restartPolicy: 'RestartContainer' as const },
    ];
    const { ds } = makeDaemonSet({ containers: [{ name: 'agent', image: 'busybox:1.36', resizePolicy }] });
    expect(podYaml(ds).containers[0].resizePolicy).toEqual(resizePolicy);
  });

  it('writes a sleep lifecycle handler', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'agent', image: 'busybox:1.36', lifecycle: { preStop: Handler.fromSleep(5) } }],
    });
    expect(podYaml(ds).containers[0].lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
    expect(messagesAt(ds, 'spec.template.spec.containers.0.lifecycle.preStop.sleep').join()).toContain(
      'added in Kubernetes 1.29',
    );
  });

  it('writes recursiveReadOnly on a mount', () => {
    const logs = Volume.fromHostPath('logs', { path: '/var/log' });
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'agent',
          image: 'busybox:1.36',
          volumeMounts: [{ path: '/var/log', volume: logs, readOnly: true, recursiveReadOnly: 'IfPossible' }],
        },
      ],
    });
    expect(podYaml(ds).containers[0].volumeMounts).toEqual([
      { name: 'logs', mountPath: '/var/log', readOnly: true, recursiveReadOnly: 'IfPossible' },
    ]);
    expect(messagesAt(ds, 'spec.template.spec.containers.0.volumeMounts.0.recursiveReadOnly').join()).toContain(
      'added in Kubernetes 1.30',
    );
  });
});

describe('security contexts', () => {
  it('writes windowsOptions on the pod and the container', () => {
    const windowsOptions = { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' };
    const { ds } = makeDaemonSet({
      securityContext: { windowsOptions },
      containers: [
        {
          name: 'agent',
          image: 'busybox:1.36',
          securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa' } },
        },
      ],
    });
    const spec = podYaml(ds);
    expect(spec.securityContext.windowsOptions).toEqual(windowsOptions);
    expect(spec.containers[0].securityContext.windowsOptions).toEqual({ gmsaCredentialSpecName: 'gmsa' });
  });

  it('writes seccomp and AppArmor profiles on the pod and the container', () => {
    const { ds } = makeDaemonSet({
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, appArmorProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'agent',
          image: 'busybox:1.36',
          securityContext: {
            seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/agent.json' },
            appArmorProfile: { type: 'Localhost', localhostProfile: 'agent' },
          },
        },
      ],
    });
    const spec = podYaml(ds);
    expect(spec.securityContext).toEqual({
      seccompProfile: { type: 'RuntimeDefault' },
      appArmorProfile: { type: 'RuntimeDefault' },
    });
    expect(spec.containers[0].securityContext).toEqual({
      seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/agent.json' },
      appArmorProfile: { type: 'Localhost', localhostProfile: 'agent' },
    });
    expect(messagesAt(ds, 'spec.template.spec.securityContext.appArmorProfile').join()).toContain(
      'added in Kubernetes 1.30',
    );
  });

  it('writes sysctls and the supplemental groups policy', () => {
    const { ds } = makeDaemonSet({
      securityContext: {
        sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
        supplementalGroupsPolicy: 'Strict',
      },
    });
    expect(podYaml(ds).securityContext).toEqual({
      sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
      supplementalGroupsPolicy: 'Strict',
    });
  });
});

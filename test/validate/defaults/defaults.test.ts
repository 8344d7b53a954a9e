import { describe, expect, it } from 'vitest';
import { applyDefaults, defaultingFor } from '../../../src/validate/defaults';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const podSpec = (m: any) => m.spec.template.spec;
const container = (m: any) => m.spec.template.spec.containers[0];

describe('applyDefaults: SetDefaults_DaemonSet', () => {
  it('defaults the update strategy to RollingUpdate with maxUnavailable 1 and maxSurge 0', () => {
    expect(applyDefaults(daemonSet()).spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  });

  it('keeps a written maxSurge and fills only maxUnavailable', () => {
    const m = applyDefaults(daemonSet((ds) => (ds.spec.updateStrategy = { rollingUpdate: { maxSurge: '10%' } })));
    expect(m.spec.updateStrategy.rollingUpdate).toEqual({ maxSurge: '10%', maxUnavailable: 1 });
  });

  it('adds no rollingUpdate under OnDelete', () => {
    const m = applyDefaults(daemonSet((ds) => (ds.spec.updateStrategy = { type: 'OnDelete' })));
    expect(m.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('defaults revisionHistoryLimit to 10 but keeps a written 0 (a pointer)', () => {
    expect(applyDefaults(daemonSet()).spec.revisionHistoryLimit).toBe(10);
    expect(applyDefaults(daemonSet((ds) => (ds.spec.revisionHistoryLimit = 0))).spec.revisionHistoryLimit).toBe(0);
  });
});

describe('applyDefaults: SetDefaults_PodSpec', () => {
  it('fills dnsPolicy, restartPolicy, securityContext, terminationGracePeriodSeconds and schedulerName', () => {
    const spec = podSpec(applyDefaults(daemonSet()));
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.restartPolicy).toBe('Always');
    expect(spec.securityContext).toEqual({});
    expect(spec.terminationGracePeriodSeconds).toBe(30);
    expect(spec.schedulerName).toBe('default-scheduler');
  });

  it('keeps terminationGracePeriodSeconds: 0 (a pointer) and replaces an empty dnsPolicy (a string)', () => {
    const spec = podSpec(
      applyDefaults(
        daemonSet((_ds, pod) => {
          pod.terminationGracePeriodSeconds = 0;
          pod.dnsPolicy = '';
        }),
      ),
    );
    expect(spec.terminationGracePeriodSeconds).toBe(0);
    expect(spec.dnsPolicy).toBe('ClusterFirst');
  });

  const hostNetwork = () =>
    daemonSet((_ds, pod, c) => {
      pod.hostNetwork = true;
      c.ports = [{ containerPort: 9100 }, { containerPort: 9101, hostPort: 9101 }];
    });

  it('copies containerPort into a missing hostPort with hostNetwork in 1.27', () => {
    expect(container(applyDefaults(hostNetwork(), '1.27')).ports.map((p: any) => p.hostPort)).toEqual([9100, 9101]);
  });

  it('leaves hostPort unset with hostNetwork from 1.28 (moved to SetDefaults_Pod)', () => {
    expect(container(applyDefaults(hostNetwork(), '1.28')).ports[0].hostPort).toBeUndefined();
    expect(container(applyDefaults(hostNetwork(), '1.34')).ports[0].hostPort).toBeUndefined();
  });
});

describe('applyDefaults: SetDefaults_Container and its parts', () => {
  it.each([
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['busybox:1.36', 'IfNotPresent'],
    ['registry:5000/busybox', 'Always'],
    ['busybox@sha256:0123456789012345678901234567890123456789012345678901234567890123', 'IfNotPresent'],
  ])('pulls %s with %s', (image, policy) => {
    expect(container(applyDefaults(daemonSet((_ds, _pod, c) => (c.image = image)))).imagePullPolicy).toBe(policy);
  });

  it('keeps a written pull policy', () => {
    const m = applyDefaults(daemonSet((_ds, _pod, c) => (c.imagePullPolicy = 'Never')));
    expect(container(m).imagePullPolicy).toBe('Never');
  });

  it('fills the termination message path and policy', () => {
    const c = container(applyDefaults(daemonSet()));
    expect(c.terminationMessagePath).toBe('/dev/termination-log');
    expect(c.terminationMessagePolicy).toBe('File');
  });

  it('gives ports the TCP protocol', () => {
    const m = applyDefaults(daemonSet((_ds, _pod, c) => (c.ports = [{ containerPort: 80 }])));
    expect(container(m).ports[0].protocol).toBe('TCP');
  });

  it('gives env fieldRefs apiVersion v1', () => {
    const m = applyDefaults(
      daemonSet((_ds, _pod, c) => (c.env = [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }])),
    );
    expect(container(m).env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
  });

  it('defaults fileKeyRef.optional to false from 1.34 only', () => {
    const ds = daemonSet(
      (_ds, _pod, c) => (c.env = [{ name: 'N', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'p', key: 'N' } } }]),
    );
    expect(container(applyDefaults(ds, '1.34')).env[0].valueFrom.fileKeyRef.optional).toBe(false);
    expect(container(applyDefaults(ds, '1.33')).env[0].valueFrom.fileKeyRef.optional).toBeUndefined();
  });

  it('fills probe timings and the httpGet path and scheme', () => {
    const m = applyDefaults(daemonSet((_ds, _pod, c) => (c.livenessProbe = { httpGet: { port: 8080 } })));
    expect(container(m).livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('fills lifecycle httpGet handlers', () => {
    const m = applyDefaults(daemonSet((_ds, _pod, c) => (c.lifecycle = { preStop: { httpGet: { port: 80 } } })));
    expect(container(m).lifecycle.preStop.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' });
  });

  it('rounds resource quantities up to milli units and does not copy limits to requests (SetDefaults_Pod only)', () => {
    const m = applyDefaults(daemonSet((_ds, _pod, c) => (c.resources = { limits: { cpu: '100u', memory: '1Gi' } })));
    expect(container(m).resources).toEqual({ limits: { cpu: '1m', memory: '1Gi' } });
  });

  it('fills readiness and startup probes and postStart handlers as liveness probes and preStop', () => {
    const m = applyDefaults(
      daemonSet((_ds, _pod, c) => {
        c.readinessProbe = { httpGet: { port: 1 } };
        c.startupProbe = { tcpSocket: { port: 1 } };
        c.lifecycle = { postStart: { httpGet: { port: 2 } } };
      }),
    );
    const timings = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
    expect(container(m).readinessProbe).toEqual({ httpGet: { port: 1, path: '/', scheme: 'HTTP' }, ...timings });
    expect(container(m).startupProbe).toEqual({ tcpSocket: { port: 1 }, ...timings });
    expect(container(m).lifecycle.postStart.httpGet).toEqual({ port: 2, path: '/', scheme: 'HTTP' });
  });

  it('rounds requests and the pod overhead as it rounds limits', () => {
    const m = applyDefaults(
      daemonSet((_ds, pod, c) => {
        c.resources = { requests: { cpu: '100u', memory: '1Gi' } };
        pod.overhead = { cpu: '1500u' };
      }),
    );
    expect(container(m).resources.requests).toEqual({ cpu: '1m', memory: '1Gi' });
    expect(podSpec(m).overhead).toEqual({ cpu: '2m' });
  });

  it('rounds a negative quantity away from zero, as Quantity.RoundUp does, for validation to refuse', () => {
    const ds = daemonSet((_ds, _pod, c) => (c.resources = { limits: { cpu: '-100u' }, requests: { cpu: '-1500u' } }));
    expect(container(applyDefaults(ds)).resources).toEqual({ limits: { cpu: '-1m' }, requests: { cpu: '-2m' } });
    // k8s-oracle 1.27: INVALID, limits[cpu] "-1m" and requests[cpu] "-2m" must be greater than or equal to 0.
    const rc = 'spec.template.spec.containers[0].resources';
    expect(validateForVersion(ds).errors.map((i) => `${toFieldPath(i.path)}: ${i.message}`)).toEqual([
      `${rc}.limits[cpu]: Invalid value "-1m": must be greater than or equal to 0`,
      `${rc}.requests[cpu]: Invalid value "-2m": must be greater than or equal to 0`,
    ]);
  });

  it('defaults init and ephemeral containers too', () => {
    const m = applyDefaults(
      daemonSet((_ds, pod) => {
        pod.initContainers = [{ name: 'i', image: 'x:1' }];
        pod.ephemeralContainers = [{ name: 'e', image: 'x' }];
      }),
    );
    expect(podSpec(m).initContainers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(podSpec(m).ephemeralContainers[0].imagePullPolicy).toBe('Always');
  });

  it('rounds pod-level resources from 1.32', () => {
    const ds = daemonSet((_ds, pod) => (pod.resources = { limits: { cpu: '1n' }, requests: { cpu: '2n' } }));
    expect(podSpec(applyDefaults(ds, '1.32')).resources).toEqual({ limits: { cpu: '1m' }, requests: { cpu: '1m' } });
    expect(podSpec(applyDefaults(ds, '1.31')).resources.limits.cpu).toBe('1n');
  });
});

describe('applyDefaults: volumes', () => {
  const withVolume = (v: any) => podSpec(applyDefaults(daemonSet((_ds, pod) => (pod.volumes = [v])))).volumes[0];

  it('turns a volume with no source into an emptyDir', () => {
    expect(withVolume({ name: 'v' })).toEqual({ name: 'v', emptyDir: {} });
  });

  it('reads a null volume as the zero Volume, which becomes an emptyDir', () => {
    expect(withVolume(null)).toEqual({ emptyDir: {} });
  });

  it('counts a source written as null, or set to undefined in code, as no source', () => {
    expect(withVolume({ name: 'v', secret: null })).toEqual({ name: 'v', secret: null, emptyDir: {} });
    expect(withVolume({ name: 'v', hostPath: undefined }).emptyDir).toEqual({});
  });

  it.each(['secret', 'configMap', 'downwardAPI', 'projected'])('gives %s defaultMode 0644', (source) => {
    expect(withVolume({ name: 'v', [source]: {} })[source].defaultMode).toBe(0o644);
  });

  it('gives hostPath the type ""', () => {
    expect(withVolume({ name: 'v', hostPath: { path: '/x' } }).hostPath).toEqual({ path: '/x', type: '' });
  });

  it('fills rbd, iscsi, azureDisk and scaleIO defaults', () => {
    expect(withVolume({ name: 'v', rbd: { monitors: ['m'], image: 'i' } }).rbd).toMatchObject({
      pool: 'rbd',
      user: 'admin',
      keyring: '/etc/ceph/keyring',
    });
    expect(withVolume({ name: 'v', iscsi: {} }).iscsi.iscsiInterface).toBe('default');
    expect(withVolume({ name: 'v', azureDisk: {} }).azureDisk).toEqual({
      cachingMode: 'ReadWrite',
      kind: 'Shared',
      fsType: 'ext4',
      readOnly: false,
    });
    expect(withVolume({ name: 'v', scaleIO: {} }).scaleIO).toEqual({ storageMode: 'ThinProvisioned', fsType: 'xfs' });
  });

  it('fills projected fieldRefs and service account token lifetimes', () => {
    const v = withVolume({
      name: 'v',
      projected: {
        sources: [
          { serviceAccountToken: { path: 't' } },
          { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
        ],
      },
    });
    expect(v.projected.sources[0].serviceAccountToken.expirationSeconds).toBe(3600);
    expect(v.projected.sources[1].downwardAPI.items[0].fieldRef.apiVersion).toBe('v1');
  });

  it('gives downwardAPI volume fieldRefs apiVersion v1', () => {
    const v = withVolume({
      name: 'v',
      downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] },
    });
    expect(v.downwardAPI.items[0].fieldRef).toEqual({ fieldPath: 'metadata.name', apiVersion: 'v1' });
  });

  it('gives an ephemeral claim the Filesystem volume mode', () => {
    const v = withVolume({ name: 'v', ephemeral: { volumeClaimTemplate: {} } });
    expect(v.ephemeral.volumeClaimTemplate.spec.volumeMode).toBe('Filesystem');
  });

  it('rounds an ephemeral claim’s resource lists', () => {
    const v = withVolume({
      name: 'v',
      ephemeral: {
        volumeClaimTemplate: { spec: { resources: { limits: { storage: '1500u' }, requests: { storage: '1n' } } } },
      },
    });
    expect(v.ephemeral.volumeClaimTemplate.spec.resources).toEqual({
      limits: { storage: '2m' },
      requests: { storage: '1m' },
    });
  });
});

describe('applyDefaults: the contract', () => {
  it('never mutates its input', () => {
    const ds = daemonSet((_ds, pod) => (pod.volumes = [{ name: 'v' }]));
    const before = JSON.stringify(ds);
    applyDefaults(ds);
    expect(JSON.stringify(ds)).toBe(before);
  });

  it('passes over fields of the wrong type without throwing', () => {
    const hostile: any = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      spec: { updateStrategy: 'fast', template: { spec: { containers: 'x', volumes: [null, 3, { name: 'v' }] } } },
    };
    const m = applyDefaults(hostile);
    expect(m.spec.updateStrategy).toBe('fast');
    expect(m.spec.template.spec.containers).toBe('x');
    // A null volume is the zero Volume (what decoding leaves), defaulted like any other.
    expect(m.spec.template.spec.volumes).toEqual([{ emptyDir: {} }, 3, { name: 'v', emptyDir: {} }]);
  });

  it('keeps a __proto__ key as data, not as a prototype', () => {
    const input = JSON.parse('{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"labels":{"__proto__":{"x":1}}}}');
    const m = applyDefaults(input);
    expect(Object.getPrototypeOf(m.metadata.labels)).toBe(Object.prototype);
    expect(Object.keys(m.metadata.labels)).toEqual(['__proto__']);
  });

  it('returns other kinds as an untouched copy', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', data: {} };
    expect(applyDefaults(cm)).toEqual(cm);
    expect(applyDefaults(cm)).not.toBe(cm);
  });

  it('knows 1.27 to 1.34 and refuses other minors', () => {
    expect(defaultingFor('1.28').templateHostNetworkHostPorts).toBe(false);
    expect(() => defaultingFor('1.26')).toThrow(/1\.27, 1\.28/);
  });
});

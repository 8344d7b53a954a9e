import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../src/validate/defaults';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// What Go's decoder makes of a field written as null or as its zero value ("" for a string, 0 for
// a number): the same as an absent field, so the defaulters fill it. Checked against the server in
// oracle.test.ts ('zero values').
const podSpec = (m: any) => m.spec.template.spec;
const container = (m: any) => m.spec.template.spec.containers[0];

describe('applyDefaults: null and zero values count as unset', () => {
  it('fills a pull policy written as null or ""', () => {
    expect(container(applyDefaults(daemonSet((_ds, _pod, c) => (c.imagePullPolicy = null)))).imagePullPolicy).toBe(
      'IfNotPresent',
    );
    const untagged = daemonSet((_ds, _pod, c) => {
      c.image = 'busybox';
      c.imagePullPolicy = '';
    });
    expect(container(applyDefaults(untagged)).imagePullPolicy).toBe('Always');
  });

  it('pulls a container without an image IfNotPresent (ParseImageName finds no tag)', () => {
    expect(container(applyDefaults(daemonSet((_ds, _pod, c) => delete c.image))).imagePullPolicy).toBe('IfNotPresent');
  });

  it('fills pointers written as null, or set to undefined in code', () => {
    const m = applyDefaults(
      daemonSet((ds, pod) => {
        ds.spec.revisionHistoryLimit = null;
        ds.spec.updateStrategy = null;
        pod.securityContext = null;
        pod.terminationGracePeriodSeconds = undefined;
      }),
    );
    expect(m.spec.revisionHistoryLimit).toBe(10);
    expect(m.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(podSpec(m).securityContext).toEqual({});
    expect(podSpec(m).terminationGracePeriodSeconds).toBe(30);
  });

  it('fills probe timings written as 0 and keeps other numbers', () => {
    const m = applyDefaults(
      daemonSet(
        (_ds, _pod, c) => (c.readinessProbe = { exec: { command: ['true'] }, timeoutSeconds: 0, periodSeconds: 5 }),
      ),
    );
    expect(container(m).readinessProbe).toEqual({
      exec: { command: ['true'] },
      timeoutSeconds: 1,
      periodSeconds: 5,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('copies containerPort into a hostPort written as 0 or null under hostNetwork (1.27), and invents none', () => {
    const m = applyDefaults(
      daemonSet((_ds, pod, c) => {
        pod.hostNetwork = true;
        c.ports = [{ containerPort: 80, hostPort: 0 }, { containerPort: 81, hostPort: null }, { name: 'x' }];
        pod.initContainers = [{ name: 'i', image: 'x:1', ports: [{ containerPort: 82 }] }];
      }),
      '1.27',
    );
    expect(container(m).ports.map((p: any) => p.hostPort)).toEqual([80, 81, undefined]);
    expect(Object.keys(container(m).ports[2])).toEqual(['name', 'protocol']);
    expect(podSpec(m).initContainers[0].ports[0].hostPort).toBe(82);
  });
});

describe('applyDefaults: fields of the wrong type are left for decoding to refuse', () => {
  it.each([
    ['a spec', (ds: any) => (ds.spec = 'x'), (m: any) => m.spec, 'x'],
    ['a pod spec', (ds: any) => (ds.spec.template.spec = 'x'), (m: any) => m.spec.template.spec, 'x'],
    ['a template', (ds: any) => (ds.spec.template = 7), (m: any) => m.spec.template, 7],
    [
      'a rollingUpdate',
      (ds: any) => (ds.spec.updateStrategy = { rollingUpdate: 'fast' }),
      (m: any) => m.spec.updateStrategy,
      { type: 'RollingUpdate', rollingUpdate: 'fast' },
    ],
  ])('leaves %s that is not an object as it is', (_name, edit, pick, expected) => {
    const ds = daemonSet((d) => edit(d));
    expect(pick(applyDefaults(ds))).toEqual(expected);
  });

  it('leaves a quantity that does not parse for validation to report', () => {
    const m = applyDefaults(daemonSet((_ds, _pod, c) => (c.resources = { limits: { cpu: 'lots', memory: true } })));
    expect(container(m).resources.limits).toEqual({ cpu: 'lots', memory: true });
  });
});

describe('applyDefaults: which objects are defaulted', () => {
  it('defaults an apps/v1 DaemonSet only: not a Deployment, nor a DaemonSet of a removed apiVersion', () => {
    const deployment = { ...daemonSet(), kind: 'Deployment' };
    expect(applyDefaults(deployment)).toEqual(deployment);
    const old = { ...daemonSet(), apiVersion: 'extensions/v1beta1' };
    expect(applyDefaults(old)).toEqual(old);
  });

  it('gives the copy’s __proto__ keys as editable data', () => {
    const input = JSON.parse('{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"labels":{"__proto__":"x"}}}');
    const labels = applyDefaults(input).metadata.labels;
    const proto = '__proto__'; // an own key: assigning and deleting it must work as for any other
    labels[proto] = 'y';
    expect(Object.getOwnPropertyDescriptor(labels, proto)?.value).toBe('y');
    delete labels[proto];
    expect(Object.keys(labels)).toEqual([]);
  });
});

describe('applyDefaults: switches given as an object', () => {
  const hostNetwork = () =>
    daemonSet((_ds, pod, c) => {
      pod.hostNetwork = true;
      c.ports = [{ containerPort: 9100 }];
    });
  const podResources = () => daemonSet((_ds, pod) => (pod.resources = { limits: { cpu: '1n' } }));
  const fileKeyRef = () =>
    daemonSet(
      (_ds, _pod, c) => (c.env = [{ name: 'N', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'p', key: 'N' } } }]),
    );

  it('takes 1.27’s defaulting for the switches not given', () => {
    expect(container(applyDefaults(hostNetwork(), {})).ports[0].hostPort).toBe(9100);
    expect(container(applyDefaults(hostNetwork())).ports[0].hostPort).toBe(9100);
    expect(podSpec(applyDefaults(podResources(), {})).resources.limits.cpu).toBe('1n');
    expect(container(applyDefaults(fileKeyRef(), {})).env[0].valueFrom.fileKeyRef.optional).toBeUndefined();
  });

  it('applies the switches given', () => {
    expect(container(applyDefaults(hostNetwork(), { templateHostNetworkHostPorts: false })).ports[0].hostPort).toBe(
      undefined,
    );
    expect(podSpec(applyDefaults(podResources(), { podLevelResources: true })).resources.limits.cpu).toBe('1m');
    expect(
      container(applyDefaults(fileKeyRef(), { fileKeyRefOptional: true })).env[0].valueFrom.fileKeyRef.optional,
    ).toBe(false);
  });
});

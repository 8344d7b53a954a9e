import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';
import { issuesAt } from '../../support/manifest';
import { validateForVersion } from '../../../src/validate/pipeline';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => /^(probe|lifecycle)\//.test(l.split(' ')[1] ?? ''));
}

const C = 'spec.template.spec.containers[0]';
const withProbe = (kind: string, probe: any) =>
  daemonSet((_d, _p, c) => {
    c[kind] = probe;
  });

describe('probes', () => {
  it('accepts an httpGet liveness probe on a named port', () => {
    expect(
      of(
        withProbe('livenessProbe', { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS' }, periodSeconds: 10 }),
      ),
    ).toEqual([]);
  });

  it('accepts a grpc probe', () => {
    expect(of(withProbe('readinessProbe', { grpc: { port: 9090 } }))).toEqual([]);
  });

  it('requires a handler', () => {
    expect(of(withProbe('livenessProbe', { periodSeconds: 5 }))).toEqual([`${C}.livenessProbe probe/handler-required`]);
  });

  it('forbids a second handler, where it is', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['true'] }, tcpSocket: { port: 80 } }))).toEqual([
      `${C}.livenessProbe.tcpSocket probe/handler-multiple`,
    ]);
  });

  it('requires an exec command', () => {
    expect(of(withProbe('startupProbe', { exec: {} }))).toEqual([
      `${C}.startupProbe.exec.command probe/exec-command-required`,
    ]);
  });

  it('rejects port 0 and a numeric string port', () => {
    expect(of(withProbe('livenessProbe', { tcpSocket: { port: 0 } }))).toEqual([
      `${C}.livenessProbe.tcpSocket.port probe/port-invalid`,
    ]);
    expect(of(withProbe('livenessProbe', { httpGet: { port: '8080' } }))).toEqual([
      `${C}.livenessProbe.httpGet.port probe/port-invalid`,
    ]);
  });

  it('rejects an unknown scheme', () => {
    expect(of(withProbe('livenessProbe', { httpGet: { port: 80, scheme: 'http' } }))).toEqual([
      `${C}.livenessProbe.httpGet.scheme probe/scheme-unsupported`,
    ]);
  });

  it('rejects a bad header name, at httpHeaders', () => {
    expect(
      of(withProbe('livenessProbe', { httpGet: { port: 80, httpHeaders: [{ name: 'X Bad', value: 'v' }] } })),
    ).toEqual([`${C}.livenessProbe.httpGet.httpHeaders probe/header-name-invalid`]);
  });

  it('rejects negative timings', () => {
    expect(of(withProbe('readinessProbe', { exec: { command: ['x'] }, initialDelaySeconds: -1 }))).toEqual([
      `${C}.readinessProbe.initialDelaySeconds probe/negative`,
    ]);
  });

  it('accepts successThreshold 0 on a liveness probe (defaulted to 1)', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['x'] }, successThreshold: 0 }))).toEqual([]);
  });

  it('requires successThreshold 1 on a liveness probe', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['x'] }, successThreshold: 2 }))).toEqual([
      `${C}.livenessProbe.successThreshold probe/success-threshold-not-one`,
    ]);
  });

  it('accepts successThreshold 2 on a readiness probe', () => {
    expect(of(withProbe('readinessProbe', { exec: { command: ['x'] }, successThreshold: 2 }))).toEqual([]);
  });

  it('rejects a zero probe terminationGracePeriodSeconds', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['x'] }, terminationGracePeriodSeconds: 0 }))).toEqual([
      `${C}.livenessProbe.terminationGracePeriodSeconds probe/termination-grace-period-invalid`,
    ]);
  });

  it('forbids terminationGracePeriodSeconds on a readiness probe', () => {
    expect(of(withProbe('readinessProbe', { exec: { command: ['x'] }, terminationGracePeriodSeconds: 5 }))).toEqual([
      `${C}.readinessProbe.terminationGracePeriodSeconds probe/termination-grace-period-readiness`,
    ]);
  });
});

describe('lifecycle', () => {
  it('accepts a preStop exec hook', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.lifecycle = { preStop: { exec: { command: ['sleep', '5'] } } };
        }),
      ),
    ).toEqual([]);
  });

  it('requires a handler in a hook', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.lifecycle = { postStart: {} };
        }),
      ),
    ).toEqual([`${C}.lifecycle.postStart lifecycle/handler-required`]);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any */
const withHook = (hook: any, grace?: number) =>
  daemonSet((_d, pod, c) => {
    c.lifecycle = { preStop: hook };
    if (grace !== undefined) pod.terminationGracePeriodSeconds = grace;
  });
const PRE_STOP = 'spec.template.spec.containers[0].lifecycle.preStop';

describe('lifecycle sleep (validateSleepAction, 1.30+)', () => {
  it('accepts a sleep within terminationGracePeriodSeconds, bounds included', () => {
    expect(issuesAt('1.30', withHook({ sleep: { seconds: 30 } }))).toEqual([]);
    expect(issuesAt('1.30', withHook({ sleep: { seconds: 1 } }, 1))).toEqual([]);
  });

  it('rejects a sleep above the grace period, the pod-level one when set', () => {
    expect(issuesAt('1.30', withHook({ sleep: { seconds: 31 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
    expect(issuesAt('1.34', withHook({ sleep: { seconds: 11 } }, 10))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
  });

  it('rejects 0 seconds until 1.33 turns on PodLifecycleSleepActionAllowZero, and a negative sleep after', () => {
    expect(issuesAt('1.32', withHook({ sleep: { seconds: 0 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
    expect(issuesAt('1.33', withHook({ sleep: { seconds: 0 } }))).toEqual([]);
    expect(issuesAt('1.33', withHook({ sleep: { seconds: -1 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
  });

  it('words the error as each minor does', () => {
    const message = (v: string) =>
      validateForVersion(withHook({ sleep: { seconds: 0 } }, 10), { kubernetesVersion: v }).errors[0]?.message;
    expect(message('1.31')).toBe(
      'Invalid value 0: must be greater than 0 and less than terminationGracePeriodSeconds (10)',
    );
    expect(message('1.32')).toBe(
      'Invalid value 0: must be greater than 0 and less than terminationGracePeriodSeconds (10). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
    );
    expect(
      validateForVersion(withHook({ sleep: { seconds: -1 } }), { kubernetesVersion: '1.33' }).errors[0]?.message,
    ).toBe('Invalid value -1: must be non-negative and less than terminationGracePeriodSeconds (30)');
  });

  it('counts sleep as a handler: with exec it is one too many (1.30+), alone it is enough', () => {
    expect(issuesAt('1.30', withHook({ exec: { command: ['true'] }, sleep: { seconds: 5 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/handler-multiple`,
    ]);
    // 1.29 drops sleep (gate off) and keeps exec.
    expect(issuesAt('1.29', withHook({ exec: { command: ['true'] }, sleep: { seconds: 5 } }))).toEqual([]);
    expect(issuesAt('1.29', withHook({ sleep: { seconds: 5 } }))).toEqual([`${PRE_STOP} lifecycle/handler-required`]);
  });

  it("checks a sidecar's hooks and probes as a regular container's (1.29+)", () => {
    const ds = daemonSet((_d, pod) => {
      pod.initContainers = [
        {
          name: 'proxy',
          image: 'envoy:1',
          restartPolicy: 'Always',
          lifecycle: { preStop: { sleep: { seconds: 60 } } },
          livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 },
        },
      ];
    });
    expect(issuesAt('1.30', ds)).toEqual([
      'spec.template.spec.initContainers[0].lifecycle.preStop.sleep lifecycle/sleep-seconds-invalid',
      'spec.template.spec.initContainers[0].livenessProbe.successThreshold probe/success-threshold-not-one',
    ]);
  });
});

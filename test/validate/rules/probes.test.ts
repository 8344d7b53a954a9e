import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';

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

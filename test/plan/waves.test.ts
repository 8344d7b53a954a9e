import { describe, expect, it } from 'vitest';
import { rolloutBatch, rolloutWaves, scaledValue } from '../../src/plan';
import { applyDefaults } from '../../src/validate/defaults';
import { daemonSet } from '../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const withStrategy = (rollingUpdate: any, edit?: (ds: any, pod: any, c: any) => void) =>
  applyDefaults(
    daemonSet((ds, pod, c) => {
      ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate };
      edit?.(ds, pod, c);
    }),
  );

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  it('takes an integer as it is', () => {
    expect(scaledValue(3, 1000, true)).toBe(3);
  });

  it('scales a percentage and rounds up when asked', () => {
    expect(scaledValue('10%', 25, true)).toBe(3);
    expect(scaledValue('10%', 25, false)).toBe(2);
    expect(scaledValue('1%', 10, true)).toBe(1);
  });

  it('refuses what is not an integer or a percentage', () => {
    expect(scaledValue('10', 25, true)).toBeUndefined();
    expect(scaledValue(1.5, 25, true)).toBeUndefined();
    expect(scaledValue({}, 25, true)).toBeUndefined();
  });
});

describe('rolloutBatch and rolloutWaves (the DaemonSet controller)', () => {
  it('rolls one node at a time by default: N waves', () => {
    expect(rolloutWaves(applyDefaults(daemonSet()), 7)).toMatchObject({ by: 'maxUnavailable', batch: 1, count: 7 });
  });

  it('rounds a maxUnavailable percentage up and divides rounding up', () => {
    // 10% of 25 = 2.5 -> 3 nodes at once; ceil(25 / 3) = 9 waves.
    expect(rolloutWaves(withStrategy({ maxUnavailable: '10%' }), 25)).toMatchObject({ batch: 3, count: 9 });
  });

  it('paces by maxSurge when it is non-zero, whatever maxUnavailable says', () => {
    expect(rolloutBatch(withStrategy({ maxSurge: '20%', maxUnavailable: 0 }), 10)).toEqual({
      by: 'maxSurge',
      batch: 2,
    });
    expect(rolloutWaves(withStrategy({ maxSurge: 4, maxUnavailable: 2 }), 10)).toMatchObject({
      by: 'maxSurge',
      count: 3,
    });
  });

  it('falls back to one unavailable node when both come out zero', () => {
    expect(rolloutBatch(withStrategy({ maxSurge: 0, maxUnavailable: '0%' }), 10)).toEqual({
      by: 'maxUnavailable',
      batch: 1,
    });
  });

  it('has no waves on no nodes, and none under OnDelete', () => {
    expect(rolloutWaves(applyDefaults(daemonSet()), 0)?.count).toBe(0);
    expect(
      rolloutWaves(applyDefaults(daemonSet((ds) => (ds.spec.updateStrategy = { type: 'OnDelete' }))), 5),
    ).toBeUndefined();
  });

  it('waits at least minReadySeconds plus the slowest startup or readiness delay per wave', () => {
    const m = withStrategy({ maxUnavailable: 2 }, (ds, _pod, c) => {
      ds.spec.minReadySeconds = 10;
      c.readinessProbe = { tcpSocket: { port: 80 }, initialDelaySeconds: 5 };
      c.startupProbe = { tcpSocket: { port: 80 }, initialDelaySeconds: 20 };
      c.livenessProbe = { tcpSocket: { port: 80 }, initialDelaySeconds: 99 };
    });
    expect(rolloutWaves(m, 4)).toMatchObject({ count: 2, leastSecondsPerWave: 30, leastSecondsTotal: 60 });
  });
});

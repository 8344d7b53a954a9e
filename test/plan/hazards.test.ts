import { describe, expect, it } from 'vitest';
import { surgeWithHostPortHazard } from '../../src/plan';
import { toFieldPath } from '../../src/validate/issue';
import { daemonSet } from '../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const surging = (maxSurge: unknown, edit: (pod: any, c: any) => void) =>
  daemonSet((ds, pod, c) => {
    ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable: 0 } };
    edit(pod, c);
  });

describe('surgeWithHostPortHazard', () => {
  it('warns at maxSurge for a surge with hostNetwork', () => {
    const w = surgeWithHostPortHazard(surging(1, (pod) => (pod.hostNetwork = true)));
    expect(w.map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge rollout/surge-with-host-port',
    ]);
    expect(w[0].message).toMatch(/hostNetwork/);
  });

  it('warns for a percentage surge with a hostPort', () => {
    const w = surgeWithHostPortHazard(surging('5%', (_pod, c) => (c.ports = [{ containerPort: 80, hostPort: 80 }])));
    expect(w[0].message).toMatch(/a hostPort/);
  });

  it('is silent without a surge, or without host ports', () => {
    expect(surgeWithHostPortHazard(surging(0, (pod) => (pod.hostNetwork = true)))).toEqual([]);
    expect(surgeWithHostPortHazard(surging('0%', (pod) => (pod.hostNetwork = true)))).toEqual([]);
    expect(surgeWithHostPortHazard(surging(1, (_pod, c) => (c.ports = [{ containerPort: 80 }])))).toEqual([]);
  });

  it('passes over malformed input', () => {
    expect(
      surgeWithHostPortHazard({ spec: { updateStrategy: { rollingUpdate: { maxSurge: 1 } }, template: 'x' } }),
    ).toEqual([]);
    expect(surgeWithHostPortHazard(null)).toEqual([]);
  });
});

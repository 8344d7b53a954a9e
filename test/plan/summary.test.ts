import { describe, expect, it } from 'vitest';
import { assemblePlan, type DaemonSetPlan } from '../../src/plan/plan';

const plan = (name: string, over: Partial<DaemonSetPlan>): [string, DaemonSetPlan] => [
  `ns/${name}`,
  {
    namespace: 'ns',
    name,
    change: 'changed',
    restart: 'none',
    waves: null,
    fields: [],
    rejected: [],
    warnings: [],
    ...over,
  },
];
const issue = { path: ['spec'], code: 'x/y', message: 'm' };

describe('the totals of a plan (assemblePlan)', () => {
  const { daemonSets, summary } = assemblePlan(
    [
      plan('e', { change: 'added', restart: null, warnings: [issue, issue] }),
      plan('a', { change: 'removed', restart: null }),
      plan('d', { restart: 'all-nodes', rejected: [issue, issue] }),
      plan('c', { restart: 'on-delete', warnings: [issue] }),
      plan('b', { change: 'unchanged', rejected: [issue] }),
      plan('f', { restart: 'all-nodes' }),
    ],
    new Map([['v1 ConfigMap', 2]]),
    new Map([['v1 Service', 1]]),
    { kubernetesVersion: '1.30' },
  );

  it('sorts the DaemonSets by namespace/name', () => {
    expect(daemonSets.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('counts each change, restart, rejected DaemonSet and warning, in the order the JSON report writes them', () => {
    expect(Object.entries(summary)).toEqual([
      ['daemonSets', 6],
      ['added', 1],
      ['removed', 1],
      ['changed', 3],
      ['unchanged', 1],
      ['restartAllNodes', 2],
      ['restartOnDelete', 1],
      ['rejected', 2],
      ['warnings', 3],
      ['otherKinds', { old: { 'v1 ConfigMap': 2 }, new: { 'v1 Service': 1 } }],
    ]);
  });
});

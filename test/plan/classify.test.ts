import { describe, expect, it } from 'vitest';
import { type PlanOptions, planDaemonSet } from '../../src/plan';
import { validateManifest } from '../../src/validate/engine';
import { applyDefaults } from '../../src/validate/defaults';
import { toFieldPath } from '../../src/validate/issue';
import { daemonSet } from '../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const OPTIONS: PlanOptions = { kubernetesVersion: '1.27' };
const ID = { namespace: 'default', name: 'agent' };
const plan = (before: unknown, after: unknown, options: Partial<PlanOptions> = {}) =>
  planDaemonSet(ID, before, after, { ...OPTIONS, ...options });
const codes = (issues: readonly { path: readonly unknown[]; code: string }[]) =>
  issues.map((i) => `${toFieldPath(i.path as never)} ${i.code}`);

describe('planDaemonSet: change and restart', () => {
  it('calls a DaemonSet only in NEW added, with no restart', () => {
    expect(plan(undefined, daemonSet())).toMatchObject({ change: 'added', restart: null, waves: null, fields: [] });
  });

  it('calls a DaemonSet only in OLD removed', () => {
    expect(plan(daemonSet(), undefined)).toMatchObject({ change: 'removed', restart: null, rejected: [] });
  });

  it('calls identical manifests unchanged with no restart', () => {
    expect(plan(daemonSet(), daemonSet())).toMatchObject({ change: 'unchanged', restart: 'none', fields: [] });
  });

  it('calls writing the server defaults out unchanged', () => {
    expect(plan(daemonSet(), applyDefaults(daemonSet()))).toMatchObject({ change: 'unchanged', restart: 'none' });
  });

  it('restarts all nodes on an image bump, listing the field', () => {
    const p = plan(
      daemonSet(),
      daemonSet((_ds, _pod, c) => (c.image = 'busybox:1.37')),
    );
    expect(p).toMatchObject({ change: 'changed', restart: 'all-nodes' });
    expect(p.fields.map(toFieldPath)).toEqual(['spec.template.spec.containers[0].image']);
  });

  it('restarts all nodes on a pod template annotation (a checksum)', () => {
    const p = plan(
      daemonSet(),
      daemonSet((ds) => (ds.spec.template.metadata.annotations = { 'checksum/config': 'abc' })),
    );
    expect(p.restart).toBe('all-nodes');
    expect(p.fields.map(toFieldPath)).toEqual(['spec.template.metadata.annotations']);
  });

  it('restarts nothing when only minReadySeconds, revisionHistoryLimit, the strategy or object metadata change', () => {
    const p = plan(
      daemonSet(),
      daemonSet((ds) => {
        ds.spec.minReadySeconds = 5;
        ds.spec.revisionHistoryLimit = 3;
        ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: '20%' } };
        ds.metadata.labels = { team: 'net' };
      }),
    );
    expect(p).toMatchObject({ change: 'changed', restart: 'none', waves: null });
    expect(p.fields.map(toFieldPath)).toEqual([
      'metadata.labels',
      'spec.minReadySeconds',
      'spec.revisionHistoryLimit',
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
    ]);
  });

  it('says on-delete, and warns, when the template changes under OnDelete', () => {
    const onDelete = (image: string) =>
      daemonSet((ds, _pod, c) => {
        ds.spec.updateStrategy = { type: 'OnDelete' };
        c.image = image;
      });
    const p = plan(onDelete('a:1'), onDelete('a:2'), { nodes: 10 });
    expect(p).toMatchObject({ restart: 'on-delete', waves: null });
    expect(codes(p.warnings)).toEqual(['spec.updateStrategy.type rollout/on-delete-pending']);
  });

  it('gives waves for a rolling restart when the node count is known', () => {
    const p = plan(
      daemonSet(),
      daemonSet((_ds, _pod, c) => (c.image = 'busybox:2')),
      { nodes: 30 },
    );
    expect(p.waves).toMatchObject({ nodes: 30, by: 'maxUnavailable', batch: 1, count: 30 });
  });

  it('compares a namespace left out and one written as default as the same', () => {
    const p = plan(
      daemonSet((ds) => delete ds.metadata.namespace),
      daemonSet(),
    );
    expect(p.change).toBe('unchanged');
  });
});

describe('planDaemonSet: rejected', () => {
  it('rejects a changed selector as immutable', () => {
    const p = plan(
      daemonSet(),
      daemonSet((ds) => {
        ds.spec.selector.matchLabels = { app: 'agent', tier: 'node' };
        ds.spec.template.metadata.labels = { app: 'agent', tier: 'node' };
      }),
    );
    expect(codes(p.rejected)).toEqual(['spec.selector update/selector-immutable']);
    expect(p.rejected[0].message).toMatch(/^field is immutable/);
  });

  it('does not reject a selector written differently but equal (empty matchExpressions)', () => {
    expect(
      plan(
        daemonSet(),
        daemonSet((ds) => (ds.spec.selector.matchExpressions = [])),
      ).rejected,
    ).toEqual([]);
  });

  it('rejects what the create-time rules reject in the new object', () => {
    const p = plan(
      daemonSet(),
      daemonSet((_ds, _pod, c) => (c.name = 'Agent_1')),
    );
    expect(codes(p.rejected)).toEqual(codes(validateManifest(daemonSet((_ds, _pod, c) => (c.name = 'Agent_1')))));
    expect(p.rejected.length).toBeGreaterThan(0);
  });

  it('runs no rules on an unchanged DaemonSet: kubectl apply sends no update', () => {
    const invalid = daemonSet((_ds, _pod, c) => (c.name = 'Agent_1'));
    expect(plan(invalid, invalid).rejected).toEqual([]);
  });

  it('applies the rules of the chosen minor: an env name with a space is refused by 1.27, accepted by 1.34', () => {
    const spaced = daemonSet((_ds, _pod, c) => (c.env = [{ name: 'A B', value: '1' }]));
    expect(codes(plan(daemonSet(), spaced).rejected)).toEqual([
      'spec.template.spec.containers[0].env[0].name env/name-invalid',
    ]);
    expect(plan(daemonSet(), spaced, { kubernetesVersion: '1.34' }).rejected).toEqual([]);
  });
});

describe('planDaemonSet: warnings', () => {
  it('warns about revisionHistoryLimit: 0', () => {
    const p = plan(
      daemonSet(),
      daemonSet((ds) => (ds.spec.revisionHistoryLimit = 0)),
    );
    expect(codes(p.warnings)).toEqual(['spec.revisionHistoryLimit rollout/no-revision-history']);
  });

  it('warns when a hostNetwork system-node-critical template changes, not when it stays', () => {
    const agent = (image: string) =>
      daemonSet((_ds, pod, c) => {
        pod.hostNetwork = true;
        pod.priorityClassName = 'system-node-critical';
        c.image = image;
      });
    expect(codes(plan(agent('cni:1'), agent('cni:2')).warnings)).toEqual([
      'spec.template rollout/node-critical-restart',
    ]);
    expect(plan(agent('cni:1'), agent('cni:1')).warnings).toEqual([]);
  });

  it('warns about maxSurge with hostNetwork', () => {
    const p = plan(
      undefined,
      daemonSet((ds, pod) => {
        pod.hostNetwork = true;
        ds.spec.updateStrategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
      }),
    );
    expect(codes(p.warnings)).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge rollout/surge-with-host-port']);
  });
});

describe('planDaemonSet: hostile input', () => {
  it('plans manifests of the wrong shape without throwing', () => {
    const odd: any = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: 'x', spec: { template: [], selector: 7 } };
    expect(() => plan(odd, daemonSet(), { nodes: 3 })).not.toThrow();
    expect(() => plan(daemonSet(), odd, { nodes: 3 })).not.toThrow();
  });
});

describe('planDaemonSet: the update path (PrepareForUpdate, WarningsOnUpdate)', () => {
  const withHostUsers = daemonSet((_ds, pod) => (pod.hostUsers = false));

  it('drops a field whose gate is off before comparing: nothing changes, and says the field is dropped', () => {
    // UserNamespacesSupport is off by default in 1.28: the server stores the template without hostUsers.
    const p = plan(daemonSet(), withHostUsers, { kubernetesVersion: '1.28' });
    expect(p).toMatchObject({ change: 'unchanged', restart: 'none', fields: [], rejected: [] });
    expect(codes(p.warnings)).toEqual(['spec.template.spec.hostUsers drop/gate-disabled']);
  });

  it('keeps the same field where its gate is on, and rolls it out', () => {
    const p = plan(daemonSet(), withHostUsers, { kubernetesVersion: '1.33' });
    expect(p).toMatchObject({ change: 'changed', restart: 'all-nodes' });
    expect(p.fields.map(toFieldPath)).toEqual(['spec.template.spec.hostUsers']);
    expect(p.warnings).toEqual([]);
  });

  const deprecated = (edit: (ds: any, c: any) => void) =>
    daemonSet((ds, pod, c) => {
      pod.nodeSelector = { 'beta.kubernetes.io/os': 'linux' };
      edit(ds, c);
    });

  it("gives the server's pod-template warnings when the template changes", () => {
    const p = plan(
      deprecated(() => {}),
      deprecated((_ds, c) => (c.image = 'busybox:1.37')),
    );
    expect(codes(p.warnings)).toEqual([
      'spec.template.spec.nodeSelector[beta.kubernetes.io/os] warning/deprecated-node-label',
    ]);
  });

  it('gives no pod-template warning when only the rest of the spec changes, as the server sends none', () => {
    const p = plan(
      deprecated(() => {}),
      deprecated((ds) => (ds.spec.minReadySeconds = 10)),
    );
    expect(p).toMatchObject({ change: 'changed', restart: 'none', warnings: [] });
  });

  it('gives the create warnings for an added DaemonSet', () => {
    const p = plan(
      undefined,
      deprecated(() => {}),
    );
    expect(codes(p.warnings)).toEqual([
      'spec.template.spec.nodeSelector[beta.kubernetes.io/os] warning/deprecated-node-label',
    ]);
  });

  it('rejects with the decoding errors alone when NEW does not decode', () => {
    const p = plan(
      daemonSet(),
      daemonSet((ds, _pod, c) => {
        c.image = 7;
        ds.spec.selector.matchLabels = { app: 'other' };
      }),
    );
    expect(p.rejected.map((i) => i.code)).toEqual(['type/invalid-type']);
    expect(toFieldPath(p.rejected[0].path)).toBe('spec.template.spec.containers[0].image');
  });

  it('leaves the manifests it is given as they were', () => {
    const before = daemonSet();
    const after = withHostUsers;
    const copies = JSON.stringify([before, after]);
    plan(before, after, { kubernetesVersion: '1.28' });
    expect(JSON.stringify([before, after])).toBe(copies);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { App, DaemonSet, NetworkMode, UpdateStrategy } from '../../../src';
import { noRevisionHistoryHazard, rolloutHazards, scaledValue } from '../../../src/validate/phases/rollout-hazards';
import { validateForVersion } from '../../../src/validate/pipeline';
import { toFieldPath } from '../../../src/validate/issue';
import { daemonSet } from '../../support/manifest';

function warningsOf(manifest: unknown, version = '1.27'): string[] {
  return validateForVersion(manifest, { kubernetesVersion: version }).warnings.map(
    (w) => `${toFieldPath(w.path)} ${w.code}`,
  );
}

/** Accepted (a rejected DaemonSet has no warnings at all, which would prove nothing) and without hazards. */
function expectQuiet(manifest: unknown): void {
  const r = validateForVersion(manifest, { kubernetesVersion: '1.27' });
  expect(r.errors).toEqual([]);
  expect(r.warnings.map((w) => `${toFieldPath(w.path)} ${w.code}`)).toEqual([]);
}

// maxUnavailable 0 with a surge; 1 without (the server rejects both 0).
const surging = (edit: (pod: any, c: any) => void, surge: unknown = 1) =>
  daemonSet((ds, pod, c) => {
    const maxUnavailable = surge === 0 || surge === '0%' ? 1 : 0;
    ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable } };
    edit(pod, c);
  });

describe('rollout hazards seen from one DaemonSet', () => {
  it('warns when maxSurge meets hostNetwork', () => {
    expect(warningsOf(surging((pod) => (pod.hostNetwork = true)))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge rollout/surge-with-host-port',
    ]);
  });

  it('warns when a percentage maxSurge meets a hostPort, at every minor', () => {
    const m = surging((_pod, c) => (c.ports = [{ containerPort: 9100, hostPort: 9100 }]), '10%');
    for (const v of ['1.27', '1.30', '1.34'])
      expect(warningsOf(m, v)).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge rollout/surge-with-host-port']);
  });

  it('stays quiet without a surge, without host ports, or under OnDelete', () => {
    expectQuiet(surging((pod) => (pod.hostNetwork = true), 0));
    expectQuiet(surging((pod) => (pod.hostNetwork = true), '0%'));
    expectQuiet(surging((_pod, c) => (c.ports = [{ containerPort: 9100 }])));
    const onDelete = daemonSet((ds, pod) => {
      ds.spec.updateStrategy = { type: 'OnDelete' };
      pod.hostNetwork = true;
    });
    expectQuiet(onDelete);
    // OnDelete keeps a rollingUpdate block it is given (the server accepts it) but never surges.
    const onDeleteWithSurge = daemonSet((ds, pod) => {
      ds.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
      pod.hostNetwork = true;
    });
    expectQuiet(onDeleteWithSurge);
  });

  it('warns that revisionHistoryLimit 0 leaves nothing to roll back to', () => {
    expect(warningsOf(daemonSet((ds) => (ds.spec.revisionHistoryLimit = 0)))).toEqual([
      'spec.revisionHistoryLimit rollout/no-revision-history',
    ]);
    expect(warningsOf(daemonSet((ds) => (ds.spec.revisionHistoryLimit = 1)))).toEqual([]);
  });

  it('is not reported for a DaemonSet the server would reject', () => {
    const m = surging((pod) => (pod.hostNetwork = true));
    m.spec.template.spec.containers[0].name = 'Bad_Name';
    const r = validateForVersion(m);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.warnings).toEqual([]);
  });

  it('comes back from synth as a warning, not a failure', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hazard-')) });
    new DaemonSet(new Chart(app, 'c'), 'agent', {
      matchLabels: { app: 'agent' },
      network: NetworkMode.host(),
      updateStrategy: UpdateStrategy.rollingUpdate({ maxSurge: 1, maxUnavailable: 0 }),
      containers: [{ name: 'agent', image: 'busybox', tag: '1.36' }],
    });
    expect(app.issues()).toEqual([]);
    expect(app.warnings().map((w) => `${w.constructPath} ${toFieldPath(w.issue.path)} ${w.issue.code}`)).toEqual([
      'c/agent spec.updateStrategy.rollingUpdate.maxSurge rollout/surge-with-host-port',
    ]);
  });
});

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  it.each([
    [3, 10, true, 3],
    ['10%', 100, true, 10],
    ['1%', 50, true, 1],
    ['1%', 50, false, 0],
    ['25%', 10, false, 2],
    ['25%', 10, true, 3],
    ['0%', 10, true, 0],
    [1.5, 10, true, undefined],
    ['10', 10, true, undefined],
    ['x10%', 10, true, undefined],
    ['10%x', 10, true, undefined],
    ['%', 10, true, undefined],
    [true, 10, true, undefined],
    [['10%'], 10, true, undefined],
  ])('scales %j of %j (round up %j) to %j', (v, total, up, want) => {
    expect(scaledValue(v, total, up)).toBe(want);
  });
});

describe('rollout hazard details', () => {
  it('says why a surge with hostNetwork stalls, with the surge given', () => {
    const w = validateForVersion(surging((pod) => (pod.hostNetwork = true), '1%')).warnings;
    expect(w.map((i) => i.message)).toEqual([
      'maxSurge "1%" with hostNetwork: the surge pod cannot bind the port the old pod holds on the same node, so the rollout stalls; use maxSurge: 0 with maxUnavailable instead',
    ]);
  });

  it('says a hostPort of an init container or a later container stalls it too', () => {
    const init = surging(
      (pod) => (pod.initContainers = [{ name: 'i', image: 'x', ports: [{ containerPort: 1, hostPort: 1 }] }]),
    );
    expect(validateForVersion(init).warnings.map((i) => i.message)).toEqual([
      'maxSurge 1 with a hostPort: the surge pod cannot bind the port the old pod holds on the same node, so the rollout stalls; use maxSurge: 0 with maxUnavailable instead',
    ]);
    const later = surging((pod) =>
      pod.containers.push({
        name: 'b',
        image: 'x',
        ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 81 }],
      }),
    );
    expect(warningsOf(later)).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge rollout/surge-with-host-port']);
  });

  it('stays quiet for hostPort 0', () => {
    expectQuiet(surging((_pod, c) => (c.ports = [{ containerPort: 80, hostPort: 0 }])));
  });

  it('warns for a surge when the strategy type is left to its default', () => {
    const m = daemonSet((ds, pod) => {
      ds.spec.updateStrategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
      pod.hostNetwork = true;
    });
    expect(rolloutHazards(m).map((i) => i.code)).toEqual(['rollout/surge-with-host-port']);
  });

  it('says why revisionHistoryLimit 0 is a hazard', () => {
    expect(
      noRevisionHistoryHazard(daemonSet((ds) => (ds.spec.revisionHistoryLimit = 0))).map((i) => i.message),
    ).toEqual([
      'revisionHistoryLimit is 0: no old revision is kept, so `kubectl rollout undo` has nothing to return to; keep at least 1 (default 10)',
    ]);
  });

  it('looks only at DaemonSets', () => {
    const ds = daemonSet((d) => (d.spec.revisionHistoryLimit = 0));
    expect(rolloutHazards(ds)).toHaveLength(1);
    expect(rolloutHazards({ ...ds, kind: 'Deployment' })).toEqual([]);
  });
});

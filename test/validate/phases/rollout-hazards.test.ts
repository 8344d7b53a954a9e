import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { App, DaemonSet, NetworkMode, UpdateStrategy } from '../../../src';
import { validateForVersion } from '../../../src/validate/pipeline';
import { toFieldPath } from '../../../src/validate/issue';
import { daemonSet } from '../../support/manifest';

function warningsOf(manifest: unknown, version = '1.27'): string[] {
  return validateForVersion(manifest, { kubernetesVersion: version }).warnings.map(
    (w) => `${toFieldPath(w.path)} ${w.code}`,
  );
}

const surging = (edit: (pod: any, c: any) => void, surge: unknown = 1) =>
  daemonSet((ds, pod, c) => {
    ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: 0 } };
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
    expect(warningsOf(surging((pod) => (pod.hostNetwork = true), 0))).toEqual([]);
    expect(warningsOf(surging((pod) => (pod.hostNetwork = true), '0%'))).toEqual([]);
    expect(warningsOf(surging((_pod, c) => (c.ports = [{ containerPort: 9100 }])))).toEqual([]);
    const onDelete = daemonSet((ds, pod) => {
      ds.spec.updateStrategy = { type: 'OnDelete' };
      pod.hostNetwork = true;
    });
    expect(warningsOf(onDelete)).toEqual([]);
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

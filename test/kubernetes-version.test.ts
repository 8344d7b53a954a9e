import * as cdk8s from 'cdk8s';
import { Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { App, DaemonSet, kubernetesVersionOf, setKubernetesVersion, toFieldPath } from '../src';

function agent(chart: Chart): DaemonSet {
  const ds = new DaemonSet(chart, 'agent', {
    matchLabels: { app: 'agent' },
    containers: [{ name: 'agent', image: 'agent:1.0' }],
  });
  // A net.* sysctl with hostNetwork: accepted by 1.27 and 1.28, rejected from 1.29.
  ds.addJsonPatch(
    cdk8s.JsonPatch.add('/spec/template/spec/hostNetwork', true),
    cdk8s.JsonPatch.add('/spec/template/spec/securityContext', {
      sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
    }),
  );
  return ds;
}

const SYSCTL = 'spec.template.spec.securityContext.sysctls[0].name';

describe('choosing the Kubernetes version', () => {
  it('checks for 1.27 by default', () => {
    const app = new App();
    agent(new Chart(app, 'c'));
    expect(app.issues()).toEqual([]);
  });

  it('checks what App({ kubernetesVersion }) names', () => {
    const app = new App({ kubernetesVersion: '1.29.3' });
    agent(new Chart(app, 'c'));
    expect(app.issues().map((i) => toFieldPath(i.issue.path))).toEqual([SYSCTL]);
    expect(() => app.synthYaml()).toThrow(/may not be specified when 'hostNetwork' is true/);
  });

  it('takes the version from a chart of a plain cdk8s App', () => {
    const app = new cdk8s.App();
    const chart = new Chart(app, 'c');
    setKubernetesVersion(chart, '1.30');
    const ds = agent(chart);
    expect(kubernetesVersionOf(ds)).toBe('1.30');
    expect(ds.issues().map((i) => toFieldPath(i.path))).toEqual([SYSCTL]);
  });

  it('rejects an unsupported version, naming the supported ones', () => {
    expect(() => new App({ kubernetesVersion: '1.26' })).toThrow(/use one of 1\.27, .*1\.34/);
  });

  it('reports warnings without failing the synth', () => {
    const app = new App({ kubernetesVersion: '1.31' });
    const ds = new DaemonSet(new Chart(app, 'c'), 'agent', {
      matchLabels: { app: 'agent' },
      containers: [{ name: 'agent', image: 'agent:1.0' }],
    });
    ds.addJsonPatch(cdk8s.JsonPatch.add('/spec/template/spec/nodeSelector', { 'node-role.kubernetes.io/master': '' }));
    expect(app.warnings().map((w) => w.issue.code)).toEqual(['warning/deprecated-node-label']);
    expect(() => app.synthYaml()).not.toThrow();
  });
});

import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Gpu, toFieldPath } from '../../../src';
import { makeDaemonSet } from '../../support/synth';
import { issuesOf } from '../../support/manifest';
import { TKESTACK_CASES } from './tkestack.yaml';

describe('TKEStack rules on hand-written YAML', () => {
  it.each(TKESTACK_CASES)('%s', (_what, yaml, expected) => {
    expect(issuesOf(parse(yaml))).toEqual(expected === undefined ? [] : [expected]);
  });

  it('applies the annotations of a bare Pod to that pod', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: { 'tencent.com/vcuda-core-limit': '-1' } },
      spec: { containers: [{ name: 'a', image: 'a:1' }] },
    };
    expect(issuesOf(pod)).toEqual(['metadata.annotations[tencent.com/vcuda-core-limit] gpu/vcuda-core-limit-invalid']);
  });

  it("checks a bare Pod's log directories against that pod's own containers and mounts", () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: { 'log.tke.cloud.tencent.com/log-dir': '{"a":"/var/log/a"}' } },
      spec: {
        containers: [{ name: 'a', image: 'a:1', volumeMounts: [{ name: 'logs', mountPath: '/var/log' }] }],
        volumes: [{ name: 'logs', emptyDir: {} }],
      },
    };
    expect(issuesOf(pod)).toEqual([]);
  });

  it("ignores a DaemonSet's own annotations, which no pod carries", () => {
    const yaml = TKESTACK_CASES[2][1].replace(
      'metadata:\n  name: agent\n',
      'metadata:\n  name: agent\n  annotations: {tencent.com/vcuda-core-limit: "150"}\n',
    );
    expect(yaml).toContain('name: agent\n  annotations:');
    expect(issuesOf(parse(yaml))).toEqual([]);
  });
});

describe('TKEStack rules on manifests changed by escape hatches', () => {
  const lines = (issues: { path: Parameters<typeof toFieldPath>[0]; code: string }[]) =>
    issues.map((i) => `${toFieldPath(i.path)} ${i.code}`);

  it('checks a GPU share written by a JSON patch', () => {
    const { ds } = makeDaemonSet({
      containers: [{ name: 'a', image: 'a:1', resources: { gpu: Gpu.vcuda({ core: 50, memory: 4 }) } }],
    });
    ds.addJsonPatch(
      JsonPatch.replace('/spec/template/spec/containers/0/resources/limits/tencent.com~1vcuda-core', 150),
      JsonPatch.replace('/spec/template/spec/containers/0/resources/requests/tencent.com~1vcuda-core', 150),
    );
    expect(lines(ds.issues())).toEqual([
      'spec.template.spec.containers[0].resources.limits[tencent.com/vcuda-core] gpu/vcuda-core-not-whole-cards',
    ]);
  });

  it('checks a log directory whose mount a JSON patch removed', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'a:1', logDirectory: '/data' }] });
    expect(lines(ds.issues())).toEqual([
      'spec.template.metadata.annotations[log.tke.cloud.tencent.com/log-dir] log-directory/not-on-volume',
    ]);
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/volumeMounts', [{ name: 'd', mountPath: '/data' }]),
      JsonPatch.add('/spec/template/spec/volumes', [{ name: 'd', emptyDir: {} }]),
    );
    expect(ds.issues()).toEqual([]);
  });

  it('checks a release policy written by a JSON patch', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/metadata/annotations', { 'k8s.v1.cni.galaxy.io/release-policy': 'immutable' }),
    );
    expect(lines(ds.issues())).toEqual([
      'spec.template.metadata.annotations[k8s.v1.cni.galaxy.io/release-policy] network/floating-ip-policy-unsupported',
    ]);
  });
});

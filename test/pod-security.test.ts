import * as kplus from 'cdk8s-plus-27';
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { exemptionsOf } from '../src/pod-security';
import {
  podSecurityNamespaceLabels,
  PSS_CHECK_IDS,
  PSS_EXEMPTIONS_ANNOTATION,
  toFieldPath,
  Volume,
  type PssCheckId,
} from '../src';
import { makeDaemonSet, manifestOf } from './support/synth';
import { cli } from './cli/_run';
import { toYaml } from '../src';

function logShipper(exempt: boolean) {
  const varlog = Volume.fromHostPath('varlog', { path: '/var/log' });
  const { ds } = makeDaemonSet({
    podSecurity: {
      level: 'baseline',
      exemptions: exempt
        ? [{ check: 'hostPathVolumes', volume: varlog, reason: 'tails /var/log on the node, read-only' }]
        : [],
    },
  });
  ds.containers[0].mount('/var/log', varlog, { readOnly: true });
  return ds;
}

const codes = (ds: ReturnType<typeof logShipper>) => ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`);

describe('Pod Security on a DaemonSet', () => {
  it('reports a violation of the level with its field path and check', () => {
    expect(codes(logShipper(false))).toEqual(['spec.template.spec.volumes[0].hostPath pss/hostPathVolumes']);
  });

  it('accepts the violation when an exemption with a reason covers it', () => {
    expect(codes(logShipper(true))).toEqual([]);
  });

  it('records exemptions and their reasons in an annotation reviewers see', () => {
    const annotations = manifestOf(logShipper(true)).metadata.annotations;
    expect(JSON.parse(annotations[PSS_EXEMPTIONS_ANNOTATION])).toEqual([
      {
        check: 'hostPathVolumes',
        path: 'spec.template.spec.volumes[0]',
        reason: 'tails /var/log on the node, read-only',
      },
    ]);
  });

  it('writes no annotation without exemptions', () => {
    expect(manifestOf(logShipper(false)).metadata).not.toHaveProperty('annotations');
  });

  it('reports an exemption that is no longer needed', () => {
    const { ds } = makeDaemonSet({
      podSecurity: { level: 'baseline', exemptions: [{ check: 'privileged', reason: 'used to need it' }] },
    });
    expect(codes(ds)).toEqual([`metadata.annotations[${PSS_EXEMPTIONS_ANNOTATION}] pss/exemption-unused`]);
  });

  it('narrows an exemption to one container', () => {
    const { ds } = makeDaemonSet({ podSecurity: { level: 'baseline' }, containers: [] });
    const driver = ds.addContainer({ name: 'driver', image: 'd:1', securityContext: { privileged: true } });
    ds.addContainer({ name: 'sidecar', image: 's:1', securityContext: { privileged: true } });
    ds.addPodSecurityExemption({ check: 'privileged', container: driver, reason: 'mounts volumes for pods' });
    expect(codes(ds)).toEqual(['spec.template.spec.containers[1].securityContext.privileged pss/privileged']);
  });

  it('checks the restricted level', () => {
    const { ds } = makeDaemonSet({ podSecurity: { level: 'restricted' } });
    expect(codes(ds)).toEqual(
      expect.arrayContaining([
        'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation pss/allowPrivilegeEscalation',
      ]),
    );
  });

  it('passes restricted when the pod is locked down', () => {
    const { ds } = makeDaemonSet({
      podSecurity: { level: 'restricted' },
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'a',
          image: 'a:1',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    });
    expect(codes(ds)).toEqual([]);
  });

  it('lets the CLI honour the recorded exemptions', () => {
    const yaml = toYaml(manifestOf(logShipper(true)));
    expect(exemptionsOf(manifestOf(logShipper(true)))).toHaveLength(1);
    expect(cli(['validate', '--pss', 'baseline', '-'], { input: yaml }).status).toBe(0);
    expect(cli(['validate', '--pss', 'baseline', '-'], { input: toYaml(manifestOf(logShipper(false))) }).status).toBe(
      1,
    );
  });
});

describe('Pod Security namespace labels', () => {
  it('gives the labels Pod Security Admission enforces, for a Namespace in the same chart', () => {
    const chart = new Chart(Testing.app(), 'c');
    const ns = new kplus.Namespace(chart, 'ns', {
      metadata: { name: 'logging', labels: podSecurityNamespaceLabels('baseline', 'v1.27') },
    });
    expect(Testing.synth(chart)[0].metadata).toEqual({
      name: 'logging',
      labels: {
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': 'v1.27',
      },
    });
    expect(ns.name).toBe('logging');
  });
});

describe('PssCheckId', () => {
  it('names exactly the checks of the 1.27 policy', () => {
    const ids: PssCheckId[] = [
      'hostNamespaces',
      'privileged',
      'capabilities_baseline',
      'hostPathVolumes',
      'hostPorts',
      'appArmorProfile',
      'seLinuxOptions',
      'procMount',
      'seccompProfile_baseline',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
      'capabilities_restricted',
      'restrictedVolumes',
    ];
    expect([...ids].sort()).toEqual([...PSS_CHECK_IDS].sort());
  });
});

import * as kplus from 'cdk8s-plus-27';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NetworkMode, NodeRequirement, NodeScheduling, toYaml, UpdateStrategy, type PodAffinity } from '../src';
import { makeDaemonSet, manifestOf, podSpecOf } from './support/synth';

/** The pod spec as YAML text and read back, so each assertion sees what is written to disk. */
function podYaml(ds: Parameters<typeof podSpecOf>[0]): any {
  return parse(toYaml(manifestOf(ds))).spec.template.spec;
}

const ANTI: PodAffinity = {
  requiredDuringSchedulingIgnoredDuringExecution: [
    {
      topologyKey: 'kubernetes.io/hostname',
      labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['cilium'] }] },
    },
  ],
};

describe('pod affinity and anti-affinity', () => {
  it('writes pod anti-affinity as given', () => {
    const { ds } = makeDaemonSet({ podAntiAffinity: ANTI });
    expect(podYaml(ds).affinity).toEqual({
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['cilium'] }] },
          },
        ],
      },
    });
  });

  it('writes preferred pod affinity with weights, namespaces, namespace selector and label keys', () => {
    const podAffinity: PodAffinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 50,
          podAffinityTerm: {
            topologyKey: 'topology.kubernetes.io/zone',
            labelSelector: { matchLabels: { app: 'db' } },
            namespaces: ['data'],
            namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
            matchLabelKeys: ['pod-template-hash'],
            mismatchLabelKeys: ['tenant'],
          },
        },
      ],
    };
    const { ds } = makeDaemonSet({ podAffinity });
    expect(podYaml(ds).affinity.podAffinity).toEqual(podAffinity);
  });

  it('composes with node scheduling: setting both writes both', () => {
    const { ds } = makeDaemonSet({
      scheduling: NodeScheduling.byNodeLabels({ required: [NodeRequirement.is('kubernetes.io/os', 'linux')] }),
      podAntiAffinity: ANTI,
      podAffinity: ANTI,
    });
    const affinity = podYaml(ds).affinity;
    expect(Object.keys(affinity).sort()).toEqual(['nodeAffinity', 'podAffinity', 'podAntiAffinity']);
    expect(affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] },
    ]);
    expect(affinity.podAntiAffinity).toEqual(ANTI);
  });

  it('writes no affinity when neither is given', () => {
    const { ds } = makeDaemonSet({ scheduling: NodeScheduling.anyNode() });
    expect(podSpecOf(ds)).not.toHaveProperty('affinity');
  });

  it('passes validation for a well-formed anti-affinity', () => {
    const { ds } = makeDaemonSet({ podAntiAffinity: ANTI });
    expect(ds.issues()).toEqual([]);
  });
});

describe('pod-spec fields written as given', () => {
  it('writes topology spread constraints', () => {
    const tsc = [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway' as const,
        labelSelector: { matchLabels: { app: 'agent' } },
        minDomains: 2,
        nodeAffinityPolicy: 'Honor' as const,
        nodeTaintsPolicy: 'Ignore' as const,
        matchLabelKeys: ['controller-revision-hash'],
      },
    ];
    const { ds } = makeDaemonSet({ topologySpreadConstraints: tsc });
    expect(podYaml(ds).topologySpreadConstraints).toEqual(tsc);
  });

  it('writes host aliases and DNS config', () => {
    const { ds } = makeDaemonSet({
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local'] }],
      dnsConfig: {
        nameservers: ['169.254.20.10'],
        searches: ['svc.cluster.local'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      },
    });
    const spec = podYaml(ds);
    expect(spec.hostAliases).toEqual([{ ip: '127.0.0.1', hostnames: ['foo.local'] }]);
    expect(spec.dnsConfig).toEqual({
      nameservers: ['169.254.20.10'],
      searches: ['svc.cluster.local'],
      options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
    });
  });

  it('writes runtime class, process namespace sharing, user namespaces and restart policy', () => {
    const { ds } = makeDaemonSet({
      runtimeClassName: 'nvidia',
      shareProcessNamespace: true,
      hostUsers: false,
      restartPolicy: 'Always',
    });
    expect(podYaml(ds)).toMatchObject({
      runtimeClassName: 'nvidia',
      shareProcessNamespace: true,
      hostUsers: false,
      restartPolicy: 'Always',
    });
  });

  it('writes readiness and scheduling gates', () => {
    const { ds } = makeDaemonSet({
      readinessGates: [{ conditionType: 'example.com/ready' }],
      schedulingGates: [{ name: 'example.com/wait' }],
    });
    expect(podYaml(ds).readinessGates).toEqual([{ conditionType: 'example.com/ready' }]);
    expect(podYaml(ds).schedulingGates).toEqual([{ name: 'example.com/wait' }]);
  });

  it('writes os, service links, preemption policy, hostname, subdomain and FQDN', () => {
    const { ds } = makeDaemonSet({
      os: { name: 'linux' },
      enableServiceLinks: false,
      preemptionPolicy: 'Never',
      hostname: 'agent',
      subdomain: 'agents',
      setHostnameAsFQDN: false,
    });
    expect(podYaml(ds)).toMatchObject({
      os: { name: 'linux' },
      enableServiceLinks: false,
      preemptionPolicy: 'Never',
      hostname: 'agent',
      subdomain: 'agents',
      setHostnameAsFQDN: false,
    });
  });

  it('writes explicit false and 0 as given', () => {
    const { ds } = makeDaemonSet({
      hostPID: false,
      hostIPC: false,
      automountServiceAccountToken: false,
      shareProcessNamespace: false,
      terminationGracePeriodSeconds: 0,
      minReadySeconds: 0,
    });
    expect(podYaml(ds)).toMatchObject({
      hostPID: false,
      hostIPC: false,
      automountServiceAccountToken: false,
      shareProcessNamespace: false,
      terminationGracePeriodSeconds: 0,
    });
    expect(manifestOf(ds).spec.minReadySeconds).toBe(0);
  });

  it('writes hostNetwork: false when the overlay or NAT mode is asked to', () => {
    expect(podYaml(makeDaemonSet({ network: NetworkMode.overlay({ hostNetwork: false }) }).ds).hostNetwork).toBe(false);
    expect(podYaml(makeDaemonSet({ network: NetworkMode.nat({ hostNetwork: false }) }).ds).hostNetwork).toBe(false);
    expect(podYaml(makeDaemonSet({ network: NetworkMode.overlay() }).ds)).not.toHaveProperty('hostNetwork');
  });

  it('copies the props, so later edits by the caller do not leak into the manifest', () => {
    const hostAliases = [{ ip: '10.0.0.1', hostnames: ['a'] }];
    const { ds } = makeDaemonSet({ hostAliases });
    hostAliases[0].hostnames.push('b');
    expect(podYaml(ds).hostAliases).toEqual([{ ip: '10.0.0.1', hostnames: ['a'] }]);
  });
});

describe('template metadata and update strategy', () => {
  it('writes the pod template name', () => {
    const { ds } = makeDaemonSet({ podTemplateName: 'agent-pod' });
    expect(parse(toYaml(manifestOf(ds))).spec.template.metadata).toEqual({
      name: 'agent-pod',
      labels: { app: 'agent' },
    });
  });

  it('writes a rolling update without type when asked to', () => {
    const { ds } = makeDaemonSet({
      updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: '100%', omitType: true }),
    });
    expect(parse(toYaml(manifestOf(ds))).spec.updateStrategy).toEqual({ rollingUpdate: { maxUnavailable: '100%' } });
  });

  it('writes the type of a rolling update by default', () => {
    const { ds } = makeDaemonSet({ updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: 2 }) });
    expect(manifestOf(ds).spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } });
  });
});

describe('references by name', () => {
  it('writes the service account name given as a string', () => {
    expect(podSpecOf(makeDaemonSet({ serviceAccountName: 'fluent-bit' }).ds).serviceAccountName).toBe('fluent-bit');
    expect(podSpecOf(makeDaemonSet({ serviceAccount: 'fluent-bit' }).ds).serviceAccountName).toBe('fluent-bit');
  });

  it('refuses serviceAccount and serviceAccountName together', () => {
    expect(() => makeDaemonSet({ serviceAccount: 'a', serviceAccountName: 'b' })).toThrow(
      'give serviceAccount or serviceAccountName, not both',
    );
  });

  it('writes image pull secrets given by name and as cdk8s-plus objects', () => {
    const { chart, ds } = makeDaemonSet({ imagePullSecrets: ['registry'] });
    ds.addImagePullSecret(kplus.Secret.fromSecretName(chart, 'pull', 'mirror'));
    expect(podSpecOf(ds).imagePullSecrets).toEqual([{ name: 'registry' }, { name: 'mirror' }]);
  });
});

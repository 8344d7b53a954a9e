import * as kplus from 'cdk8s-plus-27';
import { Chart, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { DaemonSet, NetworkMode, NodeRequirement, NodeScheduling, UpdateStrategy, toFieldPath } from '../src';
import { makeDaemonSet, manifestOf, podSpecOf } from './support/synth';

describe('DaemonSet workload fields', () => {
  it('writes the name given, without a hash', () => {
    const { ds } = makeDaemonSet({ name: 'node-agent' });
    expect(manifestOf(ds).metadata.name).toBe('node-agent');
    expect(ds.name).toBe('node-agent');
  });

  it('defaults the name to the construct id', () => {
    const { ds } = makeDaemonSet();
    expect(manifestOf(ds).metadata.name).toBe('agent');
  });

  it('writes namespace, labels and annotations', () => {
    const { ds } = makeDaemonSet({
      namespace: 'monitoring',
      labels: { team: 'sre' },
      annotations: { owner: 'sre@example.com' },
    });
    expect(manifestOf(ds).metadata).toEqual({
      name: 'agent',
      namespace: 'monitoring',
      labels: { team: 'sre' },
      annotations: { owner: 'sre@example.com' },
    });
  });

  it('keeps the description in the description annotation', () => {
    const { ds } = makeDaemonSet({ description: 'ships node logs' });
    expect(manifestOf(ds).metadata.annotations).toEqual({ description: 'ships node logs' });
  });

  it('keeps the change cause where kubectl rollout history reads it', () => {
    const { ds } = makeDaemonSet({ changeCause: 'bump to 2.2' });
    expect(manifestOf(ds).metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'bump to 2.2' });
  });

  it('writes only apiVersion, kind, metadata and the spec the user set', () => {
    const { ds } = makeDaemonSet();
    expect(manifestOf(ds)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
        },
      },
    });
  });

  it('uses the chart namespace when none is given', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'ops' });
    const ds = new DaemonSet(chart, 'a', { matchLabels: { app: 'a' }, containers: [{ name: 'a', image: 'a:1' }] });
    expect(manifestOf(ds).metadata.namespace).toBe('ops');
  });
});

describe('DaemonSet selector and pod template', () => {
  it('writes matchLabels to the selector and the pod labels alike', () => {
    const { ds } = makeDaemonSet({
      matchLabels: { 'app.kubernetes.io/name': 'fluent-bit' },
      podLabels: { tier: 'logging' },
    });
    const m = manifestOf(ds);
    expect(m.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'fluent-bit' } });
    expect(m.spec.template.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'fluent-bit', tier: 'logging' });
  });

  it('reports a pod label that contradicts the selector', () => {
    const { ds } = makeDaemonSet({ matchLabels: { app: 'a' }, podLabels: { app: 'b' } });
    expect(ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`)).toContain(
      'spec.template.metadata.labels selector/pod-label-conflict',
    );
  });

  it('writes pod annotations to the template', () => {
    const { ds } = makeDaemonSet({ podAnnotations: { 'prometheus.io/scrape': 'true' } });
    expect(manifestOf(ds).spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
  });
});

describe('DaemonSet pod settings', () => {
  it('writes terminationGracePeriodSeconds', () => {
    expect(podSpecOf(makeDaemonSet({ terminationGracePeriodSeconds: 30 }).ds).terminationGracePeriodSeconds).toBe(30);
  });

  it('writes image pull secrets from Secret objects', () => {
    const { chart, ds } = makeDaemonSet();
    ds.addImagePullSecret(kplus.Secret.fromSecretName(chart, 'pull', 'registry-creds'));
    expect(podSpecOf(ds).imagePullSecrets).toEqual([{ name: 'registry-creds' }]);
  });

  it('writes the service account of a cdk8s-plus ServiceAccount', () => {
    const chart = new Chart(Testing.app(), 'c');
    const sa = new kplus.ServiceAccount(chart, 'sa', { metadata: { name: 'agent-sa' } });
    const ds = new DaemonSet(chart, 'a', {
      matchLabels: { app: 'a' },
      containers: [{ name: 'a', image: 'a:1' }],
      serviceAccount: sa,
      automountServiceAccountToken: false,
    });
    expect(podSpecOf(ds)).toMatchObject({ serviceAccountName: 'agent-sa', automountServiceAccountToken: false });
  });

  it('writes hostPID, hostIPC, priorityClassName and the pod security context', () => {
    const spec = podSpecOf(
      makeDaemonSet({
        hostPID: true,
        hostIPC: true,
        priorityClassName: 'system-node-critical',
        securityContext: {
          runAsUser: 65534,
          runAsNonRoot: true,
          fsGroup: 2000,
          seccompProfile: { type: 'RuntimeDefault' },
        },
      }).ds,
    );
    expect(spec).toMatchObject({
      hostPID: true,
      hostIPC: true,
      priorityClassName: 'system-node-critical',
      securityContext: {
        runAsUser: 65534,
        runAsNonRoot: true,
        fsGroup: 2000,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    });
  });

  it('writes the node selector', () => {
    expect(podSpecOf(makeDaemonSet({ nodeSelector: { 'kubernetes.io/os': 'linux' } }).ds).nodeSelector).toEqual({
      'kubernetes.io/os': 'linux',
    });
  });

  it('writes init containers before the containers', () => {
    const { ds } = makeDaemonSet({
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }],
    });
    expect(podSpecOf(ds).initContainers).toEqual([
      { name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] },
    ]);
  });

  it('reports a DaemonSet without containers', () => {
    const { ds } = makeDaemonSet({ containers: [] });
    expect(ds.issues().map((i) => i.code)).toContain('container/none');
  });
});

describe('DaemonSet scheduling', () => {
  it('writes nothing for any node', () => {
    expect(podSpecOf(makeDaemonSet({ scheduling: NodeScheduling.anyNode() }).ds)).not.toHaveProperty('affinity');
  });

  it('pins named nodes with one matchFields term per node', () => {
    const { ds } = makeDaemonSet({ scheduling: NodeScheduling.onNodes(['node-1', 'node-2']) });
    expect(podSpecOf(ds).affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] },
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] },
          ],
        },
      },
    });
    expect(ds.issues()).toEqual([]);
  });

  it('writes required and preferred node-label rules', () => {
    const { ds } = makeDaemonSet({
      scheduling: NodeScheduling.byNodeLabels({
        required: [NodeRequirement.in('disktype', ['ssd', 'nvme']), NodeRequirement.exists('gpu')],
        preferred: [{ weight: 10, requirements: [NodeRequirement.is('zone', 'a')] }],
      }),
    });
    expect(podSpecOf(ds).affinity.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              { key: 'disktype', operator: 'In', values: ['ssd', 'nvme'] },
              { key: 'gpu', operator: 'Exists' },
            ],
          },
        ],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
      ],
    });
  });

  it('writes alternative required terms from a list of lists', () => {
    const { ds } = makeDaemonSet({
      scheduling: NodeScheduling.byNodeLabels({
        required: [
          [NodeRequirement.greaterThan('cores', 8)],
          [NodeRequirement.doesNotExist('spot')],
          [NodeRequirement.lessThan('load', 3), NodeRequirement.notIn('arch', ['arm'])],
        ],
      }),
    });
    expect(
      podSpecOf(ds).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toEqual([
      { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] },
      { matchExpressions: [{ key: 'spot', operator: 'DoesNotExist' }] },
      {
        matchExpressions: [
          { key: 'load', operator: 'Lt', values: ['3'] },
          { key: 'arch', operator: 'NotIn', values: ['arm'] },
        ],
      },
    ]);
  });

  it('writes tolerations exactly as given, from props and addToleration', () => {
    const { ds } = makeDaemonSet({
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    });
    ds.addToleration({
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    });
    expect(podSpecOf(ds).tolerations).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });
});

describe('DaemonSet network modes', () => {
  it('writes nothing for overlay, the default', () => {
    const spec = podSpecOf(makeDaemonSet({ network: NetworkMode.overlay() }).ds);
    expect(spec).not.toHaveProperty('hostNetwork');
    expect(spec).not.toHaveProperty('dnsPolicy');
  });

  it('uses the host network with ClusterFirstWithHostNet DNS', () => {
    const spec = podSpecOf(makeDaemonSet({ network: NetworkMode.host() }).ds);
    expect(spec).toMatchObject({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
  });

  it('lets an explicit dnsPolicy override the host mode default', () => {
    const spec = podSpecOf(makeDaemonSet({ network: NetworkMode.host(), dnsPolicy: 'Default' }).ds);
    expect(spec.dnsPolicy).toBe('Default');
  });

  it('writes no dnsPolicy with the host network when asked, as many vendor manifests do', () => {
    const spec = podSpecOf(makeDaemonSet({ network: NetworkMode.host({ dnsPolicy: null }) }).ds);
    expect(spec.hostNetwork).toBe(true);
    expect(spec).not.toHaveProperty('dnsPolicy');
  });

  it('maps container ports to host ports in NAT mode', () => {
    const { ds } = makeDaemonSet({
      network: NetworkMode.nat(),
      containers: [{ name: 'a', image: 'a:1', ports: [{ containerPort: 8080, hostPort: 18080, name: 'http' }] }],
    });
    expect(podSpecOf(ds).containers[0].ports).toEqual([{ containerPort: 8080, hostPort: 18080, name: 'http' }]);
    expect(ds.issues()).toEqual([]);
  });

  it('reports a NAT-mode port without a host port', () => {
    const { ds } = makeDaemonSet({
      network: NetworkMode.nat(),
      containers: [{ name: 'a', image: 'a:1', ports: [{ containerPort: 8080 }] }],
    });
    expect(ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([
      'spec.template.spec.containers[0].ports[0].hostPort network/nat-host-port-missing',
    ]);
  });
});

describe('DaemonSet updates', () => {
  it('writes RollingUpdate with its parameters', () => {
    const { ds } = makeDaemonSet({
      updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: '10%' }),
      revisionHistoryLimit: 5,
      minReadySeconds: 10,
    });
    expect(manifestOf(ds).spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      revisionHistoryLimit: 5,
      minReadySeconds: 10,
    });
  });

  it('writes RollingUpdate with surge', () => {
    const { ds } = makeDaemonSet({ updateStrategy: UpdateStrategy.rollingUpdate({ maxSurge: 1, maxUnavailable: 0 }) });
    expect(manifestOf(ds).spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
  });

  it('writes a bare RollingUpdate when no parameter is given', () => {
    expect(
      manifestOf(makeDaemonSet({ updateStrategy: UpdateStrategy.rollingUpdate() }).ds).spec.updateStrategy,
    ).toEqual({ type: 'RollingUpdate' });
  });

  it('writes OnDelete', () => {
    expect(manifestOf(makeDaemonSet({ updateStrategy: UpdateStrategy.onDelete() }).ds).spec.updateStrategy).toEqual({
      type: 'OnDelete',
    });
  });

  it('writes no update strategy unless asked', () => {
    expect(manifestOf(makeDaemonSet().ds).spec).not.toHaveProperty('updateStrategy');
  });
});

describe('DaemonSet escape hatch', () => {
  it('applies JSON patches and validates the patched manifest', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/volumeMounts', [{ name: 'ghost', mountPath: '/x' }]),
    );
    expect(podSpecOf(ds).containers[0].volumeMounts).toEqual([{ name: 'ghost', mountPath: '/x' }]);
    expect(ds.issues().map((i) => toFieldPath(i.path))).toContain(
      'spec.template.spec.containers[0].volumeMounts[0].name',
    );
  });
});

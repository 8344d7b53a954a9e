import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { storedObject } from '../../../src/plan/update-path';
import { toFieldPath } from '../../../src/validate/issue';
import { gatesInUse } from '../../../src/validate/phases/drop-disabled';
import { podSpecOf } from '../../../src/validate/pipeline';
import { profileOf } from '../../../src/validate/versions/profile';
import type { RuleSet } from '../../../src/validate/rule';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet } from '../../support/manifest';
import { findOracle } from '../../support/oracle';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * dropDisabledFields (pkg/api/pod/util.go, per minor): each gated field at a minor where its gate is
 * off (dropped, with a notice) and, where there is one, a minor where it is on (kept, no notice).
 * The gate states are the ones the k8s-oracle reports for its minor (`run 1.XX -gates NAME`),
 * re-checked below where the oracle is present.
 */
interface DropCase {
  readonly gate: string;
  readonly off: string;
  readonly on?: string;
  readonly edit: (ds: any, pod: any, c: any) => void;
  /** Paths of the notices, below spec.template.spec. */
  readonly paths: readonly string[];
}

const S = 'spec.template.spec';
const probe = { exec: { command: ['true'] } };
const CASES: readonly DropCase[] = [
  {
    gate: 'UserNamespacesSupport',
    off: '1.32',
    on: '1.33',
    edit: (_d, p) => (p.hostUsers = false),
    paths: ['hostUsers'],
  },
  {
    gate: 'SupplementalGroupsPolicy',
    off: '1.32',
    on: '1.33',
    edit: (_d, p) => (p.securityContext = { supplementalGroupsPolicy: 'Merge' }),
    paths: ['securityContext.supplementalGroupsPolicy'],
  },
  {
    gate: 'SELinuxChangePolicy',
    off: '1.32',
    on: '1.33',
    edit: (_d, p) => (p.securityContext = { seLinuxChangePolicy: 'Recursive' }),
    paths: ['securityContext.seLinuxChangePolicy'],
  },
  {
    gate: 'PodLevelResources',
    off: '1.33',
    on: '1.34',
    edit: (_d, p) => (p.resources = { limits: { cpu: '1' } }),
    paths: ['resources'],
  },
  {
    gate: 'HostnameOverride',
    off: '1.34',
    edit: (_d, p) => (p.hostnameOverride = 'node-a'),
    paths: ['hostnameOverride'],
  },
  {
    gate: 'DynamicResourceAllocation',
    off: '1.33',
    on: '1.34',
    edit: (_d, p, c) => {
      p.resourceClaims = [{ name: 'gpu', resourceClaimName: 'gpu' }];
      c.resources = { claims: [{ name: 'gpu' }] };
    },
    paths: ['containers[0].resources.claims', 'resourceClaims'],
  },
  {
    gate: 'MatchLabelKeysInPodAffinity',
    off: '1.30',
    on: '1.31',
    edit: (_d, p) => {
      const term = { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' };
      p.affinity = {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, matchLabelKeys: ['tier'] }] },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, podAffinityTerm: { ...term, mismatchLabelKeys: ['tier'] } },
          ],
        },
      };
    },
    paths: [
      'affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys',
      'affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.mismatchLabelKeys',
    ],
  },
  {
    gate: 'SidecarContainers',
    off: '1.28',
    on: '1.29',
    edit: (_d, p) => (p.initContainers = [{ name: 'proxy', image: 'x', restartPolicy: 'Always' }]),
    paths: ['initContainers[0].restartPolicy'],
  },
  {
    gate: 'ContainerRestartRules',
    off: '1.34',
    edit: (_d, p, c) => {
      c.restartPolicy = 'Always';
      c.restartPolicyRules = [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }];
      p.initContainers = [{ name: 'proxy', image: 'x', restartPolicy: 'Always' }];
    },
    paths: ['containers[0].restartPolicy', 'containers[0].restartPolicyRules'],
  },
  {
    gate: 'InPlacePodVerticalScaling',
    off: '1.32',
    on: '1.33',
    edit: (_d, _p, c) => (c.resizePolicy = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
    paths: ['containers[0].resizePolicy'],
  },
  {
    gate: 'ContainerStopSignals',
    off: '1.34',
    edit: (_d, p, c) => {
      p.os = { name: 'linux' };
      c.lifecycle = { stopSignal: 'SIGTERM' };
    },
    paths: ['containers[0].lifecycle.stopSignal'],
  },
  {
    gate: 'PodLifecycleSleepAction',
    off: '1.29',
    on: '1.30',
    edit: (_d, _p, c) => (c.lifecycle = { preStop: { sleep: { seconds: 1 } }, postStart: probe }),
    paths: ['containers[0].lifecycle.preStop.sleep'],
  },
  {
    gate: 'RecursiveReadOnlyMounts',
    off: '1.30',
    on: '1.31',
    edit: (_d, p, c) => {
      p.volumes = [{ name: 'v', emptyDir: {} }];
      c.volumeMounts = [
        { name: 'v', mountPath: '/a' },
        { name: 'v', mountPath: '/v', readOnly: true, recursiveReadOnly: 'Disabled' },
      ];
    },
    paths: ['containers[0].volumeMounts[1].recursiveReadOnly'],
  },
  {
    gate: 'EnvFiles',
    off: '1.34',
    edit: (_d, p, c) => {
      p.volumes = [{ name: 'v', emptyDir: {} }];
      c.env = [
        { name: 'A', value: 'a' },
        { name: 'B', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'f', key: 'k' } } },
      ];
    },
    paths: ['containers[0].env[1].valueFrom.fileKeyRef'],
  },
  {
    gate: 'ClusterTrustBundleProjection',
    off: '1.34',
    edit: (_d, p) => {
      p.volumes = [
        { name: 'e', emptyDir: {} },
        {
          name: 'v',
          projected: { sources: [{ configMap: { name: 'c' } }, { clusterTrustBundle: { name: 'b', path: 'b.pem' } }] },
        },
      ];
    },
    paths: ['volumes[1].projected.sources[1].clusterTrustBundle'],
  },
  {
    gate: 'PodCertificateRequest',
    off: '1.34',
    edit: (_d, p) => {
      p.volumes = [
        {
          name: 'v',
          projected: {
            sources: [
              { podCertificate: { signerName: 'example.com/s', keyType: 'ED25519', credentialBundlePath: 'c.pem' } },
            ],
          },
        },
      ];
    },
    paths: ['volumes[0].projected.sources[0].podCertificate'],
  },
  {
    gate: 'ImageVolume',
    off: '1.33',
    edit: (_d, p, c) => {
      p.volumes = [
        { name: 'e', emptyDir: {} },
        { name: 'img', image: { reference: 'registry.example/data:1' } },
      ];
      c.volumeMounts = [
        { name: 'e', mountPath: '/e' },
        { name: 'img', mountPath: '/img' },
      ];
      p.initContainers = [{ name: 'init', image: 'x', volumeMounts: [{ name: 'img', mountPath: '/img' }] }];
    },
    paths: ['containers[0].volumeMounts[1]', 'initContainers[0].volumeMounts[0]', 'volumes[1]'],
  },
];

const NOTICE = 'drop/gate-disabled';

function notices(m: unknown, version: string, rules?: readonly RuleSet[]): string[] {
  return validateForVersion(m, { kubernetesVersion: version, rules })
    .warnings.filter((w) => w.code === NOTICE)
    .map((w) => toFieldPath(w.path))
    .sort();
}

describe('fields of a disabled feature gate are dropped, with a notice', () => {
  it.each(CASES.map((c) => [c.gate, c] as const))('%s', (_gate, c) => {
    const m = daemonSet(c.edit);
    expect(notices(m, c.off)).toEqual(c.paths.map((p) => `${S}.${p}`));
    if (c.on) expect(notices(m, c.on)).toEqual([]);
    // Each notice names the gate.
    for (const w of validateForVersion(m, { kubernetesVersion: c.off }).warnings.filter((i) => i.code === NOTICE))
      expect(w.message).toContain(`feature gate ${c.gate} is off in Kubernetes ${c.off},`);
  });

  it('names what goes with an image volume', () => {
    const c = CASES.find((x) => x.gate === 'ImageVolume')!;
    const r = validateForVersion(daemonSet(c.edit), { kubernetesVersion: c.off });
    // The other volume and its mount stay: nothing refers to a missing volume.
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((i) => i.message.split(' without a word')[0])).toEqual([
      'the API server drops this image volume',
      'the API server drops this mount of an image volume',
      'the API server drops this mount of an image volume',
    ]);
  });

  it('keeps the Always of a sidecar with restart rules while dropping the rules (1.34)', () => {
    const m = daemonSet((_d, p) => {
      p.initContainers = [
        {
          name: 'proxy',
          image: 'x',
          restartPolicy: 'Always',
          restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
        },
      ];
    });
    expect(notices(m, '1.34')).toEqual([`${S}.initContainers[0].restartPolicyRules`]);
  });

  it('drops restart rules from a container that has no other gated field (1.34)', () => {
    const m = daemonSet((_d, _p, c) => {
      c.restartPolicyRules = [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }];
    });
    expect(notices(m, '1.34')).toEqual([`${S}.containers[0].restartPolicyRules`]);
  });

  it('keeps the restartPolicy of a regular container before 1.34, where validation forbids it', () => {
    const m = daemonSet((_d, _p, c) => (c.restartPolicy = 'Always'));
    expect(notices(m, '1.33')).toEqual([]);
    expect(validateForVersion(m, { kubernetesVersion: '1.33' }).errors.map((i) => toFieldPath(i.path))).toEqual([
      `${S}.containers[0].restartPolicy`,
    ]);
  });

  it('says nothing of a gated field given as null', () => {
    expect(
      notices(
        daemonSet((_d, p) => (p.hostUsers = null)),
        '1.32',
      ),
    ).toEqual([]);
    expect(
      notices(
        daemonSet((_d, p) => (p.hostUsers = undefined)),
        '1.32',
      ),
    ).toEqual([]);
  });

  it('passes over entries that are not objects when no rule has checked the manifest', () => {
    const m = daemonSet((_d, p) => {
      p.containers.push(null);
      p.volumes = [null, { name: 'v', projected: { sources: [null] } }];
    });
    expect(notices(m, '1.32', [])).toEqual([]);
  });

  it('says which gate is off in which minor, and what the stored object lacks', () => {
    const w = validateForVersion(
      daemonSet((_d, p) => (p.hostUsers = false)),
      { kubernetesVersion: '1.32' },
    ).warnings;
    expect(w.map((i) => i.message)).toEqual([
      'the API server drops this field without a word: feature gate UserNamespacesSupport is off in Kubernetes 1.32, so the stored object lacks it',
    ]);
  });

  it('stores procMount Default while ProcMountType is off, and says so', () => {
    const m = daemonSet((_d, _p, c) => (c.securityContext = { procMount: 'Unmasked' }));
    const w = validateForVersion(m, { kubernetesVersion: '1.32' }).warnings;
    expect(w.map((i) => `${toFieldPath(i.path)} ${i.message}`)).toEqual([
      `${S}.containers[0].securityContext.procMount the API server drops this value (it stores "Default") without a word: feature gate ProcMountType is off in Kubernetes 1.32, so the stored object lacks it`,
    ]);
    expect(
      notices(
        daemonSet((_d, _p, c) => (c.securityContext = { procMount: 'Default' })),
        '1.32',
      ),
    ).toEqual([]);
    expect(notices(m, '1.33')).toEqual([]);
  });

  it('keeps a sidecar restartPolicy while ContainerRestartRules is off', () => {
    const m = daemonSet((_d, p) => (p.initContainers = [{ name: 'proxy', image: 'x', restartPolicy: 'Always' }]));
    expect(notices(m, '1.34')).toEqual([]);
  });

  it('leaves an empty preStop handler after dropping sleep in 1.29, so validation asks for a handler', () => {
    const m = daemonSet((_d, _p, c) => (c.lifecycle = { preStop: { sleep: { seconds: 1 } } }));
    const r = validateForVersion(m, { kubernetesVersion: '1.29' });
    expect(r.errors.map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([
      `${S}.containers[0].lifecycle.preStop lifecycle/handler-required`,
    ]);
  });

  it('drops the resource claims of a generic ephemeral volume, without a notice (1.27: ResourceRequirements still had claims)', () => {
    const m = daemonSet((_d, p) => {
      p.volumes = [
        {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: '1Gi' }, claims: [{ name: 'x' }] },
              },
            },
          },
        },
      ];
    });
    const r = validateForVersion(m, { kubernetesVersion: '1.27' });
    expect(r.errors).toEqual([]);
    expect(notices(m, '1.27')).toEqual([]);
  });

  it('leaves the caller manifest as it was', () => {
    const m = daemonSet((_d, p) => (p.hostUsers = false));
    validateForVersion(m, { kubernetesVersion: '1.32' });
    expect(m.spec.template.spec.hostUsers).toBe(false);
  });
});

// plan's update path (src/plan/update-path.ts) keeps no field for the stored object's sake: OLD is
// stored by the same minor's create path, which leaves no field of a disabled gate for
// PrepareForUpdate's "the old spec uses it" to find.
describe('what the create path stores uses no field of a disabled gate', () => {
  it.each(CASES.map((c) => [c.gate, c] as const))('%s', (_gate, c) => {
    const profile = profileOf(c.off);
    const m = daemonSet(c.edit);
    expect([...gatesInUse(podSpecOf(m)[0], profile)]).toContain(c.gate);
    expect([...gatesInUse(podSpecOf(storedObject(m, profile))[0], profile)]).toEqual([]);
  });
});

const oracle = findOracle();
if (!oracle)
  console.warn('NOTICE: drop-disabled: the k8s-oracle is absent (set K8S_SHARED), gate states are not re-checked');
describe.skipIf(!oracle)('the gate states these cases assume', () => {
  it('are the API server default gates of each minor', () => {
    const state = (version: string, gate: string): string =>
      execFileSync(oracle!, [version, '-gates', gate], { encoding: 'utf8' }).split('enabled=')[1]?.split(' ')[0] ?? '?';
    const wrong: string[] = [];
    for (const c of CASES) {
      if (state(c.off, c.gate) !== 'false') wrong.push(`${c.gate} is not off in ${c.off}`);
      if (c.on && state(c.on, c.gate) !== 'true') wrong.push(`${c.gate} is not on in ${c.on}`);
    }
    for (const [v, on] of [
      ['1.32', 'false'],
      ['1.33', 'true'],
    ])
      if (state(v, 'ProcMountType') !== on) wrong.push(`ProcMountType in ${v}`);
    expect(wrong).toEqual([]);
  });
});

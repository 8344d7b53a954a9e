import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet } from '../../support/manifest';
import { findOracle, runOracle } from '../../support/oracle';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * GetWarningsForPodTemplate per minor: each case is a DaemonSet the server accepts, with the
 * warnings kubectl prints for it (`path: text`), at the minor where the warning appears or changes.
 * Where the k8s-oracle is present every case is sent to that minor's server, whose warnings must be
 * exactly these.
 */
interface WarningCase {
  readonly name: string;
  readonly version: string;
  readonly manifest: unknown;
  readonly want: readonly string[];
}

const S = 'spec.template.spec';
const M = 'spec.template.metadata';
const ds = (edit: (p: any, c: any, d: any) => void) => daemonSet((d, p, c) => edit(p, c, d));

// The server prints these two without a field path; we keep the volume's path in the issue.
const PATHLESS = new Set(['warning/overlapping-paths', 'warning/projected-no-sources']);

/** Our warnings as kubectl prints the server's: `path: text`, or the text alone where it has no path. */
function warnings(m: unknown, version: string): string[] {
  return validateForVersion(m, { kubernetesVersion: version })
    .warnings.filter((w) => w.code.startsWith('warning/'))
    .map((w) => (PATHLESS.has(w.code) ? w.message : `${toFieldPath(w.path)}: ${w.message}`))
    .sort();
}

const CASES: WarningCase[] = [
  {
    name: 'deprecated node labels in a nodeSelector',
    version: '1.27',
    manifest: ds((p) => {
      p.nodeSelector = {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'failure-domain.beta.kubernetes.io/region': 'r',
        'failure-domain.beta.kubernetes.io/zone': 'z',
        'beta.kubernetes.io/instance-type': 't',
        'node-role.kubernetes.io/master': '',
      };
    }),
    want: [
      `${S}.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead`,
      `${S}.nodeSelector[beta.kubernetes.io/instance-type]: deprecated since v1.17; use "node.kubernetes.io/instance-type" instead`,
      `${S}.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead`,
      `${S}.nodeSelector[failure-domain.beta.kubernetes.io/region]: deprecated since v1.17; use "topology.kubernetes.io/region" instead`,
      `${S}.nodeSelector[failure-domain.beta.kubernetes.io/zone]: deprecated since v1.17; use "topology.kubernetes.io/zone" instead`,
    ],
  },
  {
    name: 'the node labels deprecated in 1.31',
    version: '1.31',
    manifest: ds((p) => {
      p.nodeSelector = { 'node-role.kubernetes.io/master': '', 'app.kubernetes.io/created-by': 'x' };
      p.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'scheduler.alpha.kubernetes.io/preferAvoidPods', operator: 'Exists' }] },
            ],
          },
        },
      };
    }),
    want: [
      `${S}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: scheduler.alpha.kubernetes.io/preferAvoidPods is deprecated since v1.22; use Taints and Tolerations instead`,
      `${S}.nodeSelector[app.kubernetes.io/created-by]: deprecated since v1.9`,
      `${S}.nodeSelector[node-role.kubernetes.io/master]: use "node-role.kubernetes.io/control-plane" instead`,
    ],
  },
  {
    name: 'deprecated node labels in affinity terms and spread keys, and invalid preferred values (1.33)',
    version: '1.33',
    manifest: ds((p) => {
      p.affinity = {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 1,
              preference: {
                matchExpressions: [{ key: 'beta.kubernetes.io/os', operator: 'In', values: ['linux', 'not valid'] }],
              },
            },
          ],
        },
      };
      p.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'failure-domain.beta.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: 'agent' } },
        },
      ];
    }),
    want: [
      `${S}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead`,
      `${S}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[1]: not valid is invalid, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `${S}.topologySpreadConstraints[0].topologyKey: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead`,
    ],
  },
  {
    name: 'null label selectors (1.28)',
    version: '1.28',
    manifest: ds((p) => {
      const term = { topologyKey: 'kubernetes.io/hostname' };
      p.affinity = {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] },
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term }] },
      };
      p.topologySpreadConstraints = [
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
      ];
    }),
    want: [
      `${S}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod`,
      `${S}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod`,
      `${S}.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod`,
    ],
  },
  {
    name: 'deprecated annotations',
    version: '1.27',
    manifest: ds((_p, _c, d) => {
      d.spec.template.metadata.annotations = {
        'scheduler.alpha.kubernetes.io/critical-pod': '',
        'security.alpha.kubernetes.io/sysctls': 'a=1',
        'security.alpha.kubernetes.io/unsafe-sysctls': 'b=1',
        'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
        'container.seccomp.security.alpha.kubernetes.io/agent': 'runtime/default',
      };
    }),
    want: [
      `${M}.annotations[container.seccomp.security.alpha.kubernetes.io/agent]: non-functional in v1.27+; use the "seccompProfile" field instead`,
      `${M}.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead`,
      `${M}.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead`,
      `${M}.annotations[security.alpha.kubernetes.io/sysctls]: non-functional in v1.11+; use the "sysctls" field instead`,
      `${M}.annotations[security.alpha.kubernetes.io/unsafe-sysctls]: non-functional in v1.11+; use the "sysctls" field instead`,
    ],
  },
  {
    name: 'the AppArmor annotation without the field (1.30)',
    version: '1.30',
    manifest: ds((p, _c, d) => {
      p.initContainers = [
        { name: 'init', image: 'x', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } },
      ];
      d.spec.template.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/agent': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/init': 'runtime/default',
      };
    }),
    want: [
      `${M}.annotations[container.apparmor.security.beta.kubernetes.io/agent]: deprecated since v1.30; use the "appArmorProfile" field instead`,
    ],
  },
  {
    name: 'deprecated volumes (1.28)',
    version: '1.28',
    manifest: ds((p) => {
      p.volumes = [
        { name: 'g', gitRepo: { repository: 'https://example.com/r.git' } },
        { name: 'gl', glusterfs: { endpoints: 'ep', path: 'vol' } },
        { name: 'c', cephfs: { monitors: ['10.0.0.1:6789'] } },
        { name: 'r', rbd: { monitors: ['10.0.0.1:6789'], image: 'img' } },
      ];
    }),
    want: [
      `${S}.volumes[0].gitRepo: deprecated in v1.11`,
      `${S}.volumes[1].glusterfs: deprecated in v1.25, non-functional in v1.26+`,
      `${S}.volumes[2].cephfs: deprecated in v1.28, non-functional in v1.31+`,
      `${S}.volumes[3].rbd: deprecated in v1.28, non-functional in v1.31+`,
    ],
  },
  {
    name: 'gitRepo disabled by default (1.33)',
    version: '1.33',
    manifest: ds((p) => (p.volumes = [{ name: 'g', gitRepo: { repository: 'https://example.com/r.git' } }])),
    want: [`${S}.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+`],
  },
  {
    name: 'overlapping volume paths and a projection without sources (1.32)',
    version: '1.32',
    manifest: ds((p) => {
      p.volumes = [
        {
          name: 'cm',
          configMap: {
            name: 'c',
            items: [
              { key: 'a', path: 'etc' },
              { key: 'b', path: 'etc/x' },
            ],
          },
        },
        {
          name: 'pr',
          projected: {
            sources: [
              { secret: { name: 's', items: [{ key: 'a', path: 'token' }] } },
              { serviceAccountToken: { path: 'token' } },
            ],
          },
        },
        { name: 'empty', projected: { sources: [{}] } },
        {
          name: 'sec',
          secret: {
            secretName: 's',
            items: [
              { key: 'a', path: 'a' },
              { key: 'b', path: 'a' },
            ],
          },
        },
      ];
    }),
    want: [
      `volume "cm" (ConfigMap "c"): overlapping paths: "etc/x" with "etc"`,
      `volume "pr" (Projected): overlapping paths: "token" (ServiceAccountToken) with "token" (Secret "s")`,
      `volume "empty" (Projected) has no sources provided`,
      `volume "sec" (Secret "s"): overlapping paths: "a" with "a"`,
    ],
  },
  {
    name: 'port definitions (1.28)',
    version: '1.28',
    manifest: ds((_p, c) => {
      c.ports = [
        { containerPort: 80 },
        { containerPort: 80 },
        { containerPort: 81, hostPort: 81 },
        { containerPort: 81, hostPort: 81, hostIP: '10.0.0.1' },
        { containerPort: 82, hostIP: '10.0.0.1' },
        { containerPort: 83, hostPort: 83 },
        { containerPort: 83 },
      ];
    }),
    want: [
      `${S}.containers[0].ports[1]: duplicate port definition with ${S}.containers[0].ports[0]`,
      `${S}.containers[0].ports[3]: dangerously ambiguous port definition with ${S}.containers[0].ports[2]`,
      `${S}.containers[0].ports[4]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:82 Protocol:TCP HostIP:10.0.0.1}`,
      `${S}.containers[0].ports[6]: overlapping port definition with ${S}.containers[0].ports[5]`,
    ],
  },
  {
    name: 'duplicate port names and definitions, init containers first (1.33)',
    version: '1.33',
    manifest: ds((p, c) => {
      c.ports = [{ name: 'http', containerPort: 80 }];
      p.initContainers = [{ name: 'init', image: 'x', ports: [{ name: 'http', containerPort: 80 }] }];
    }),
    want: [
      `${S}.containers[0].ports[0]: duplicate port definition with ${S}.initContainers[0].ports[0]`,
      `${S}.containers[0].ports[0]: duplicate port name "http" with ${S}.initContainers[0].ports[0], services and probes that select ports by name will use ${S}.initContainers[0].ports[0]`,
    ],
  },
  {
    name: 'a duplicate env name (1.27)',
    version: '1.27',
    manifest: ds(
      (_p, c) =>
        (c.env = [
          { name: 'A', value: '1' },
          { name: 'A', value: '2' },
        ]),
    ),
    want: [`${S}.containers[0].env[1].name: duplicate name "A"`],
  },
  {
    name: 'an env var hiding an earlier one, unless it extends it (1.28)',
    version: '1.28',
    manifest: ds((_p, c) => {
      c.env = [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
        { name: 'P', value: '/bin' },
        { name: 'P', value: '$(P):/usr/bin' },
        { name: 'Q', value: 'x' },
        { name: 'Q', value: '$(Q)' },
      ];
    }),
    want: [
      `${S}.containers[0].env[1]: hides previous definition of "A"`,
      `${S}.containers[0].env[5]: hides previous definition of "Q"`,
    ],
  },
  {
    name: 'host aliases, pull secrets and a negative grace period',
    version: '1.27',
    manifest: ds((p) => {
      p.hostAliases = [
        { ip: '10.0.0.1', hostnames: ['a'] },
        { ip: '10.0.0.1', hostnames: ['b'] },
      ];
      p.imagePullSecrets = [{ name: 'r' }, { name: 'r' }, {}];
      p.terminationGracePeriodSeconds = -1;
    }),
    want: [
      `${S}.hostAliases[1].ip: duplicate ip "10.0.0.1"`,
      `${S}.imagePullSecrets[1].name: duplicate name "r"`,
      `${S}.imagePullSecrets[2].name: invalid empty name ""`,
      `${S}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`,
    ],
  },
  {
    name: 'non-standard IPv4 addresses (1.33)',
    version: '1.33',
    manifest: ds((p) => {
      p.hostAliases = [
        { ip: '010.0.0.1', hostnames: ['a'] },
        { ip: '10.0.0.2', hostnames: ['b'] },
      ];
      p.dnsPolicy = 'None';
      p.dnsConfig = { nameservers: ['10.000.0.10', '10.0.0.11'] };
    }),
    want: [
      `${S}.dnsConfig.nameservers[0]: non-standard IP address "10.000.0.10" will be considered invalid in a future Kubernetes release: use "10.0.0.10"`,
      `${S}.hostAliases[0].ip: non-standard IP address "010.0.0.1" will be considered invalid in a future Kubernetes release: use "10.0.0.1"`,
    ],
  },
];

describe('API warnings (GetWarningsForPodTemplate)', () => {
  it.each(CASES.map((c) => [`${c.name} [${c.version}]`, c] as const))('%s', (_n, c) => {
    expect(warnings(c.manifest, c.version)).toEqual([...c.want].sort());
  });
});

const oracle = findOracle();
if (!oracle) console.warn('NOTICE: warnings: the k8s-oracle is absent (set K8S_SHARED), cases are not re-checked');
describe.skipIf(!oracle)('the warning cases', () => {
  it('are the warnings of each minor API server', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warnings-'));
    try {
      const wrong: string[] = [];
      CASES.forEach((c, i) => {
        const file = path.join(tmp, `${i}.json`);
        fs.writeFileSync(file, JSON.stringify(c.manifest));
        const [v] = runOracle(oracle!, c.version, [file]);
        const got = v.verdict === 'VALID' ? [...new Set(v.warnings)].sort() : [`${v.verdict} ${v.details}`];
        if (JSON.stringify(got) !== JSON.stringify([...c.want].sort())) wrong.push(`${c.name}: ${JSON.stringify(got)}`);
      });
      expect(wrong).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

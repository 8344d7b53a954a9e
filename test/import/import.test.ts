import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDaemonSets, roundTrip } from '../../src/import';
import { sameData } from '../../src/import/values';
import { toYaml } from '../../src/yaml';
import { transpile } from './_transpile';
import { typeCheckGenerated } from './_typecheck';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A minimal valid DaemonSet document, edited by `edit`. */
function daemonSetDoc(edit: (d: any) => void = () => {}): any {
  const d: any = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
      },
    },
  };
  edit(d);
  return d;
}

const yamlOf = (...docs: unknown[]) => docs.map((d) => toYaml(d)).join('---\n');
const pod = (d: any) => d.spec.template.spec;

/** Generated modules of this file, type-checked together by the last test. */
const generated: string[] = [];
async function roundTripOf(text: string) {
  const r = await roundTrip(text, {}, transpile);
  generated.push(importDaemonSets(text, { moduleSpecifier: '../../src/index' }).code);
  return r;
}

const TRICKY = [
  'say "hi"',
  "it's",
  'back`tick`',
  '${process.exit(1)}',
  '*/ x /* y',
  'line\nbreak',
  'sep\u2028and\u2029',
  '</script><script>alert(1)</script>',
  'back\\slash',
  '\\u2028 as text',
  '',
];

describe('strings from the manifest', () => {
  const doc = daemonSetDoc((d) => {
    d.metadata.annotations = Object.fromEntries(TRICKY.map((s, i) => [`example.com/k${i}`, s]));
    d.metadata.annotations['example.com/"quoted`key${x}</script>'] = 'v';
    const c = pod(d).containers[0];
    c.command = TRICKY;
    c.env = TRICKY.map((s, i) => ({ name: `V${i}`, value: s }));
    pod(d).volumes = [{ name: 'a"b${c}`d</script>', hostPath: { path: '/var/log/*/x' } }];
    c.volumeMounts = [{ name: 'a"b${c}`d</script>', mountPath: '/x' }];
  });

  it('round-trip exactly', async () => {
    const r = await roundTripOf(yamlOf(doc));
    expect(r.diff).toBe('');
    expect(r.equal).toBe(true);
  });

  it('never appear raw in the code', () => {
    const { code } = importDaemonSets(yamlOf(doc));
    expect(code).not.toMatch(/[\u2028\u2029]/);
    expect(code).not.toMatch(/<\/script/i);
    expect(code.split('\n').filter((l) => l.trim().startsWith('//'))).toEqual(['    // Document 1 of the input']);
  });

  it('name variables and construct ids by sanitized identifiers only', () => {
    const { code } = importDaemonSets(yamlOf(doc));
    expect(code).toContain(
      'const aBCDScript = Volume.fromHostPath("a\\"b${c}`d<\\/script>", { path: "/var/log/*/x" });',
    );
  });
});

describe('map keys __proto__ and constructor', () => {
  const keys = { __proto__: 'p', constructor: 'c', app: 'agent' };
  const doc = daemonSetDoc((d) => {
    d.metadata.labels = { ...keys };
    Object.defineProperty(d.metadata.labels, '__proto__', { value: 'p', enumerable: true });
    d.metadata.annotations = JSON.parse('{"__proto__": "x", "constructor": "y"}');
    d.spec.template.metadata.annotations = JSON.parse('{"__proto__": "x"}');
    pod(d).nodeSelector = JSON.parse('{"constructor": "y"}');
    pod(d).containers[0].env = [
      { name: '__proto__', value: 'a' },
      { name: 'constructor', value: 'b' },
    ];
    pod(d).containers[0].resources = { limits: JSON.parse('{"__proto__": "1", "cpu": "1"}') };
  });

  it('round-trip as own keys, without touching any prototype', async () => {
    const r = await roundTripOf(yamlOf(doc));
    expect(r.diff).toBe('');
    expect(r.equal).toBe(true);
    const out = r.synthesized[0] as any;
    expect(Object.keys(out.metadata.annotations).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(out.metadata.annotations)).toBe(Object.prototype);
    expect(({} as any).x).toBeUndefined();
  });

  it('write maps cdk8s cannot render by escape hatch, listed', () => {
    const r = importDaemonSets(yamlOf(doc));
    expect(r.escapeHatches.map((h) => h.path)).toEqual(
      expect.arrayContaining([
        'metadata.labels',
        'metadata.annotations',
        'spec.template.metadata.annotations',
        'spec.template.spec.nodeSelector',
        'spec.template.spec.containers[0].resources',
      ]),
    );
    expect(r.code).toContain('JsonPatch.add("/metadata/annotations", { ["__proto__"]: "x", "constructor": "y" })');
  });

  it('write env names __proto__ and constructor as props, __proto__ as a computed key', () => {
    const { code } = importDaemonSets(yamlOf(doc));
    expect(code).toContain('env: { ["__proto__"]: EnvValue.fromValue("a"), "constructor": EnvValue.fromValue("b") }');
  });
});

describe('host network', () => {
  it('without dnsPolicy is NetworkMode.host({ dnsPolicy: null }), no escape hatch', async () => {
    const doc = daemonSetDoc((d) => {
      pod(d).hostNetwork = true;
    });
    const r = await roundTripOf(yamlOf(doc));
    expect(r.equal).toBe(true);
    expect((r.synthesized[0] as any).spec.template.spec).not.toHaveProperty('dnsPolicy');
    expect(r.code).toContain('network: NetworkMode.host({ dnsPolicy: null }),');
    expect(r.escapeHatches).toEqual([]);
  });

  it("with a dnsPolicy DnsPolicy does not allow writes none and adds the input's by escape hatch", async () => {
    const doc = daemonSetDoc((d) => Object.assign(pod(d), { hostNetwork: true, dnsPolicy: 'Sometimes' }));
    const r = await roundTripOf(yamlOf(doc));
    expect(r.equal).toBe(true);
    expect(r.code).toContain('network: NetworkMode.host({ dnsPolicy: null }),');
    expect(r.escapeHatches.map((h) => h.path)).toEqual(['spec.template.spec.dnsPolicy']);
  });

  it('with ClusterFirstWithHostNet is NetworkMode.host() alone', () => {
    const r = importDaemonSets(
      yamlOf(daemonSetDoc((d) => Object.assign(pod(d), { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }))),
    );
    expect(r.code).toContain('network: NetworkMode.host(),');
    expect(r.escapeHatches).toEqual([]);
  });

  it('with another policy passes it to NetworkMode.host()', () => {
    const r = importDaemonSets(
      yamlOf(daemonSetDoc((d) => Object.assign(pod(d), { hostNetwork: true, dnsPolicy: 'Default' }))),
    );
    expect(r.code).toContain('network: NetworkMode.host({ dnsPolicy: "Default" }),');
    expect(r.escapeHatches).toEqual([]);
  });
});

describe('fields the constructs cannot express', () => {
  const doc = daemonSetDoc((d) => {
    d.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u' }];
    d.spec.selector.matchExpressions = [{ key: 'tier', operator: 'In', values: ['node'] }];
    d.spec.template.metadata.creationTimestamp = null;
    const c = pod(d).containers[0];
    c.lifecycle = { preStop: { sleep: { seconds: 'five' } } };
    c.volumeMounts = [
      { name: 'logs', mountPath: '/logs' },
      { name: 'token', mountPath: '/token' },
    ];
    pod(d).volumes = [
      { name: 'token', projected: { sources: [{ serviceAccountToken: { audience: 'x', path: 't', extra: 1 } }] } },
      { name: 'logs', hostPath: { path: '/var/log' } },
    ];
    pod(d).affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 7 }] } };
    pod(d).serviceAccount = 'agent';
  });

  it('round-trip through escape hatches', async () => {
    const r = await roundTripOf(yamlOf(doc));
    expect(r.diff).toBe('');
    expect(r.equal).toBe(true);
  });

  it('are each listed with the document and field path', () => {
    const r = importDaemonSets(yamlOf(doc));
    expect(r.escapeHatches.map((h) => `${h.document} ${h.path}`)).toEqual([
      '0 metadata.ownerReferences',
      '0 spec.selector.matchExpressions',
      '0 spec.template.metadata.creationTimestamp',
      '0 spec.template.spec.containers[0].volumeMounts[1]',
      '0 spec.template.spec.containers[0].lifecycle',
      '0 spec.template.spec.volumes[0]',
      '0 spec.template.spec.affinity',
      '0 spec.template.spec.serviceAccount',
    ]);
  });

  it('leave the expressible volumes to Volume factories', () => {
    const { code } = importDaemonSets(yamlOf(doc));
    expect(code).toContain('const logs = Volume.fromHostPath("logs", { path: "/var/log" });');
    expect(code).toContain('{ path: "/logs", volume: logs }');
  });
});

describe('pod-spec fields with typed props', () => {
  const doc = daemonSetDoc((d) => {
    d.spec.updateStrategy = { rollingUpdate: { maxUnavailable: '100%' } };
    d.spec.template.metadata.name = 'agent-pod';
    const c = pod(d).containers[0];
    Object.assign(c, {
      tty: true,
      stdin: true,
      stdinOnce: false,
      resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
      securityContext: {
        windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' },
        appArmorProfile: { type: 'RuntimeDefault' },
      },
      volumeMounts: [
        { name: 'token', mountPath: '/token', readOnly: true, recursiveReadOnly: 'IfPossible' },
        { name: 'info', mountPath: '/info' },
        { name: 'secrets', mountPath: '/secrets' },
        { name: 'scratch', mountPath: '/scratch' },
        { name: 'model', mountPath: '/model' },
        { name: 'config', mountPath: '/config' },
      ],
    });
    pod(d).initContainers = [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }];
    pod(d).volumes = [
      {
        name: 'token',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { audience: 'x', expirationSeconds: 3600, path: 't' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { secret: { name: 'mesh', optional: true } },
            {
              downwardAPI: { items: [{ path: 'ns', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] },
            },
          ],
        },
      },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      {
        name: 'secrets',
        csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, nodePublishSecretRef: { name: 'creds' } },
      },
      {
        name: 'scratch',
        ephemeral: {
          volumeClaimTemplate: {
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        },
      },
      { name: 'model', image: { reference: 'registry/model:1', pullPolicy: 'IfNotPresent' } },
      { name: 'config', configMap: { name: 'agent-config' } },
    ];
    Object.assign(pod(d), {
      hostNetwork: false,
      serviceAccountName: 'agent',
      imagePullSecrets: [{ name: 'registry' }],
      restartPolicy: 'Always',
      shareProcessNamespace: true,
      hostUsers: false,
      runtimeClassName: 'gvisor',
      dnsConfig: { nameservers: ['1.1.1.1'], options: [{ name: 'ndots', value: '2' }] },
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['local'] }],
      readinessGates: [{ conditionType: 'example.com/ready' }],
      schedulingGates: [{ name: 'example.com/wait' }],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }],
      securityContext: { windowsOptions: { runAsUserName: 'ContainerUser' }, supplementalGroupsPolicy: 'Strict' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }],
          },
        },
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['agent'] }] },
            },
          ],
        },
      },
    });
  });

  it('round-trip with no escape hatch', async () => {
    const r = await roundTripOf(yamlOf(doc));
    expect(r.diff).toBe('');
    expect(r.equal).toBe(true);
    expect(r.escapeHatches).toEqual([]);
  });

  it('are written with the new props and factories', () => {
    const { code } = importDaemonSets(yamlOf(doc));
    for (const s of [
      'podTemplateName: "agent-pod",',
      'serviceAccountName: "agent",',
      'imagePullSecrets: ["registry"],',
      'updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: "100%", omitType: true }),',
      'network: NetworkMode.overlay({ hostNetwork: false }),',
      'podAntiAffinity: {',
      'scheduling: NodeScheduling.byNodeLabels({ required: [NodeRequirement.is("kubernetes.io/os", "linux")] }),',
      'const token = Volume.fromProjected("token", {',
      'VolumeProjection.serviceAccountToken({ audience: "x", expirationSeconds: 3600, path: "t" }),',
      'VolumeProjection.configMap("kube-root-ca.crt", { items: [{ key: "ca.crt", path: "ca.crt" }] }),',
      'VolumeProjection.secret("mesh", { optional: true }),',
      'const secrets = Volume.fromCsi("secrets", {',
      'nodePublishSecretRef: "creds",',
      'const config = Volume.fromConfigMap("config", "agent-config");',
      'preStop: Handler.fromSleep(5)',
      'restartPolicy: "Always"',
      'tty: true,',
    ])
      expect(code).toContain(s);
  });
});

describe('typed factories', () => {
  it('write whole NVIDIA cards as Gpu.nvidia and vcuda shares as Gpu.vcuda', async () => {
    const doc = daemonSetDoc((d) => {
      pod(d).containers = [
        { name: 'a', image: 'a:1', resources: { limits: { 'nvidia.com/gpu': 1 } } },
        {
          name: 'b',
          image: 'b:1',
          resources: {
            requests: { 'tencent.com/vcuda-core': 50, 'tencent.com/vcuda-memory': 8 },
            limits: { 'tencent.com/vcuda-core': 50, 'tencent.com/vcuda-memory': 8 },
          },
        },
        { name: 'c', image: 'c:1', resources: { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 1 } } },
      ];
    });
    const r = await roundTripOf(yamlOf(doc));
    expect(r.equal).toBe(true);
    expect(r.code).toContain('resources: { gpu: Gpu.nvidia(1) }');
    expect(r.code).toContain('gpu: Gpu.vcuda({ core: 50, memory: 8 })');
    expect(r.code).toContain('resources: { other: { "nvidia.com/gpu": { request: 1, limit: 1 } } }');
  });

  it('write env sources, probes, node affinity, update strategy and references', async () => {
    const doc = daemonSetDoc((d) => {
      d.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } };
      pod(d).serviceAccountName = 'agent';
      pod(d).imagePullSecrets = [{ name: 'registry' }];
      pod(d).affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
                  { key: 'gpu', operator: 'Exists' },
                ],
              },
            ],
          },
        },
      };
      Object.assign(pod(d).containers[0], {
        env: [
          { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
          { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'agent-token', key: 'token' } } },
        ],
        envFrom: [{ configMapRef: { name: 'agent-config' }, prefix: 'CFG_' }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
      });
    });
    const r = await roundTripOf(yamlOf(doc));
    expect(r.equal).toBe(true);
    expect(r.escapeHatches).toEqual([]);
    for (const s of [
      'serviceAccountName: "agent",',
      'imagePullSecrets: ["registry"],',
      'scheduling: NodeScheduling.byNodeLabels({',
      'NodeRequirement.is("kubernetes.io/os", "linux"), NodeRequirement.exists("gpu")',
      'updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: "10%" }),',
      '"NODE": EnvValue.fromFieldRef("spec.nodeName"),',
      '"TOKEN": EnvValue.fromSecret("agent-token", "token"),',
      'envFrom: [EnvFrom.configMap("agent-config", { prefix: "CFG_" })],',
      'livenessProbe: Probe.fromHttpGet("/healthz", { port: 8080, periodSeconds: 10 }),',
    ])
      expect(r.code).toContain(s);
  });
});

describe('container lifecycle and termination message', () => {
  it('write hooks as Handler factories and the termination fields as props', async () => {
    const doc = daemonSetDoc((d) =>
      Object.assign(pod(d).containers[0], {
        lifecycle: {
          postStart: {
            httpGet: { path: '/started', port: 'admin', scheme: 'HTTPS', httpHeaders: [{ name: 'X', value: 'y' }] },
          },
          preStop: { exec: { command: ['/bin/sh', '-c', 'rm /csi/reg.sock'] } },
        },
        terminationMessagePath: '/tmp/end',
        terminationMessagePolicy: 'FallbackToLogsOnError',
      }),
    );
    const r = await roundTripOf(yamlOf(doc));
    expect(r.diff).toBe('');
    expect(r.escapeHatches).toEqual([]);
    for (const s of [
      'postStart: Handler.fromHttpGet("/started", {',
      'httpHeaders: [{ name: "X", value: "y" }],',
      'preStop: Handler.fromCommand(["/bin/sh", "-c", "rm /csi/reg.sock"]),',
      'terminationMessagePath: "/tmp/end",',
      'terminationMessagePolicy: "FallbackToLogsOnError",',
    ])
      expect(r.code).toContain(s);
  });

  it('write a tcpSocket hook with Handler.fromTcpSocket', async () => {
    const doc = daemonSetDoc((d) => {
      pod(d).containers[0].lifecycle = { preStop: { tcpSocket: { port: 9000, host: 'localhost' } } };
    });
    const r = await roundTripOf(yamlOf(doc));
    expect(r.equal).toBe(true);
    expect(r.code).toContain('lifecycle: { preStop: Handler.fromTcpSocket({ port: 9000, host: "localhost" }) }');
  });

  it('write a hook no Handler factory fits by escape hatch at its own path, keeping the other', async () => {
    const doc = daemonSetDoc((d) => {
      pod(d).containers[0].lifecycle = {
        postStart: { exec: { command: ['true'] } },
        preStop: { httpGet: { port: 80 } },
      };
    });
    const r = await roundTripOf(yamlOf(doc));
    expect(r.equal).toBe(true);
    expect(r.code).toContain('lifecycle: { postStart: Handler.fromCommand(["true"]) }');
    expect(r.escapeHatches.map((h) => h.path)).toEqual(['spec.template.spec.containers[0].lifecycle.preStop']);
  });

  it('write an empty lifecycle by escape hatch', async () => {
    const r = await roundTripOf(
      yamlOf(
        daemonSetDoc((d) => {
          pod(d).containers[0].lifecycle = {};
        }),
      ),
    );
    expect(r.equal).toBe(true);
    expect(r.escapeHatches.map((h) => h.path)).toEqual(['spec.template.spec.containers[0].lifecycle']);
  });

  it('write a terminationMessagePolicy outside the type by escape hatch', () => {
    const r = importDaemonSets(
      yamlOf(
        daemonSetDoc((d) => {
          pod(d).containers[0].terminationMessagePolicy = 'Never';
        }),
      ),
    );
    expect(r.escapeHatches.map((h) => `${h.path}: ${h.reason}`)).toEqual([
      'spec.template.spec.containers[0].terminationMessagePolicy: container terminationMessagePolicy has a value its construct type does not allow',
    ]);
  });
});

describe('documents of a stream', () => {
  it('are imported one DaemonSet each, with deduped variables, other kinds skipped', async () => {
    const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
    const second = daemonSetDoc((d) => {
      d.metadata.namespace = 'monitoring';
    });
    const r = await roundTripOf(yamlOf(daemonSetDoc(), other, second));
    expect(r.equal).toBe(true);
    expect(r.daemonSets.map((d) => [d.document, d.variable])).toEqual([
      [0, 'agent'],
      [2, 'agent2'],
    ]);
    expect(r.skipped).toEqual([
      { document: 1, line: expect.any(Number), reason: 'not an apps/v1 DaemonSet (v1 ConfigMap)' },
    ]);
  });
});

describe('sameData', () => {
  it('ignores key order but not values, and counts __proto__ keys', () => {
    expect(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameData(JSON.parse('{"__proto__": "x"}'), {})).toBe(false);
  });
});

describe('documents too odd to map field by field', () => {
  it.each([
    [
      'a __proto__ key in metadata itself',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\n  __proto__: {x: 1}\nspec: {}\n',
    ],
    [
      'a spec without a pod template',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector: {}\n',
    ],
    ['no metadata and a string spec', 'apiVersion: apps/v1\nkind: DaemonSet\nspec: x\n'],
  ])('are written whole by escape hatch and still round-trip: %s', async (_what, text) => {
    const r = await roundTripOf(text);
    expect(r.skipped).toEqual([]);
    expect(r.equal).toBe(true);
    expect(r.escapeHatches.some((h) => h.reason.includes('could not map it field by field'))).toBe(true);
  });
});

const ROOT = path.resolve(__dirname, '..', '..');
const TMP = path.join(ROOT, '.tmp', `import-${crypto.randomBytes(6).toString('hex')}`);
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('generated code of these manifests', () => {
  it('type-checks under the project tsconfig', () => {
    expect(generated.length).toBeGreaterThan(5);
    expect(typeCheckGenerated(TMP, new Map(generated.map((code, i) => [`m${i}.ts`, code])))).toEqual([]);
  });
});

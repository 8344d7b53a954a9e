import { afterAll, describe, expect, it } from 'vitest';
import { templateChanged } from '../../../src/plan';
import { applyDefaults } from '../../../src/validate/defaults';
import { corpusDaemonSets } from '../../support/corpus-daemonsets';
import { daemonSet } from '../../support/manifest';
import { findOracle, oracleUpdate } from '../../support/oracle-update';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Differential test of the defaulting against the real API server (k8s-oracle update mode, whose
 * `T:` says whether the defaulted pod templates differ). Writing out what applyDefaults adds, or
 * removing it again, must leave the template the same; real edits must change it; and our
 * comparison after defaulting must agree with the server on every pair.
 */
const ORACLE = findOracle();
if (!ORACLE) {
  console.warn(
    'defaults/oracle.test.ts: the k8s-oracle is not available (set K8S_SHARED), so the differential defaulting test is SKIPPED.',
  );
}

/** A manifest that exercises every defaulter, valid at 1.27 … 1.34. */
function kitchenSink(): any {
  return daemonSet((ds, pod, c) => {
    ds.metadata.namespace = 'plan-test';
    pod.hostNetwork = true;
    c.image = 'registry.example:5000/agent';
    c.ports = [{ containerPort: 9100 }, { containerPort: 9101, protocol: 'UDP' }];
    c.env = [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }];
    c.resources = { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100u' } };
    c.livenessProbe = { httpGet: { port: 9100 } };
    c.readinessProbe = { tcpSocket: { port: 9100 }, initialDelaySeconds: 5 };
    c.startupProbe = { exec: { command: ['true'] } };
    c.lifecycle = { preStop: { httpGet: { port: 9100 } } };
    c.volumeMounts = ['scratch', 'secret', 'config', 'downward', 'projected', 'host', 'claim'].map((name) => ({
      name,
      mountPath: `/mnt/${name}`,
    }));
    pod.initContainers = [{ name: 'init', image: 'busybox:1.36', ports: [{ containerPort: 9200 }] }];
    pod.volumes = [
      { name: 'scratch' },
      { name: 'secret', secret: { secretName: 's' } },
      { name: 'config', configMap: { name: 'c' } },
      { name: 'downward', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
      {
        name: 'projected',
        projected: {
          sources: [
            { serviceAccountToken: { path: 't' } },
            { downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          ],
        },
      },
      { name: 'host', hostPath: { path: '/var/log' } },
      {
        name: 'claim',
        ephemeral: {
          volumeClaimTemplate: {
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        },
      },
      { name: 'rbd', rbd: { monitors: ['10.0.0.1:6789'], image: 'img' } },
      { name: 'iscsi', iscsi: { targetPortal: '10.0.0.2:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 } },
      { name: 'azure', azureDisk: { diskName: 'd', diskURI: 'https://example/d.vhd' } },
    ];
  });
}

/** Fields written as Go zero values or null, which the defaulters must treat as unset (zero-values.test.ts). */
function zeroValues(): any {
  return daemonSet((ds, pod, c) => {
    ds.metadata.namespace = 'plan-test';
    ds.spec.revisionHistoryLimit = null;
    ds.spec.updateStrategy = null;
    pod.securityContext = null;
    pod.hostNetwork = true;
    pod.dnsPolicy = '';
    c.image = 'registry.example/agent';
    c.imagePullPolicy = '';
    c.terminationMessagePath = '';
    c.ports = [{ containerPort: 9100, hostPort: 0 }];
    c.resources = { requests: { cpu: '100u' } };
    c.readinessProbe = { exec: { command: ['true'] }, timeoutSeconds: 0, failureThreshold: 0 };
    c.volumeMounts = [{ name: 'scratch', mountPath: '/scratch' }];
    pod.volumes = [{ name: 'scratch', secret: null }];
  });
}

const clone = (v: any) => JSON.parse(JSON.stringify(v));
const first = (m: any) => m.spec.template.spec.containers[0];

/** Every container quantity written in an equal other form: `128Mi` as `131072Ki`, `1` as `1000m`, `500m` as `0.5`. */
function rewriteQuantities(m: any): void {
  for (const c of m.spec.template.spec.containers ?? []) {
    for (const list of [c.resources?.limits, c.resources?.requests]) {
      for (const [k, v] of Object.entries(list ?? {})) {
        const s = String(v);
        const binary = /^(\d+)(Mi|Gi)$/.exec(s);
        if (binary) list[k] = `${Number(binary[1]) * 1024}${binary[2] === 'Mi' ? 'Ki' : 'Mi'}`;
        else if (/^\d+$/.test(s)) list[k] = `${s}000m`;
        else if (/^\d+m$/.test(s)) list[k] = String(Number(s.slice(0, -1)) / 1000);
      }
    }
  }
}

/** Edits that change the stored template, and edits outside it or semantically void. */
const EDITS: { name: string; template?: 'changed' | 'same'; edit: (m: any) => void }[] = [
  { name: 'image tag', template: 'changed', edit: (m) => (first(m).image = `${first(m).image.split('@')[0]}-x`) },
  {
    name: 'template annotation',
    template: 'changed',
    edit: (m) =>
      (m.spec.template.metadata.annotations = { ...m.spec.template.metadata.annotations, 'checksum/x': '1' }),
  },
  {
    // A pointer: `false` and absent differ, so adding it where absent, or removing it, is a change.
    name: 'privileged: false added, or privileged removed',
    template: 'changed',
    edit: (m) => {
      first(m).securityContext ??= {};
      const sc = first(m).securityContext;
      if ('privileged' in sc) delete sc.privileged;
      else sc.privileged = false;
    },
  },
  {
    name: 'terminationGracePeriodSeconds 31',
    template: 'changed',
    edit: (m) => (m.spec.template.spec.terminationGracePeriodSeconds = 31),
  },
  {
    name: 'an extra env var',
    template: 'changed',
    edit: (m) => (first(m).env = [...(first(m).env ?? []), { name: 'ZZ_X', value: '1' }]),
  },
  { name: 'minReadySeconds', template: 'same', edit: (m) => (m.spec.minReadySeconds = 7) },
  { name: 'revisionHistoryLimit', template: 'same', edit: (m) => (m.spec.revisionHistoryLimit = 3) },
  { name: 'object label', template: 'same', edit: (m) => (m.metadata.labels = { ...m.metadata.labels, team: 'x' }) },
  {
    name: 'hostNetwork: false written when absent',
    template: 'same',
    edit: (m) => (m.spec.template.spec.hostNetwork ??= false),
  },
  { name: 'empty nodeSelector map', template: 'same', edit: (m) => (m.spec.template.spec.nodeSelector ??= {}) },
  { name: 'empty tolerations list', template: 'same', edit: (m) => (m.spec.template.spec.tolerations ??= []) },
  { name: 'quantities written in other units', template: 'same', edit: (m) => rewriteQuantities(m) },
  {
    // Requests default to limits only for Pods (SetDefaults_Pod), never in a template: writing
    // them out is a change wherever a limit had no request.
    name: 'requests written equal to limits',
    edit: (m) => {
      for (const c of m.spec.template.spec.containers ?? []) {
        if (c.resources?.limits) c.resources.requests = { ...c.resources.limits, ...c.resources.requests };
      }
    },
  },
];

const MINORS = ['1.27', '1.28', '1.34'];
const figures: string[] = [];

describe.skipIf(!ORACLE)('defaulting agrees with the API server (k8s-oracle update mode)', () => {
  const bases = [
    { file: 'kitchen-sink', manifest: kitchenSink() },
    { file: 'zero values', manifest: zeroValues() },
    ...corpusDaemonSets(),
  ];

  it.each(MINORS)('at %s', (minor) => {
    type Case = { label: string; old: any; new: any; expected?: 'changed' | 'same' };
    const cases: Case[] = [];
    for (const { file, manifest } of bases) {
      const defaulted = applyDefaults(manifest, minor);
      cases.push({ label: `${file}: defaults written out`, old: manifest, new: defaulted, expected: 'same' });
      cases.push({ label: `${file}: defaults removed`, old: defaulted, new: manifest, expected: 'same' });
      for (const e of EDITS) {
        const edited = clone(manifest);
        e.edit(edited);
        cases.push({ label: `${file}: ${e.name}`, old: manifest, new: edited, expected: e.template });
      }
    }
    const server = oracleUpdate(
      ORACLE!,
      minor,
      cases.map((c) => [c.old, c.new] as const),
    );
    const disagreements: string[] = [];
    const unexpected: string[] = [];
    let compared = 0;
    cases.forEach((c, i) => {
      const t = server[i].template;
      if (t === undefined) {
        unexpected.push(`${c.label}: ${server[i].verdict} ${server[i].details.slice(0, 200)}`);
        return;
      }
      compared++;
      const ours = templateChanged(applyDefaults(c.old, minor), applyDefaults(c.new, minor)) ? 'changed' : 'same';
      if (ours !== t) disagreements.push(`${c.label}: ours ${ours}, server ${t}`);
      if (c.expected !== undefined && t !== c.expected)
        unexpected.push(`${c.label}: server ${t}, expected ${c.expected}`);
    });
    figures.push(
      `${minor}: ${compared - disagreements.length}/${compared} pairs agree (${cases.length - compared} not run by the server)`,
    );
    expect(disagreements).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  afterAll(() => console.log(`defaulting vs k8s-oracle --update:\n  ${figures.join('\n  ')}`));
});

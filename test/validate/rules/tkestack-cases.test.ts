import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { tkestackFloatingIpRules } from '../../../src/validate/rules/tkestack-floating-ip';
import { tkestackGpuManagerRules } from '../../../src/validate/rules/tkestack-gpu-manager';
import { tkestackLogDirectoryRules } from '../../../src/validate/rules/tkestack-log-directory';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// The TKEStack rules (docs/tkestack.md) case by case, with what each issue says: GPU Manager's
// allocator limits (tkestack/gpu-manager @8cd842e), Galaxy's release policies (tkestack/galaxy
// @1b17268) and the console's log directories (tkestack/tke @31e93ce). None of these is an API
// server check: the Kubernetes verdict of every manifest here is VALID.

const RULES = [tkestackGpuManagerRules, tkestackFloatingIpRules, tkestackLogDirectoryRules];
const C = 'spec.template.spec.containers[0]';
const A = 'spec.template.metadata.annotations';

function said(edit: (d: any, p: any, c: any) => void): string[] {
  return validateManifest(daemonSet(edit), RULES).map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);
}
const gpu = (limits: Record<string, unknown> | undefined, requests?: Record<string, unknown>) =>
  said((_d, _p, c) => {
    c.resources = { limits, requests };
  });

describe('GPU Manager shares (vcuda-core, vcuda-memory)', () => {
  it.each([
    [{ 'tencent.com/vcuda-core': 100 }],
    [{ 'tencent.com/vcuda-core': 200 }],
    [{ 'tencent.com/vcuda-core': 1, 'tencent.com/vcuda-memory': 1 }],
    [{ 'tencent.com/vcuda-core': 99, 'tencent.com/vcuda-memory': 4 }],
    [{ 'tencent.com/vcuda-core': '500m' }], // fractional: the resources rules' to report
    [{ 'tencent.com/vcuda-core': -1 }], // negative: likewise
    [{ 'tencent.com/vcuda-memory': 2 }],
    [{ 'tencent.com/vcuda-core': true, 'tencent.com/vcuda-memory': { blocks: 4 } }], // not quantities: the type rules'
  ])('accepts %j', (limits) => {
    expect(gpu(limits)).toEqual([]);
  });

  it('takes at least one hundredth of a card', () => {
    expect(gpu({ 'tencent.com/vcuda-core': 0 })).toEqual([
      `${C}.resources.limits[tencent.com/vcuda-core] gpu/vcuda-core-invalid must be a whole number of hundredths of a card (100 = one card), at least 1, got 0`,
    ]);
  });

  it.each([
    [150, 200],
    [250, 300],
    [101, 100],
  ])('takes whole cards above 100: %i (suggesting %i)', (core, suggestion) => {
    expect(gpu({ 'tencent.com/vcuda-core': core })).toEqual([
      `${C}.resources.limits[tencent.com/vcuda-core] gpu/vcuda-core-not-whole-cards above 100 GPU Manager allocates whole cards only, so it must be a multiple of 100 (e.g. ${suggestion}), got ${core}`,
    ]);
  });

  it('needs GPU memory with a share of one card, from the limits or else the requests', () => {
    expect(gpu({ 'tencent.com/vcuda-core': 50 })).toEqual([
      `${C}.resources.limits[tencent.com/vcuda-memory] gpu/vcuda-memory-required a share of one card (vcuda-core 50 < 100) needs GPU memory too: set tencent.com/vcuda-memory to a number of 256 MiB blocks`,
    ]);
    expect(gpu(undefined, { 'tencent.com/vcuda-core': 50 })).toEqual([
      `${C}.resources.requests[tencent.com/vcuda-memory] gpu/vcuda-memory-required a share of one card (vcuda-core 50 < 100) needs GPU memory too: set tencent.com/vcuda-memory to a number of 256 MiB blocks`,
    ]);
    expect(gpu({ 'tencent.com/vcuda-core': 50 }, { 'tencent.com/vcuda-memory': 4 })).toEqual([]);
    // A memory value the API server refuses is still a memory value: no second report.
    expect(gpu({ 'tencent.com/vcuda-core': 50, 'tencent.com/vcuda-memory': '1.5' })).toEqual([]);
    expect(gpu({ 'tencent.com/vcuda-core': 50 }, { 'tencent.com/vcuda-memory': '1.5' })).toEqual([]);
  });

  it('needs GPU memory down to the smallest share, one hundredth of a card', () => {
    expect(gpu({ 'tencent.com/vcuda-core': 1 })).toEqual([
      `${C}.resources.limits[tencent.com/vcuda-memory] gpu/vcuda-memory-required a share of one card (vcuda-core 1 < 100) needs GPU memory too: set tencent.com/vcuda-memory to a number of 256 MiB blocks`,
    ]);
  });

  it('takes at least one block of memory, with or without vcuda-core', () => {
    expect(gpu({ 'tencent.com/vcuda-core': 50, 'tencent.com/vcuda-memory': 0 })).toEqual([
      `${C}.resources.limits[tencent.com/vcuda-memory] gpu/vcuda-memory-invalid must be a whole number of 256 MiB blocks, at least 1, got 0`,
    ]);
    expect(gpu({ 'tencent.com/vcuda-memory': 0 })).toEqual([
      `${C}.resources.limits[tencent.com/vcuda-memory] gpu/vcuda-memory-invalid must be a whole number of 256 MiB blocks, at least 1, got 0`,
    ]);
  });

  const limit = (v: unknown) =>
    said((d) => {
      d.spec.template.metadata.annotations = { 'tencent.com/vcuda-core-limit': v };
    });

  it.each(['0', '7', '50', '100'])('accepts the core limit annotation %j', (v) => {
    expect(limit(v)).toEqual([]);
  });

  it.each(['101', '050', '-1', '1.5', 'x', '', '1000'])('rejects the core limit annotation %j', (v) => {
    expect(limit(v)).toEqual([
      `${A}[tencent.com/vcuda-core-limit] gpu/vcuda-core-limit-invalid must be a whole number from 0 to 100 (percent of one card), got ${v}`,
    ]);
  });

  it('leaves a core limit of another type to the annotation rules', () => {
    expect(limit(50)).toEqual([]);
  });
});

describe('Galaxy floating IP release policy', () => {
  const policy = (value: string, kind = 'DaemonSet') =>
    validateManifest(
      daemonSet((d) => {
        d.kind = kind;
        d.spec.template.metadata.annotations = { 'k8s.v1.cni.galaxy.io/release-policy': value };
      }),
      RULES,
    ).map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);

  it.each([
    ['immutable', 'Immutable'],
    ['never', 'Never'],
  ])('refuses %s for a DaemonSet pod', (value, name) => {
    expect(policy(value)).toEqual([
      `${A}[k8s.v1.cni.galaxy.io/release-policy] network/floating-ip-policy-unsupported Galaxy keeps floating IPs only for Deployments, StatefulSets and pods named "<name>-<index>" (supportReserveIPPolicy), so a DaemonSet pod with release policy ${name} is never scheduled: use OnPodDelete (the IP is kept for the pod's lifetime)`,
    ]);
  });

  it('accepts the default policy, other spellings Galaxy does not convert, and other kinds', () => {
    expect(policy('')).toEqual([]);
    expect(policy('Immutable')).toEqual([]);
    // The engine says a Deployment is not its kind; the release policy rule says nothing.
    expect(policy('immutable', 'Deployment').filter((l) => l.includes(' network/'))).toEqual([]);
  });

  it("ignores the DaemonSet's own annotations", () => {
    expect(
      validateManifest(
        daemonSet((d) => {
          d.metadata.annotations = { 'k8s.v1.cni.galaxy.io/release-policy': 'never' };
        }),
        RULES,
      ),
    ).toEqual([]);
  });
});

describe('TKEStack log directories', () => {
  const logDir = (value: unknown, mounts?: object[]) =>
    said((d, p, c) => {
      d.spec.template.metadata.annotations = { 'log.tke.cloud.tencent.com/log-dir': value };
      if (mounts) {
        p.volumes = [{ name: 'logs', emptyDir: {} }];
        c.volumeMounts = mounts;
      }
    });
  const AT = `${A}[log.tke.cloud.tencent.com/log-dir]`;

  it('takes a directory on or under a mounted volume', () => {
    expect(logDir('{"agent":"/var/log"}', [{ name: 'logs', mountPath: '/var/log' }])).toEqual([]);
    expect(logDir('{"agent":"/var/log/app/"}', [{ name: 'logs', mountPath: '/var/log/' }])).toEqual([]);
    expect(logDir('{"agent":"/var/log/app"}', [{ name: 'logs', mountPath: '/var/log' }])).toEqual([]);
  });

  it('says which mounts there are when the directory is on none', () => {
    expect(logDir('{"agent":"/var/logs"}', [{ name: 'logs', mountPath: '/var/log' }])).toEqual([
      `${AT} log-directory/not-on-volume container "agent": log directory /var/logs is not on a mounted volume (its mounts are /var/log): mount a volume at /var/logs or a parent of it`,
    ]);
    expect(
      logDir('{"agent":"/data"}', [
        { name: 'logs', mountPath: '/var/log' },
        { name: 'logs', mountPath: '/tmp' },
      ]),
    ).toEqual([
      `${AT} log-directory/not-on-volume container "agent": log directory /data is not on a mounted volume (its mounts are /var/log, /tmp): mount a volume at /data or a parent of it`,
    ]);
    // A mount without a path (the volume mount rules' to report) is no mount to name.
    expect(logDir('{"agent":"/data"}', [{ name: 'logs' }])).toEqual([
      `${AT} log-directory/not-on-volume container "agent": log directory /data is not on a mounted volume (it mounts no volume): mount a volume at /data or a parent of it`,
    ]);
    expect(logDir('{"agent":"/data"}')).toEqual([
      `${AT} log-directory/not-on-volume container "agent": log directory /data is not on a mounted volume (it mounts no volume): mount a volume at /data or a parent of it`,
    ]);
  });

  it('takes absolute paths of the console pattern only', () => {
    expect(logDir('{"agent":"var/log"}')).toEqual([
      `${AT} log-directory/invalid container "agent": log directory must be an absolute path of letters, digits, "-", "_" and ".", got "var/log"`,
    ]);
    expect(logDir('{"agent":"/var log"}')).toEqual([
      `${AT} log-directory/invalid container "agent": log directory must be an absolute path of letters, digits, "-", "_" and ".", got "/var log"`,
    ]);
    expect(logDir('{"agent":5}')).toEqual([
      `${AT} log-directory/invalid container "agent": log directory must be an absolute path of letters, digits, "-", "_" and ".", got 5`,
    ]);
    // Not a string, though its text would be a directory.
    expect(logDir('{"agent":["/var/log"]}', [{ name: 'logs', mountPath: '/var/log' }])).toEqual([
      `${AT} log-directory/invalid container "agent": log directory must be an absolute path of letters, digits, "-", "_" and ".", got ["/var/log"]`,
    ]);
    // A string is shown as written, not JSON-escaped.
    expect(logDir(JSON.stringify({ agent: 'C:\\logs' }))).toEqual([
      `${AT} log-directory/invalid container "agent": log directory must be an absolute path of letters, digits, "-", "_" and ".", got "C:\\logs"`,
    ]);
  });

  it('rejects a long path with a bad last character at once', () => {
    // The console's pattern, /^\/(?:[a-zA-Z0-9-_.]+\/?)*$/, backtracks exponentially on such a value.
    const dir = `/${'a'.repeat(64)} `;
    expect(logDir(JSON.stringify({ agent: dir }))).toEqual([
      `${AT} log-directory/invalid container "agent": log directory must be an absolute path of letters, digits, "-", "_" and ".", got "${dir}"`,
    ]);
  });

  it("ignores the DaemonSet's own annotations, which no pod carries", () => {
    const own = said((d) => {
      d.metadata.annotations = { 'log.tke.cloud.tencent.com/log-dir': '{"agent":"/data"}' };
    });
    expect(own).toEqual([]);
  });

  it('names containers the pod has', () => {
    expect(logDir('{"other":"/var/log"}')).toEqual([
      `${AT} log-directory/container-not-found names container "other", which the pod does not have: use the name of one of its containers`,
    ]);
  });

  it('wants a JSON object', () => {
    for (const v of ['[]', 'not json', '"/var/log"']) {
      expect(logDir(v)).toEqual([
        `${AT} log-directory/annotation-invalid must be a JSON object mapping container names to log directories, e.g. {"app":"/var/log/app"}, got ${JSON.stringify(v)}`,
      ]);
    }
    expect(logDir(5)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkPodSecurity, PSS_CHECK_IDS, type PssExemption } from '../../src/pss';
import { toFieldPath } from '../../src/validate/issue';
import { daemonSet } from '../support/manifest';
import { violationsOf } from './_support';

const P = 'spec.template.spec';

/** A DaemonSet with hostPath volumes at indexes 0, 1 and 10, and hostNetwork. */
const hostAgent = () =>
  daemonSet((_ds, pod) => {
    pod.hostNetwork = true;
    pod.volumes = Array.from({ length: 11 }, (_, i) => ({
      name: `v${i}`,
      ...(i === 0 || i === 1 || i === 10 ? { hostPath: { path: `/h${i}` } } : { emptyDir: {} }),
    }));
  });

describe('checkPodSecurity', () => {
  it('allows everything at privileged', () => {
    expect(violationsOf(hostAgent(), 'privileged')).toEqual([]);
  });

  it('knows the 17 checks of PSA 1.27', () => {
    expect([...PSS_CHECK_IDS].sort()).toEqual([
      'allowPrivilegeEscalation',
      'appArmorProfile',
      'capabilities_baseline',
      'capabilities_restricted',
      'hostNamespaces',
      'hostPathVolumes',
      'hostPorts',
      'privileged',
      'procMount',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'seccompProfile_restricted',
      'sysctls',
      'windowsHostProcess',
    ]);
  });

  it('evaluates latest and versions newer than v1.27 as v1.27', () => {
    const ds = daemonSet((_ds, pod) => {
      pod.securityContext = { sysctls: [{ name: 'net.ipv4.ip_local_reserved_ports', value: '1' }] };
    });
    expect(violationsOf(ds, 'baseline', 'v1.26')).toHaveLength(1);
    expect(violationsOf(ds, 'baseline', 'v1.27')).toEqual([]);
    expect(violationsOf(ds, 'baseline', 'v1.35')).toEqual([]);
    expect(violationsOf(ds, 'baseline', 'latest')).toEqual([]);
    expect(violationsOf(ds, 'baseline')).toEqual([]);
  });

  it('refuses a version PSA would not parse', () => {
    expect(() => checkPodSecurity(daemonSet(), { level: 'baseline', version: 'v1.027' as never })).toThrow(RangeError);
    expect(() => checkPodSecurity(daemonSet(), { level: 'baseline', version: 'v2.0' as never })).toThrow(
      'must be "latest" or "v1.x"',
    );
  });

  it('refuses an unknown level', () => {
    expect(() => checkPodSecurity(daemonSet(), { level: 'strict' as never })).toThrow(RangeError);
  });

  it('refuses a kind without a pod it checks', () => {
    expect(() => checkPodSecurity({ apiVersion: 'apps/v1', kind: 'Deployment' }, { level: 'baseline' })).toThrow(
      TypeError,
    );
  });

  it('checks a Pod at its own spec and metadata paths', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' } },
      spec: { containers: [{ name: 'c', image: 'x', securityContext: { privileged: true } }] },
    };
    expect(violationsOf(pod, 'baseline')).toEqual([
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/c] appArmorProfile',
      'spec.containers[0].securityContext.privileged privileged',
    ]);
  });

  it('skips fields of the wrong type, which the type rules report', () => {
    const ds = daemonSet((_ds, pod, c) => {
      pod.hostNetwork = 'true';
      pod.volumes = 'none';
      c.securityContext = { privileged: 'yes', capabilities: { add: [1] } };
    });
    expect(violationsOf(ds, 'baseline')).toEqual([]);
  });

  it('sorts violations by field path, indexes numerically', () => {
    expect(violationsOf(hostAgent(), 'baseline')).toEqual([
      `${P}.hostNetwork hostNamespaces`,
      `${P}.volumes[0].hostPath hostPathVolumes`,
      `${P}.volumes[1].hostPath hostPathVolumes`,
      `${P}.volumes[10].hostPath hostPathVolumes`,
    ]);
  });
});

describe('exemptions', () => {
  const check = (exemptions: PssExemption[]) => {
    const r = checkPodSecurity(hostAgent(), { level: 'baseline', exemptions });
    return {
      violations: r.violations.map((v) => `${toFieldPath(v.path)} ${v.check}`),
      exempted: r.exempted.map((e) => `${toFieldPath(e.violation.path)} ${e.exemption.reason}`),
      unused: r.unusedExemptions.map((e) => e.reason),
    };
  };

  it('exempts every violation of a check when no path is given', () => {
    const r = check([{ check: 'hostPathVolumes', reason: 'reads host logs' }]);
    expect(r.violations).toEqual([`${P}.hostNetwork hostNamespaces`]);
    expect(r.exempted).toHaveLength(3);
    expect(r.unused).toEqual([]);
  });

  it('exempts the field at a path and what lies under it, and no other index', () => {
    const r = check([{ check: 'hostPathVolumes', path: `${P}.volumes[1]`, reason: 'v1' }]);
    expect(r.exempted).toEqual([`${P}.volumes[1].hostPath v1`]);
    expect(r.violations).toEqual([
      `${P}.hostNetwork hostNamespaces`,
      `${P}.volumes[0].hostPath hostPathVolumes`,
      `${P}.volumes[10].hostPath hostPathVolumes`,
    ]);
  });

  it("matches paths by whole segments, not by a field name's first letters", () => {
    const r = check([{ check: 'hostNamespaces', path: `${P}.host`, reason: 'partial name' }]);
    expect(r.violations).toContain(`${P}.hostNetwork hostNamespaces`);
    expect(r.unused).toEqual(['partial name']);
  });

  it('exempts a violation only for the check it names', () => {
    const r = check([{ check: 'hostPorts', path: `${P}.volumes[0]`, reason: 'wrong check' }]);
    expect(r.violations).toHaveLength(4);
    expect(r.unused).toEqual(['wrong check']);
  });

  it('reports exemptions that matched nothing as unused, in the order given', () => {
    const r = check([
      { check: 'privileged', reason: 'stale' },
      { check: 'hostNamespaces', path: `${P}.hostNetwork`, reason: 'node agent' },
      { check: 'hostPathVolumes', path: `${P}.volumes[2]`, reason: 'misplaced' },
    ]);
    expect(r.unused).toEqual(['stale', 'misplaced']);
    expect(r.exempted).toEqual([`${P}.hostNetwork node agent`]);
  });

  it('counts every exemption that matches a violation as used', () => {
    const r = check([
      { check: 'hostNamespaces', reason: 'first' },
      { check: 'hostNamespaces', path: `${P}.hostNetwork`, reason: 'second' },
    ]);
    expect(r.exempted).toEqual([`${P}.hostNetwork first`]);
    expect(r.unused).toEqual([]);
  });
});

describe('the check ID list', () => {
  it('names exactly the registered checks, once each', async () => {
    const { PSS_CHECKS } = await import('../../src/pss/registry');
    expect(PSS_CHECKS.map((c) => c.id).sort()).toEqual([...new Set(PSS_CHECK_IDS)].sort());
  });
});

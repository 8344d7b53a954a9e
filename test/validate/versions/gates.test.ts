import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GATE_NAMES, gateExists, profileOf, SUPPORTED_KUBERNETES_VERSIONS } from '../../../src/validate/versions';
import { gatesOf } from '../../../src/validate/versions/gates';
import { findOracle } from '../../support/oracle';

const ORACLE = findOracle();
if (!ORACLE) console.warn('gates.test.ts: k8s-oracle not found (set K8S_SHARED), the gate table check is SKIPPED.');

describe('feature gates', () => {
  it('turn sidecars on in 1.29 and keep them on after the gate is locked', () => {
    expect(profileOf('1.28').gates.SidecarContainers).toBe(false);
    expect(profileOf('1.29').gates.SidecarContainers).toBe(true);
    expect(profileOf('1.34').gates.SidecarContainers).toBe(true);
  });

  it('count a gate removed after graduating as on, and one not yet added as off', () => {
    expect(gateExists('PodHostIPs', '1.32')).toBe(false);
    expect(profileOf('1.32').gates.PodHostIPs).toBe(true);
    expect(profileOf('1.27').gates.PodHostIPs).toBe(false);
  });

  it('exist in the minors their table cell names', () => {
    expect(gateExists('PodHostIPs', '1.28')).toBe(true);
    expect(gateExists('PodHostIPs', '1.27')).toBe(false);
  });

  it('keep, after their last minor, the default they had there', () => {
    // PodHostIPs graduated (on) and was removed in 1.32; DefaultHostNetworkHostPortsInPodTemplates
    // was removed in 1.31 while off; ImageVolume does not exist before 1.31.
    for (const m of ['1.32', '1.33', '1.34'] as const) expect(gatesOf(m).PodHostIPs, m).toBe(true);
    expect(gatesOf('1.31').DefaultHostNetworkHostPortsInPodTemplates).toBe(false);
    expect(gatesOf('1.34').DefaultHostNetworkHostPortsInPodTemplates).toBe(false);
    expect(gatesOf('1.30').ImageVolume).toBe(false);
  });

  it('take a cluster override over the default', () => {
    expect(profileOf('1.31', { ImageVolume: true }).gates.ImageVolume).toBe(true);
    expect(profileOf('1.31').gates.ImageVolume).toBe(false);
  });
});

describe.skipIf(!ORACLE).each(SUPPORTED_KUBERNETES_VERSIONS)('the %s gate table', (minor) => {
  it('matches the default gates of that minor’s API server', () => {
    const out = execFileSync(ORACLE!, [minor, '-gates', ...GATE_NAMES], { encoding: 'utf8' });
    const theirs = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((l) => {
          const [name, rest] = l.split(': ');
          return [name, rest === '<unknown>' ? '-' : /default=true/.test(rest) ? 'on' : 'off'];
        }),
    );
    const gates = profileOf(minor).gates;
    const ours = Object.fromEntries(GATE_NAMES.map((g) => [g, gateExists(g, minor) ? (gates[g] ? 'on' : 'off') : '-']));
    expect(ours).toEqual(theirs);
  });
});

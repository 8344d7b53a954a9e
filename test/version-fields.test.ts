import { Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { App, DaemonSet, type DaemonSetProps, Handler, toFieldPath } from '../src';
import { makeDaemonSet } from './support/synth';

/**
 * Typed props whose fields later minors added or started to check: synth fails for a minor that
 * lacks the field, naming the minor that added it, and checks the field where it exists.
 */
function at(version: string, props: Partial<DaemonSetProps>): DaemonSet {
  const app = new App({ kubernetesVersion: version });
  return new DaemonSet(new Chart(app, 'c'), 'agent', {
    matchLabels: { app: 'agent' },
    containers: [{ name: 'agent', image: 'agent:1.0' }],
    ...props,
  });
}

const issuesOf = (ds: DaemonSet): string[] => ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`);

const AFFINITY_KEYS_ONLY: Partial<DaemonSetProps> = {
  podAntiAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['pod-template-hash'] },
    ],
  },
};

describe('fields of later minors on typed props', () => {
  it('pod affinity matchLabelKeys fail synth at 1.27, naming 1.29', () => {
    const { ds } = makeDaemonSet(AFFINITY_KEYS_ONLY);
    expect(
      ds
        .issues()
        .map((i) => i.message)
        .join(),
    ).toContain('added in Kubernetes 1.29, this app targets 1.27');
  });

  it('pod affinity matchLabelKeys without a labelSelector fail synth from 1.31', () => {
    const path = 'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';
    expect(issuesOf(at('1.30', AFFINITY_KEYS_ONLY))).toEqual([]);
    expect(issuesOf(at('1.31', AFFINITY_KEYS_ONLY))).toEqual([
      `${path}.matchLabelKeys scheduling/affinity-match-label-keys-without-selector`,
    ]);
  });

  it('supplementalGroupsPolicy fails synth at 1.27, naming 1.31', () => {
    const { ds } = makeDaemonSet({ securityContext: { supplementalGroupsPolicy: 'Strict' } });
    expect(
      ds
        .issues()
        .map((i) => i.message)
        .join(),
    ).toContain('added in Kubernetes 1.31, this app targets 1.27');
  });

  it('a sleep of 0 seconds fails synth before 1.33 and passes from 1.33', () => {
    const props: Partial<DaemonSetProps> = {
      containers: [{ name: 'agent', image: 'agent:1.0', lifecycle: { preStop: Handler.fromSleep(0) } }],
    };
    expect(issuesOf(at('1.32', props))).toEqual([
      'spec.template.spec.containers[0].lifecycle.preStop.sleep lifecycle/sleep-seconds-invalid',
    ]);
    expect(issuesOf(at('1.33', props))).toEqual([]);
  });

  it('an AppArmor Localhost profile without its name fails synth from 1.30', () => {
    const ds = at('1.30', { securityContext: { appArmorProfile: { type: 'Localhost' } } });
    expect(issuesOf(ds)).toEqual([
      'spec.template.spec.securityContext.appArmorProfile.localhostProfile security-context/apparmor-localhost-profile-required',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { podSpecOf, semanticRules, validateForVersion } from '../../src/validate/pipeline';
import { toFieldPath } from '../../src/validate/issue';
import type { RuleSet } from '../../src/validate/rule';
import { ALL_RULES } from '../../src/validate/rules';
import { typesRules } from '../../src/validate/rules/types';
import { daemonSet } from '../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const lines = (issues: readonly { path: any; code: string }[]) => issues.map((i) => `${toFieldPath(i.path)} ${i.code}`);

// Every rule but the strict decoder, in a list of our own (the pipeline keys its caches on the list).
const withoutDecoder = (): RuleSet[] => ALL_RULES.filter((s) => s !== typesRules);

describe('podSpecOf', () => {
  it('finds a DaemonSet’s pod spec under spec.template.spec', () => {
    const ds = daemonSet();
    expect(podSpecOf(ds)).toEqual([ds.spec.template.spec, ['spec', 'template', 'spec']]);
  });

  it('finds a Pod’s pod spec under spec', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [] } };
    expect(podSpecOf(pod)).toEqual([pod.spec, ['spec']]);
  });

  it('gives no spec when it is not an object, but still its path', () => {
    expect(podSpecOf({ apiVersion: 'v1', kind: 'Pod', spec: 'x' })).toEqual([undefined, ['spec']]);
    expect(podSpecOf(daemonSet((ds) => (ds.spec.template = { spec: [1] })))).toEqual([
      undefined,
      ['spec', 'template', 'spec'],
    ]);
  });
});

describe('semanticRules', () => {
  it('leaves the strict decoder out of the validation phase and keeps the rest in order', () => {
    const a: RuleSet = { podSpec: [] };
    const b: RuleSet = { container: [] };
    expect(semanticRules([a, typesRules, b])).toEqual([a, b]);
    expect(semanticRules([a, b])).toEqual([a, b]);
  });
});

describe('validateForVersion', () => {
  it('answers another kind with the kind gate alone: no decoding, defaulting or warnings', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'default' },
      // hostUsers is a field 1.27 would drop (UserNamespacesSupport off), were this a DaemonSet.
      spec: {
        replicas: 'two',
        template: { spec: { hostUsers: false, containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } },
      },
    };
    const r = validateForVersion(deployment);
    expect(r.kubernetesVersion).toBe('1.27');
    expect(lines(r.errors)).toEqual([' manifest/kind-unsupported']);
    expect(r.warnings).toEqual([]);
  });

  it('runs the strict decoder only when it is among the rules', () => {
    const unknown = daemonSet((ds) => (ds.spec.replicas = 2));
    expect(lines(validateForVersion(unknown).errors)).toEqual(['spec.replicas type/unknown-field']);
    expect(validateForVersion(unknown, { rules: withoutDecoder() }).errors).toEqual([]);
  });

  it('reports no dropped field for a pod spec that is not an object', () => {
    const r = validateForVersion(
      daemonSet((ds) => (ds.spec.template.spec = 'x')),
      { rules: withoutDecoder() },
    );
    expect(r.warnings).toEqual([]);
  });
});

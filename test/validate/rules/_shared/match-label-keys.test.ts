import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../../src/validate/issue';
import { matchLabelKeysIssues } from '../../../../src/validate/rules/_shared/match-label-keys';
import { qualifiedNameErrors } from '../../../../src/validate/rules/_shared/names';
import { schedulingRules } from '../../../../src/validate/rules/scheduling';
import { daemonSet } from '../../../support/manifest';
import { pipelineIssues, ruleCases } from '../../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// The pod anti-affinity term of a DaemonSet, where 1.31 checks its label keys.
const term = (t: Record<string, unknown>) =>
  daemonSet((_d, pod) => {
    pod.affinity = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', ...t }] },
    };
  });
const T = 'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';
const LONG = `${'x'.repeat(63)}_`;

ruleCases(
  'pod affinity label keys (validateMatchLabelKeysAndMismatchLabelKeys, 1.31)',
  [
    {
      name: 'says keys need a selector, and what to do',
      manifest: term({ matchLabelKeys: ['app'] }),
      want: [`${T}.matchLabelKeys scheduling/affinity-match-label-keys-without-selector`],
      message: 'Forbidden: must not be specified when labelSelector is not set: add a labelSelector, or drop the keys',
      version: '1.31',
    },
    {
      name: 'gives every reason a key is not a label name, with the key',
      manifest: term({ labelSelector: { matchLabels: { app: 'agent' } }, matchLabelKeys: [LONG] }),
      want: [`${T}.matchLabelKeys[0] scheduling/affinity-match-label-key-invalid`],
      message: `"${LONG}": ${qualifiedNameErrors(LONG).join('; ')}`,
      version: '1.31',
    },
    {
      name: 'says which key the selector names already',
      manifest: term({
        labelSelector: { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] },
        matchLabelKeys: ['app'],
      }),
      want: [`${T}[0] scheduling/affinity-match-label-key-in-selector`],
      message: 'Invalid value "app": exists in both matchLabelKeys and labelSelector: the selector names it already',
      version: '1.31',
    },
    {
      name: 'lets a selector name a key twice that matchLabelKeys does not list',
      manifest: term({
        labelSelector: { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] },
        matchLabelKeys: ['tenant'],
      }),
      want: [],
      version: '1.31',
    },
    {
      name: 'says which key is in both lists',
      manifest: term({
        labelSelector: { matchLabels: { app: 'agent' } },
        matchLabelKeys: ['tenant'],
        mismatchLabelKeys: ['tenant'],
      }),
      want: [`${T}.matchLabelKeys[0] scheduling/affinity-match-label-key-in-mismatch`],
      message: 'Invalid value "tenant": exists in both matchLabelKeys and mismatchLabelKeys: keep it in one of them',
      version: '1.31',
    },
  ],
  pipelineIssues({ rules: [schedulingRules] }),
);

describe('matchLabelKeysIssues on values the decoder rejects', () => {
  const of = (t: unknown) =>
    matchLabelKeysIssues(t, ['t'], 'scheduling/affinity-', true).map((i) => `${toFieldPath(i.path)} ${i.code}`);

  it('leaves a key that is not a string to the type rules', () => {
    expect(
      of({ labelSelector: { matchLabels: { app: 'a' } }, matchLabelKeys: [5, null], mismatchLabelKeys: [{}] }),
    ).toEqual([]);
  });

  it('counts a key as named twice only from what the selector holds, whatever the key', () => {
    // Without matchLabels the expressions start from nothing: one expression names a key once.
    for (const key of ['app', 'Stryker was here', '']) {
      expect(of({ labelSelector: { matchExpressions: [{ key, operator: 'Exists' }] }, matchLabelKeys: [key] })).toEqual(
        key === 'app' ? [] : ['t.matchLabelKeys[0] scheduling/affinity-match-label-key-invalid'],
      );
    }
  });
});

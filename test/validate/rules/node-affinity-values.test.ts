import { describe, expect, it } from 'vitest';
import { labelValueErrors } from '../../../src/validate/rules/_shared/names';
import { nodeAffinityValuesRules } from '../../../src/validate/rules/node-affinity-values';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Table-driven cases at the minor where the check appears (1.33, #128212), each checked against
// that minor's API server where the oracle is present.
const at = pipelineIssues({ rules: [nodeAffinityValuesRules] });
const REQ = 'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms';
const required = (...terms: any[]) =>
  daemonSet((_d, p) => {
    p.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
  });
const LONG = `-${'a'.repeat(63)}`;

ruleCases(
  'required node-affinity values (1.33+)',
  [
    {
      name: 'says a value is not a label value, whatever the operator',
      manifest: required({ matchExpressions: [{ key: 'cpu', operator: 'Gt', values: ['-1'] }] }),
      want: [`${REQ}[0].matchExpressions[0].values[0] scheduling/node-affinity-value-invalid`],
      message: `Invalid value "-1": ${labelValueErrors('-1')[0]}`,
      version: '1.33',
    },
    {
      name: 'reports each reason of each value of each term',
      manifest: required(
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
        {
          matchExpressions: [
            { key: 'zone', operator: 'Exists' },
            { key: 'zone', operator: 'In', values: ['ok', LONG] },
          ],
        },
      ),
      want: [
        `${REQ}[1].matchExpressions[1].values[1] scheduling/node-affinity-value-invalid`,
        `${REQ}[1].matchExpressions[1].values[1] scheduling/node-affinity-value-invalid`,
      ],
      version: '1.33',
      sameCauses: true,
    },
    {
      name: 'accepts such a value before 1.33',
      manifest: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a b'] }] }),
      want: [],
      version: '1.32',
    },
  ],
  at,
);

describe('required node-affinity values of a wrong type', () => {
  it('are left to the type rules', () => {
    const m = required({ matchExpressions: [{ key: 'zone', operator: 'In', values: [1] }] });
    expect(at(m, '1.33').lines).toEqual([]);
  });
});

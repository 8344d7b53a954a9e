import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { schedulingRules } from '../../../src/validate/rules/scheduling';
import { daemonSet } from '../../support/manifest';
import { issuesAt } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';
import {
  labelValueErrors,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
  qualifiedNameErrors,
} from '../../../src/validate/rules/_shared/names';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The scheduling rules' issues only, as `path code` lines. */
function issues(m: unknown): string[] {
  return validateManifest(m, [schedulingRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

function pod(edit: (pod: any) => void): any {
  return daemonSet((_d, p) => edit(p));
}

const S = 'spec.template.spec';
const NA = `${S}.affinity.nodeAffinity`;
const REQ = `${NA}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;

function required(...terms: any[]): (p: any) => void {
  return (p) => {
    p.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
  };
}

describe('nodeSelector', () => {
  it('accepts well-known node labels', () => {
    expect(
      issues(
        pod((p) => {
          p.nodeSelector = { 'kubernetes.io/os': 'linux' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a value that is not a label value, at the map', () => {
    expect(
      issues(
        pod((p) => {
          p.nodeSelector = { 'kubernetes.io/os': 'linux only' };
        }),
      ),
    ).toEqual([`${S}.nodeSelector metadata/label-value-invalid`]);
  });
});

describe('node affinity', () => {
  it('accepts Gt with a single value and metadata.name In one node', () => {
    expect(
      issues(
        pod(
          required({
            matchExpressions: [{ key: 'cpu-count', operator: 'Gt', values: ['4'] }],
            matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }],
          }),
        ),
      ),
    ).toEqual([]);
  });

  it('requires at least one node selector term', () => {
    expect(issues(pod(required()))).toEqual([`${REQ} scheduling/node-selector-terms-required`]);
  });

  it('rejects an unknown operator', () => {
    expect(issues(pod(required({ matchExpressions: [{ key: 'zone', operator: 'Equals', values: ['a'] }] })))).toEqual([
      `${REQ}[0].matchExpressions[0].operator scheduling/node-selector-operator-invalid`,
    ]);
  });

  it('requires values for In', () => {
    expect(issues(pod(required({ matchExpressions: [{ key: 'zone', operator: 'In' }] })))).toEqual([
      `${REQ}[0].matchExpressions[0].values scheduling/node-selector-values-required`,
    ]);
  });

  it('forbids values for Exists', () => {
    expect(issues(pod(required({ matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] })))).toEqual([
      `${REQ}[0].matchExpressions[0].values scheduling/node-selector-values-forbidden`,
    ]);
  });

  it('requires exactly one value for Lt', () => {
    expect(issues(pod(required({ matchExpressions: [{ key: 'cpu', operator: 'Lt', values: ['1', '2'] }] })))).toEqual([
      `${REQ}[0].matchExpressions[0].values scheduling/node-selector-values-not-single`,
    ]);
  });

  it('rejects a key that is not a qualified name', () => {
    expect(issues(pod(required({ matchExpressions: [{ key: 'bad key', operator: 'Exists' }] })))).toEqual([
      `${REQ}[0].matchExpressions[0].key scheduling/node-selector-key-invalid`,
    ]);
  });

  it('rejects a field other than metadata.name', () => {
    expect(issues(pod(required({ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['x'] }] })))).toEqual([
      `${REQ}[0].matchFields[0].key scheduling/node-field-selector-key-invalid`,
    ]);
  });

  it('rejects Exists on a field', () => {
    expect(issues(pod(required({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] })))).toEqual([
      `${REQ}[0].matchFields[0].operator scheduling/node-field-selector-operator-invalid`,
    ]);
  });

  it('rejects two node names in one field requirement', () => {
    expect(
      issues(pod(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }))),
    ).toEqual([`${REQ}[0].matchFields[0].values scheduling/node-field-selector-values-not-single`]);
  });

  it('rejects a field value that is not a node name', () => {
    expect(
      issues(pod(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['Node_1'] }] }))),
    ).toEqual([`${REQ}[0].matchFields[0].values[0] scheduling/node-field-selector-value-invalid`]);
  });

  it('accepts a preferred term of weight 100', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } },
              ],
            },
          };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a preferred term of weight 0', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] },
          };
        }),
      ),
    ).toEqual([`${NA}.preferredDuringSchedulingIgnoredDuringExecution[0].weight scheduling/weight-out-of-range`]);
  });
});

describe('pod affinity', () => {
  const term = { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' };
  const PA = `${S}.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]`;

  it('accepts a term with a topology key and namespaces', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, namespaces: ['db'] }] },
          };
        }),
      ),
    ).toEqual([]);
  });

  it('requires a topology key', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, topologyKey: '' }] },
          };
        }),
      ),
    ).toEqual([`${PA}.topologyKey scheduling/topology-key-required`]);
  });

  it('rejects a namespace that is not a DNS label, at `namespace` as the server prints it', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, namespaces: ['Prod'] }] },
          };
        }),
      ),
    ).toEqual([`${PA}.namespace scheduling/affinity-namespace-invalid`]);
  });

  it('validates the namespace selector', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            podAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { ...term, namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In' }] } },
              ],
            },
          };
        }),
      ),
    ).toEqual([
      `${S}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaceSelector.matchExpressions[0].values selector/values-required`,
    ]);
  });

  it('rejects a weighted term of weight 101', () => {
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: term }] },
          };
        }),
      ),
    ).toEqual([
      `${S}.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight scheduling/weight-out-of-range`,
    ]);
  });
});

describe('tolerations', () => {
  const T = `${S}.tolerations[0]`;

  it('accepts Exists without key, and NoExecute with tolerationSeconds', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [
            { operator: 'Exists' },
            { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          ];
        }),
      ),
    ).toEqual([]);
  });

  it('requires Exists when the key is empty', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ effect: 'NoSchedule' }];
        }),
      ),
    ).toEqual([`${T}.operator scheduling/toleration-operator-not-exists`]);
  });

  it('rejects a value with Exists, at the operator', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ key: 'gpu', operator: 'Exists', value: 'true' }];
        }),
      ),
    ).toEqual([`${T}.operator scheduling/toleration-value-with-exists`]);
  });

  it('rejects an Equal value that is not a label value, at the operator', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ key: 'gpu', value: 'yes please' }];
        }),
      ),
    ).toEqual([`${T}.operator scheduling/toleration-value-invalid`]);
  });

  it('rejects an unknown operator', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ key: 'gpu', operator: 'In' }];
        }),
      ),
    ).toEqual([`${T}.operator scheduling/toleration-operator-invalid`]);
  });

  it('rejects a key that is not a qualified name', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ key: 'gpu/', operator: 'Exists' }];
        }),
      ),
    ).toEqual([`${T}.key scheduling/toleration-key-invalid`]);
  });

  it('rejects an unknown effect', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ operator: 'Exists', effect: 'NoRun' }];
        }),
      ),
    ).toEqual([`${T}.effect scheduling/toleration-effect-invalid`]);
  });

  it('rejects tolerationSeconds without NoExecute', () => {
    expect(
      issues(
        pod((p) => {
          p.tolerations = [{ operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 10 }];
        }),
      ),
    ).toEqual([`${T}.effect scheduling/toleration-seconds-needs-no-execute`]);
  });
});

describe('pod affinity matchLabelKeys and mismatchLabelKeys (1.31+)', () => {
  const withTerm = (term: Record<string, unknown>) =>
    daemonSet((_d, pod) => {
      pod.affinity = {
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', ...term }] },
      };
    });
  const T = 'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';

  it('accepts keys beside a selector that names them once', () => {
    const ds = withTerm({
      labelSelector: { matchLabels: { app: 'agent' } },
      matchLabelKeys: ['app'],
      mismatchLabelKeys: ['tenant'],
    });
    expect(issuesAt('1.31', ds)).toEqual([]);
  });

  it('leaves the keys alone in the validation phase itself where the gate is off (1.27 profile)', () => {
    // The pipeline's decoder (1.27, 1.28) or dropDisabledFields (1.29, 1.30) removes them first.
    expect(issues(withTerm({ mismatchLabelKeys: ['tenant'] }))).toEqual([]);
  });

  it('drops keys without a selector in 1.29-1.30 and rejects them from 1.31', () => {
    const ds = withTerm({ mismatchLabelKeys: ['tenant'] });
    expect(issuesAt('1.30', ds)).toEqual([]);
    expect(issuesAt('1.31', ds)).toEqual([
      `${T}.mismatchLabelKeys scheduling/affinity-mismatch-label-keys-without-selector`,
    ]);
  });

  it('rejects a key two selector expressions name', () => {
    const ds = withTerm({
      labelSelector: {
        matchExpressions: [
          { key: 'app', operator: 'Exists' },
          { key: 'app', operator: 'In', values: ['agent'] },
        ],
      },
      matchLabelKeys: ['tenant', 'app'],
    });
    expect(issuesAt('1.31', ds)).toEqual([`${T}[1] scheduling/affinity-match-label-key-in-selector`]);
  });

  it('rejects a key in both lists, a key the selector names twice, and an invalid key', () => {
    const ds = withTerm({
      labelSelector: { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] },
      matchLabelKeys: ['app', 'tenant', 'bad key'],
      mismatchLabelKeys: ['tenant'],
    });
    expect(issuesAt('1.34', ds)).toEqual([
      `${T}[0] scheduling/affinity-match-label-key-in-selector`,
      `${T}.matchLabelKeys[1] scheduling/affinity-match-label-key-in-mismatch`,
      `${T}.matchLabelKeys[2] scheduling/affinity-match-label-key-invalid`,
    ]);
  });
});

// Table-driven cases (each checked against the 1.27 API server where the oracle is present):
// operators, boundaries and the exact messages, which say what would be right.
const at = pipelineIssues({ rules: [schedulingRules] });
const ME = `${REQ}[0].matchExpressions[0]`;
const MF = `${REQ}[0].matchFields[0]`;
const PREF = `${NA}.preferredDuringSchedulingIgnoredDuringExecution[0]`;
const expr = (e: any) => pod(required({ matchExpressions: [e] }));
const fieldReq = (e: any) => pod(required({ matchFields: [e] }));
const tol = (...t: any[]) =>
  pod((p) => {
    p.tolerations = t;
  });
const T0 = `${S}.tolerations[0]`;
const KEY_ERRS = (k: string) => `${JSON.stringify(k)}: ${qualifiedNameErrors(k).join('; ')}`;

ruleCases(
  'node selector requirements',
  [
    { name: 'accepts NotIn with values', manifest: expr({ key: 'zone', operator: 'NotIn', values: ['a'] }), want: [] },
    { name: 'accepts DoesNotExist without values', manifest: expr({ key: 'gpu', operator: 'DoesNotExist' }), want: [] },
    { name: 'accepts Lt with one value', manifest: expr({ key: 'cpu', operator: 'Lt', values: ['8'] }), want: [] },
    {
      name: 'requires values for NotIn, and says so',
      manifest: expr({ key: 'zone', operator: 'NotIn', values: [] }),
      want: [`${ME}.values scheduling/node-selector-values-required`],
      message: "must be specified when `operator` is 'In' or 'NotIn'",
    },
    {
      name: 'forbids values for DoesNotExist, and shows them',
      manifest: expr({ key: 'gpu', operator: 'DoesNotExist', values: ['a', 'b'] }),
      want: [`${ME}.values scheduling/node-selector-values-forbidden`],
      message: `may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', got ["a","b"]`,
    },
    {
      name: 'requires a value for Gt, and counts them',
      manifest: expr({ key: 'cpu', operator: 'Gt' }),
      want: [`${ME}.values scheduling/node-selector-values-not-single`],
      message: "must be specified single value when `operator` is 'Lt' or 'Gt', got 0 values",
    },
    {
      name: 'rejects a missing operator, naming the valid ones',
      manifest: expr({ key: 'zone', values: ['a'] }),
      want: [`${ME}.operator scheduling/node-selector-operator-invalid`],
      message: '"" is not a valid selector operator: use In, NotIn, Exists, DoesNotExist, Gt or Lt',
    },
    {
      name: 'rejects a key with a bad prefix and name, giving both reasons',
      manifest: expr({ key: 'Bad_/x y', operator: 'Exists' }),
      want: [`${ME}.key scheduling/node-selector-key-invalid`],
      message: KEY_ERRS('Bad_/x y'),
    },
    {
      name: 'requires a key',
      manifest: expr({ operator: 'Exists' }),
      want: [`${ME}.key scheduling/node-selector-key-invalid`],
    },
    {
      name: 'checks every term and requirement',
      manifest: pod(
        required(
          { matchExpressions: [{ key: 'a', operator: 'Exists' }] },
          {
            matchExpressions: [
              { key: 'a', operator: 'Exists' },
              { key: 'b', operator: 'In' },
            ],
          },
        ),
      ),
      want: [`${REQ}[1].matchExpressions[1].values scheduling/node-selector-values-required`],
    },
  ],
  at,
);

ruleCases(
  'node field selector requirements',
  [
    {
      name: 'accepts NotIn one node',
      manifest: fieldReq({ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }),
      want: [],
    },
    {
      name: 'requires a value for In, and counts them',
      manifest: fieldReq({ key: 'metadata.name', operator: 'In' }),
      want: [`${MF}.values scheduling/node-field-selector-values-not-single`],
      message: "must be only one value when `operator` is 'In' or 'NotIn' for node field selector, got 0",
    },
    {
      name: 'rejects two values for NotIn',
      manifest: fieldReq({ key: 'metadata.name', operator: 'NotIn', values: ['a', 'b'] }),
      want: [`${MF}.values scheduling/node-field-selector-values-not-single`],
    },
    {
      name: 'rejects Gt, naming the valid operators',
      manifest: fieldReq({ key: 'metadata.name', operator: 'Gt', values: ['1'] }),
      want: [`${MF}.operator scheduling/node-field-selector-operator-invalid`],
      message: '"Gt" is not a valid selector operator for a node field selector: use In or NotIn',
    },
    {
      name: 'rejects a missing operator',
      manifest: fieldReq({ key: 'metadata.name', values: ['n1'] }),
      want: [`${MF}.operator scheduling/node-field-selector-operator-invalid`],
    },
    {
      name: 'rejects another field, naming the only one, and checks no node name then',
      manifest: fieldReq({ key: 'metadata.uid', operator: 'In', values: ['Node_1'] }),
      want: [`${MF}.key scheduling/node-field-selector-key-invalid`],
      message: '"metadata.uid" is not a valid field selector key: the only one is "metadata.name"',
    },
    {
      name: 'requires the key',
      manifest: fieldReq({ operator: 'In', values: ['n1'] }),
      want: [`${MF}.key scheduling/node-field-selector-key-invalid`],
    },
    {
      name: 'rejects a node name ending in a dash',
      manifest: fieldReq({ key: 'metadata.name', operator: 'In', values: ['node-'] }),
      want: [`${MF}.values[0] scheduling/node-field-selector-value-invalid`],
    },
    {
      name: 'rejects a node name too long and badly formed, giving both reasons',
      manifest: fieldReq({ key: 'metadata.name', operator: 'In', values: [`-${'a'.repeat(253)}`] }),
      want: [`${MF}.values[0] scheduling/node-field-selector-value-invalid`],
      message: `${JSON.stringify(`-${'a'.repeat(253)}`).slice(0, 77)}... is not a node name: ${nameIsDnsSubdomain(`-${'a'.repeat(253)}`, false).join('; ')}`,
    },
  ],
  at,
);

ruleCases(
  'node affinity terms',
  [
    {
      name: 'says a term is required',
      manifest: pod(required()),
      want: [`${REQ} scheduling/node-selector-terms-required`],
      message: 'must have at least one node selector term',
    },
    {
      name: 'accepts weight 1',
      manifest: pod((p) => {
        p.affinity = {
          nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: {} }] },
        };
      }),
      want: [],
    },
    {
      name: 'rejects a missing weight as 0, and says the range',
      manifest: pod((p) => {
        p.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ preference: {} }] } };
      }),
      want: [`${PREF}.weight scheduling/weight-out-of-range`],
      message: 'must be in the range 1-100, got 0',
    },
    {
      name: 'rejects a null weight as 0',
      manifest: pod((p) => {
        p.affinity = {
          nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: null, preference: {} }] },
        };
      }),
      want: [`${PREF}.weight scheduling/weight-out-of-range`],
    },
    {
      name: 'rejects weight 101',
      manifest: pod((p) => {
        p.affinity = {
          nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, preference: {} }] },
        };
      }),
      want: [`${PREF}.weight scheduling/weight-out-of-range`],
    },
    {
      name: 'checks the preference of a preferred term',
      manifest: pod((p) => {
        p.affinity = {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 5, preference: { matchFields: [{ key: 'metadata.name', operator: 'Exists' }] } },
            ],
          },
        };
      }),
      want: [`${PREF}.preference.matchFields[0].operator scheduling/node-field-selector-operator-invalid`],
    },
  ],
  at,
);

const term = { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' };
const PAFF = `${S}.affinity.podAffinity`;
ruleCases(
  'pod affinity terms',
  [
    {
      name: 'checks the label selector of a required pod affinity term',
      manifest: pod((p) => {
        p.affinity = {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { ...term, labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] } },
            ],
          },
        };
      }),
      want: [
        `${PAFF}.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values selector/values-forbidden`,
      ],
    },
    {
      name: 'requires a topology key, as the server says it',
      manifest: pod((p) => {
        p.affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] } };
      }),
      want: [`${PAFF}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey scheduling/topology-key-required`],
      message: 'can not be empty: set a node label key such as "kubernetes.io/hostname"',
    },
    {
      name: 'rejects a topology key that is not a qualified name, giving both reasons',
      manifest: pod((p) => {
        p.affinity = {
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, topologyKey: 'Bad_/x y' }] },
        };
      }),
      want: [`${PAFF}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey scheduling/topology-key-invalid`],
      message: KEY_ERRS('Bad_/x y'),
    },
    {
      name: 'rejects each bad namespace, giving both reasons',
      manifest: pod((p) => {
        p.affinity = {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { ...term, namespaces: ['ok', `-${'a'.repeat(63)}`, 'Prod'] },
            ],
          },
        };
      }),
      want: [
        `${PAFF}.requiredDuringSchedulingIgnoredDuringExecution[0].namespace scheduling/affinity-namespace-invalid`,
        `${PAFF}.requiredDuringSchedulingIgnoredDuringExecution[0].namespace scheduling/affinity-namespace-invalid`,
      ],
      message: `"-${'a'.repeat(63)}" is not a namespace name: ${nameIsDnsLabel(`-${'a'.repeat(63)}`, false).join('; ')}`,
    },
    {
      name: 'rejects a namespace ending in a dash',
      manifest: pod((p) => {
        p.affinity = {
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, namespaces: ['db-'] }] },
        };
      }),
      want: [
        `${PAFF}.requiredDuringSchedulingIgnoredDuringExecution[0].namespace scheduling/affinity-namespace-invalid`,
      ],
    },
    {
      name: 'checks the term of a weighted pod affinity term',
      manifest: pod((p) => {
        p.affinity = {
          podAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, podAffinityTerm: { ...term, topologyKey: '' } },
            ],
          },
        };
      }),
      want: [
        `${PAFF}.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey scheduling/topology-key-required`,
      ],
    },
    {
      name: 'rejects a weighted anti-affinity term of weight 0',
      manifest: pod((p) => {
        p.affinity = {
          podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term }] },
        };
      }),
      want: [
        `${S}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight scheduling/weight-out-of-range`,
      ],
    },
  ],
  at,
);

ruleCases(
  'tolerations',
  [
    {
      name: 'accepts each taint effect and an empty one',
      manifest: tol(
        ...['NoSchedule', 'PreferNoSchedule', 'NoExecute', ''].map((effect) => ({
          key: 'a',
          operator: 'Exists',
          effect,
        })),
      ),
      want: [],
    },
    {
      name: 'accepts Equal and a missing operator with label values',
      manifest: tol({ key: 'a', operator: 'Equal', value: 'x' }, { key: 'b', value: 'y' }),
      want: [],
    },
    {
      name: 'accepts Exists with an empty value',
      manifest: tol({ key: 'a', operator: 'Exists', value: '' }),
      want: [],
    },
    {
      name: 'rejects a key with a bad prefix and name, giving both reasons',
      manifest: tol({ key: 'Bad_/x y', operator: 'Exists' }),
      want: [`${T0}.key scheduling/toleration-key-invalid`],
      message: KEY_ERRS('Bad_/x y'),
    },
    {
      name: 'requires Exists for an empty key with Equal, and says why',
      manifest: tol({ operator: 'Equal', value: 'x' }),
      want: [`${T0}.operator scheduling/toleration-operator-not-exists`],
      message: 'operator must be Exists when `key` is empty, which means "match all values and all keys", got "Equal"',
    },
    {
      name: 'requires NoExecute with tolerationSeconds, also when the effect is empty',
      manifest: tol({ key: 'a', operator: 'Exists', tolerationSeconds: 5 }),
      want: [`${T0}.effect scheduling/toleration-seconds-needs-no-execute`],
      message: 'effect must be \'NoExecute\' when `tolerationSeconds` is set, got ""',
    },
    {
      name: 'rejects an Equal value too long and badly formed, giving both reasons',
      manifest: tol({ key: 'a', operator: 'Equal', value: `-${'a'.repeat(63)}` }),
      want: [`${T0}.operator scheduling/toleration-value-invalid`],
      message: `value "-${'a'.repeat(63)}": ${labelValueErrors(`-${'a'.repeat(63)}`).join('; ')}`,
    },
    {
      name: 'rejects a value with Exists, and shows it',
      manifest: tol({ key: 'a', operator: 'Exists', value: 'x' }),
      want: [`${T0}.operator scheduling/toleration-value-with-exists`],
      message: 'value must be empty when `operator` is \'Exists\', got "x"',
    },
    {
      name: 'rejects an unknown operator, naming the valid ones',
      manifest: tol({ key: 'a', operator: 'Gt', value: 'x' }),
      want: [`${T0}.operator scheduling/toleration-operator-invalid`],
      message: 'Unsupported value: "Gt": supported values: "Equal", "Exists"',
    },
    {
      name: 'rejects an unknown effect, naming the valid ones',
      manifest: tol({ key: 'a', operator: 'Exists', effect: 'NoRun' }),
      want: [`${T0}.effect scheduling/toleration-effect-invalid`],
      message:
        'Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute" (or empty for all)',
    },
    {
      name: 'checks every toleration',
      manifest: tol({ operator: 'Exists' }, { key: 'a', operator: 'Exists', effect: 'NoRun' }),
      want: [`${S}.tolerations[1].effect scheduling/toleration-effect-invalid`],
    },
  ],
  at,
);

// What the type rules reject (a request the server cannot decode) the scheduling rules skip.
describe('values of a wrong type', () => {
  it('are left to the type rules', () => {
    const m = pod((p) => {
      p.nodeSelector = 'linux';
      p.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [{ key: 7, operator: 7, values: ['a'] }],
                matchFields: [
                  { key: 7, operator: 7, values: [7] },
                  { key: 'metadata.name', operator: 'In', values: [7] },
                ],
              },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: '5', preference: {} }],
        },
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term, namespaces: [7], topologyKey: 7 }] },
      };
      p.tolerations = [{ key: 7, operator: 7, value: 7, effect: 7, tolerationSeconds: 1 }];
    });
    expect(issues(m)).toEqual([]);
  });

  it('skip an operator or value of a wrong type, without reading it as another case', () => {
    expect(issues(expr({ key: 'zone', operator: 7 }))).toEqual([]);
    expect(
      issues(
        tol({ operator: 7 }, { key: 'a', operator: 'Equal', value: 7 }, { key: 'a', operator: 'Exists', value: 7 }),
      ),
    ).toEqual([]);
  });

  it('skip an affinity or its parts that are not objects', () => {
    expect(issues(pod((p) => (p.affinity = 'x')))).toEqual([]);
    expect(
      issues(
        pod((p) => {
          p.affinity = {
            nodeAffinity: ['x'],
            podAffinity: 'x',
            podAntiAffinity: 7,
          };
        }),
      ),
    ).toEqual([]);
    expect(
      issues(pod((p) => (p.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: 'x' } }))),
    ).toEqual([]);
  });
});

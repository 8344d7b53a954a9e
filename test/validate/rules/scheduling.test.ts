import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { schedulingRules } from '../../../src/validate/rules/scheduling';
import { daemonSet } from '../../support/manifest';
import { issuesAt } from '../../support/manifest';

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

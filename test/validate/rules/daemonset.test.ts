import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { daemonsetRules } from '../../../src/validate/rules/daemonset';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The DaemonSet rules' issues only, as `path code` lines. */
function issues(m: unknown): string[] {
  return validateManifest(m, [daemonsetRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

function spec(edit: (spec: any) => void): any {
  return daemonSet((d) => edit(d.spec));
}

const RU = 'spec.updateStrategy.rollingUpdate';

describe('selector', () => {
  // Without the strict decoder (a rule set of its own), a label of another type reaches the rule:
  // it is no label of the template, as the decoder would have refused it rather than match it.
  it('sees no template label of another type than string', () => {
    const withTier = (tier: unknown) =>
      daemonSet((d) => {
        d.spec.template.metadata.labels = { app: 'agent', tier };
        d.spec.selector = {
          matchLabels: { app: 'agent' },
          matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }],
        };
      });
    expect(issues(withTier(5))).toEqual([]);
    expect(issues(withTier('a'))).toEqual(['spec.template.metadata.labels daemonset/selector-mismatch']);
  });

  it('accepts matchExpressions the template labels satisfy', () => {
    expect(
      issues(
        spec((s) => {
          s.selector = {
            matchExpressions: [
              { key: 'app', operator: 'In', values: ['agent', 'x'] },
              { key: 'tier', operator: 'DoesNotExist' },
            ],
          };
        }),
      ),
    ).toEqual([]);
  });

  it('reports a missing selector as a mismatch with the template labels', () => {
    expect(
      issues(
        spec((s) => {
          delete s.selector;
        }),
      ),
    ).toEqual(['spec.template.metadata.labels daemonset/selector-mismatch']);
  });

  it('rejects an empty selector', () => {
    expect(
      issues(
        spec((s) => {
          s.selector = {};
        }),
      ),
    ).toEqual(['spec.selector daemonset/selector-empty']);
  });

  it('rejects a selector the template labels do not satisfy', () => {
    expect(
      issues(
        spec((s) => {
          s.selector.matchLabels = { app: 'other' };
        }),
      ),
    ).toEqual(['spec.template.metadata.labels daemonset/selector-mismatch']);
  });

  it('rejects a NotIn expression excluding the template label', () => {
    expect(
      issues(
        spec((s) => {
          s.selector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['agent'] }] };
        }),
      ),
    ).toEqual(['spec.template.metadata.labels daemonset/selector-mismatch']);
  });

  it('rejects an unknown operator without also reporting a mismatch', () => {
    expect(
      issues(
        spec((s) => {
          s.selector = { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['agent'] }] };
        }),
      ),
    ).toEqual(['spec.selector.matchExpressions[0].operator selector/operator-invalid']);
  });

  it('rejects In without values', () => {
    expect(
      issues(
        spec((s) => {
          s.selector = { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 'In' }] };
        }),
      ),
    ).toEqual(['spec.selector.matchExpressions[0].values selector/values-required']);
  });

  it('rejects Exists with values', () => {
    expect(
      issues(
        spec((s) => {
          s.selector = { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['agent'] }] };
        }),
      ),
    ).toEqual(['spec.selector.matchExpressions[0].values selector/values-forbidden']);
  });

  it('rejects an invalid matchLabels value at the matchLabels map', () => {
    expect(
      issues(
        spec((s) => {
          s.selector.matchLabels = { app: 'agent!' };
          s.template.metadata.labels = { app: 'agent!' };
        }),
      ),
    ).toEqual(['spec.selector.matchLabels metadata/label-value-invalid']);
  });
});

describe('template spec', () => {
  it('accepts restartPolicy Always', () => {
    expect(
      issues(
        daemonSet((_d, pod) => {
          pod.restartPolicy = 'Always';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects restartPolicy OnFailure', () => {
    expect(
      issues(
        daemonSet((_d, pod) => {
          pod.restartPolicy = 'OnFailure';
        }),
      ),
    ).toEqual(['spec.template.spec.restartPolicy daemonset/restart-policy-not-always']);
  });

  it('rejects activeDeadlineSeconds', () => {
    expect(
      issues(
        daemonSet((_d, pod) => {
          pod.activeDeadlineSeconds = 30;
        }),
      ),
    ).toEqual(['spec.template.spec.activeDeadlineSeconds daemonset/active-deadline-forbidden']);
  });
});

describe('counters', () => {
  it('accepts zero minReadySeconds and revisionHistoryLimit', () => {
    expect(
      issues(
        spec((s) => {
          s.minReadySeconds = 0;
          s.revisionHistoryLimit = 0;
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a negative minReadySeconds', () => {
    expect(
      issues(
        spec((s) => {
          s.minReadySeconds = -1;
        }),
      ),
    ).toEqual(['spec.minReadySeconds daemonset/negative-value']);
  });

  it('rejects a negative revisionHistoryLimit', () => {
    expect(
      issues(
        spec((s) => {
          s.revisionHistoryLimit = -1;
        }),
      ),
    ).toEqual(['spec.revisionHistoryLimit daemonset/negative-value']);
  });
});

describe('update strategy', () => {
  it('accepts OnDelete', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { type: 'OnDelete' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown type', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { type: 'Recreate' };
        }),
      ),
    ).toEqual(['spec.updateStrategy daemonset/update-strategy-invalid']);
  });

  it('accepts a surge when maxUnavailable is 0', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a surge next to the defaulted maxUnavailable of 1', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } };
        }),
      ),
    ).toEqual([`${RU}.maxSurge daemonset/max-surge-with-max-unavailable`]);
  });

  it('rejects maxUnavailable 0 next to the defaulted maxSurge of 0', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { rollingUpdate: { maxUnavailable: '0%' } };
        }),
      ),
    ).toEqual([`${RU}.maxUnavailable daemonset/max-unavailable-zero`]);
  });

  it('rejects a percentage over 100%', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { rollingUpdate: { maxUnavailable: '150%' } };
        }),
      ),
    ).toEqual([`${RU}.maxUnavailable daemonset/percent-over-100`]);
  });

  it('rejects a number given as a string without %', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { rollingUpdate: { maxUnavailable: '2' } };
        }),
      ),
    ).toEqual([`${RU}.maxUnavailable daemonset/int-or-percent-invalid`]);
  });

  it('rejects a negative maxUnavailable', () => {
    expect(
      issues(
        spec((s) => {
          s.updateStrategy = { rollingUpdate: { maxUnavailable: -1 } };
        }),
      ),
    ).toEqual([`${RU}.maxUnavailable daemonset/negative-value`]);
  });
});

describe('scope', () => {
  it('leaves Pods alone', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { restartPolicy: 'Never', containers: [] },
    };
    expect(issues(pod)).toEqual([]);
  });
});

// Table-driven cases (each checked against the 1.27 API server where the oracle is present).
const at = pipelineIssues({ rules: [daemonsetRules] });
const LABELS = 'spec.template.metadata.labels';
const withSelector = (labels: Record<string, string>, ...matchExpressions: any[]) =>
  daemonSet((d) => {
    d.spec.template.metadata.labels = { app: 'agent', ...labels };
    d.spec.selector = { matchLabels: { app: 'agent' }, matchExpressions };
  });
const mismatch = [`${LABELS} daemonset/selector-mismatch`];

ruleCases(
  'selector matching (labels.Selector.Matches)',
  [
    {
      name: 'In: the label has a listed value',
      manifest: withSelector({ tier: 'b' }, { key: 'tier', operator: 'In', values: ['a', 'b'] }),
      want: [],
    },
    {
      name: 'In: the label has another value',
      manifest: withSelector({ tier: 'c' }, { key: 'tier', operator: 'In', values: ['a', 'b'] }),
      want: mismatch,
    },
    {
      name: 'In: the label is missing',
      manifest: withSelector({}, { key: 'tier', operator: 'In', values: ['a'] }),
      want: mismatch,
    },
    {
      name: 'NotIn: the label is missing',
      manifest: withSelector({}, { key: 'tier', operator: 'NotIn', values: ['a'] }),
      want: [],
    },
    {
      name: 'NotIn: the label has another value',
      manifest: withSelector({ tier: 'b' }, { key: 'tier', operator: 'NotIn', values: ['a'] }),
      want: [],
    },
    {
      name: 'Exists: the label is there',
      manifest: withSelector({ tier: 'b' }, { key: 'tier', operator: 'Exists' }),
      want: [],
    },
    {
      name: 'Exists: the label is missing',
      manifest: withSelector({}, { key: 'tier', operator: 'Exists' }),
      want: mismatch,
    },
    {
      name: 'DoesNotExist: the label is missing',
      manifest: withSelector({}, { key: 'tier', operator: 'DoesNotExist' }),
      want: [],
    },
    {
      name: 'DoesNotExist: the label is there',
      manifest: withSelector({ tier: 'b' }, { key: 'tier', operator: 'DoesNotExist' }),
      want: mismatch,
    },
    {
      name: 'every expression must hold',
      manifest: withSelector({ tier: 'b' }, { key: 'tier', operator: 'Exists' }, { key: 'zone', operator: 'Exists' }),
      want: mismatch,
    },
    {
      name: 'shows the template labels that do not satisfy the selector',
      manifest: daemonSet((d) => (d.spec.selector = { matchLabels: { app: 'other' } })),
      want: mismatch,
      message: '`selector` does not match template `labels`: labels {"app":"agent"} must satisfy spec.selector',
    },
    {
      name: 'says a missing selector must be set to match the labels',
      manifest: daemonSet((d) => delete d.spec.selector),
      want: mismatch,
      message:
        '`selector` does not match template `labels`: spec.selector is missing; set it to match the template labels',
    },
    {
      name: 'shows {} for a template without labels',
      manifest: daemonSet((d) => delete d.spec.template.metadata.labels),
      want: mismatch,
      message: '`selector` does not match template `labels`: labels {} must satisfy spec.selector',
    },
    {
      name: 'says an empty selector is invalid, with an example, and reports no mismatch',
      manifest: daemonSet((d) => (d.spec.selector = { matchLabels: {}, matchExpressions: [] })),
      want: ['spec.selector daemonset/selector-empty'],
      message: 'empty selector is invalid for daemonset: set matchLabels such as {app: my-agent}',
    },
    // `tier:` with nothing after it is null, which Go decodes into a map[string]string as "" (the
    // key kept): a null label and a null matchLabels value (or a null In value) meet as "".
    {
      name: 'matchLabels: a null value selects a null (empty) label',
      manifest: daemonSet((d) => {
        d.spec.template.metadata.labels = { app: 'agent', tier: null };
        d.spec.selector = { matchLabels: { app: 'agent', tier: null } };
      }),
      want: [],
    },
    {
      name: 'matchLabels: a null value selects an empty label, and no other',
      manifest: daemonSet((d) => {
        d.spec.template.metadata.labels = { app: 'agent', tier: 'a' };
        d.spec.selector = { matchLabels: { app: 'agent', tier: null } };
      }),
      want: mismatch,
    },
    {
      name: 'In: a null value is "", which a null label has',
      manifest: daemonSet((d) => {
        d.spec.template.metadata.labels = { app: 'agent', tier: null };
        d.spec.selector = {
          matchLabels: { app: 'agent' },
          matchExpressions: [{ key: 'tier', operator: 'In', values: [null] }],
        };
      }),
      want: [],
    },
    {
      name: 'takes a selector of expressions only as not empty',
      manifest: daemonSet(
        (d) => (d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['agent'] }] }),
      ),
      want: [],
    },
  ],
  at,
);

const strategy = (rollingUpdate: any, type = 'RollingUpdate') =>
  daemonSet((d) => (d.spec.updateStrategy = { type, rollingUpdate }));
ruleCases(
  'template policy, counters and update strategy',
  [
    {
      name: 'says a DaemonSet restarts Always',
      manifest: daemonSet((_d, p) => (p.restartPolicy = 'Never')),
      want: ['spec.template.spec.restartPolicy daemonset/restart-policy-not-always'],
      message: 'Unsupported value: "Never": supported values: "Always"',
    },
    {
      name: 'says to remove activeDeadlineSeconds',
      manifest: daemonSet((_d, p) => (p.activeDeadlineSeconds = 30)),
      want: ['spec.template.spec.activeDeadlineSeconds daemonset/active-deadline-forbidden'],
      message: 'activeDeadlineSeconds in DaemonSet is not Supported: remove it',
    },
    {
      name: 'reports each negative counter, with its value',
      sameCauses: true,
      manifest: daemonSet((d) => {
        d.spec.minReadySeconds = -2;
        d.spec.revisionHistoryLimit = -1;
      }),
      want: ['spec.minReadySeconds daemonset/negative-value', 'spec.revisionHistoryLimit daemonset/negative-value'],
      message: 'must be greater than or equal to 0, got -2',
    },
    {
      name: 'names the update strategy types',
      manifest: daemonSet((d) => (d.spec.updateStrategy = { type: 'Recreate' })),
      want: ['spec.updateStrategy daemonset/update-strategy-invalid'],
      message: 'Unsupported value: type "Recreate": supported values: "RollingUpdate", "OnDelete"',
    },
    { name: 'accepts maxUnavailable 100%', manifest: strategy({ maxUnavailable: '100%' }), want: [] },
    {
      name: 'says a percentage may not pass 100%',
      manifest: strategy({ maxUnavailable: 0, maxSurge: '101%' }),
      want: [`${RU}.maxSurge daemonset/percent-over-100`],
      message: 'must not be greater than 100%, got 101%',
    },
    {
      name: 'says how to write an int or percent',
      manifest: strategy({ maxUnavailable: '1', maxSurge: 0 }),
      want: [`${RU}.maxUnavailable daemonset/int-or-percent-invalid`],
      message: `"1": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%'), or an integer`,
    },
    {
      name: 'says a negative maxSurge must not be',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: 0, maxSurge: -1 }),
      want: [`${RU}.maxSurge daemonset/negative-value`],
      message: 'must be greater than or equal to 0, got -1',
    },
    {
      name: 'takes a maxUnavailable string of digits at its number (Atoi)',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: '12', maxSurge: 0 }),
      want: [`${RU}.maxUnavailable daemonset/int-or-percent-invalid`],
    },
    {
      name: 'takes a signed maxUnavailable string at its number (Atoi)',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: '+3', maxSurge: 0 }),
      want: [`${RU}.maxUnavailable daemonset/int-or-percent-invalid`],
    },
    {
      name: 'takes a maxUnavailable string "0" as zero',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: '0', maxSurge: 0 }),
      want: [
        `${RU}.maxUnavailable daemonset/int-or-percent-invalid`,
        `${RU}.maxUnavailable daemonset/max-unavailable-zero`,
      ],
    },
    {
      name: 'takes a maxUnavailable string with trailing text as zero',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: '1x', maxSurge: 0 }),
      want: [
        `${RU}.maxUnavailable daemonset/int-or-percent-invalid`,
        `${RU}.maxUnavailable daemonset/max-unavailable-zero`,
      ],
    },
    {
      name: 'takes a maxUnavailable string with leading text as zero',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: 'x1', maxSurge: 0 }),
      want: [
        `${RU}.maxUnavailable daemonset/int-or-percent-invalid`,
        `${RU}.maxUnavailable daemonset/max-unavailable-zero`,
      ],
    },
    {
      name: 'says maxSurge needs maxUnavailable 0, and shows the surge',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: '10%', maxSurge: '20%' }),
      want: [`${RU}.maxSurge daemonset/max-surge-with-max-unavailable`],
      message:
        'may not be set when maxUnavailable is non-zero (maxUnavailable defaults to 1): set maxUnavailable to 0 to surge, got maxSurge "20%"',
    },
    {
      name: 'says one of maxUnavailable and maxSurge must be positive',
      sameCauses: true,
      manifest: strategy({ maxUnavailable: '0%', maxSurge: '0%' }),
      want: [`${RU}.maxUnavailable daemonset/max-unavailable-zero`],
      message: 'cannot be 0 when maxSurge is 0: let one of them be positive',
    },
    {
      name: 'accepts a surge of 1 with maxUnavailable 0',
      manifest: strategy({ maxUnavailable: 0, maxSurge: 1 }),
      want: [],
    },
    {
      name: 'puts no bound on an integer maxUnavailable',
      manifest: strategy({ maxUnavailable: 101, maxSurge: 0 }),
      want: [],
    },
  ],
  at,
);

describe('selector matching on values of a wrong type', () => {
  it('does not take a non-string template label as a label', () => {
    const m = daemonSet((d) => {
      d.spec.template.metadata.labels = { app: 'agent', n: 1 };
      d.spec.selector = { matchLabels: { app: 'agent', n: 1 } };
    });
    expect(issues(m)).toEqual(['spec.template.metadata.labels daemonset/selector-mismatch']);
  });

  it('lets an expression with an operator of another type match nothing', () => {
    const m = daemonSet((d) => {
      d.spec.selector = { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 7 }] };
    });
    expect(issues(m)).toEqual(['spec.template.metadata.labels daemonset/selector-mismatch']);
  });
});

// Without defaulting (validateManifest alone) the rules read the defaults themselves.
describe('undefaulted and mistyped values', () => {
  it('takes an empty restartPolicy and strategy type as their defaults', () => {
    expect(
      issues(
        daemonSet((d, p) => {
          p.restartPolicy = '';
          d.spec.updateStrategy = { type: '', rollingUpdate: { maxUnavailable: null, maxSurge: null } };
        }),
      ),
    ).toEqual([]);
  });

  it('leaves values of a wrong type to the type rules', () => {
    expect(
      issues(
        daemonSet((d, p) => {
          p.restartPolicy = 1;
          d.spec.template.metadata.labels = { app: 'agent', n: 1 };
          d.spec.minReadySeconds = '-1';
          d.spec.updateStrategy = { type: 1 };
        }),
      ),
    ).toEqual([]);
    expect(issues(strategy({ maxUnavailable: true, maxSurge: 1 }))).toEqual([]);
    expect(issues(strategy({ maxUnavailable: 0, maxSurge: true }))).toEqual([]);
    expect(issues(daemonSet((d) => (d.spec.selector = 'app=agent')))).toEqual([]);
  });
});

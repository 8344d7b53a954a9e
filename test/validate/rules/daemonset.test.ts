import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { daemonsetRules } from '../../../src/validate/rules/daemonset';
import { daemonSet } from '../../support/manifest';

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

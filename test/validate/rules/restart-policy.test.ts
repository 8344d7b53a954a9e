import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { restartPolicyRules } from '../../../src/validate/rules/restart-policy';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Table-driven cases at the minors where the field appears and the checks flip (each checked
// against that minor's API server where the oracle is present).
const at = pipelineIssues({ rules: [restartPolicyRules] });
const S = 'spec.template.spec';
const init = (restartPolicy: unknown) =>
  daemonSet((_d, p) => (p.initContainers = [{ name: 'init', image: 'x', restartPolicy }]));
const regular = (restartPolicy: unknown) => daemonSet((_d, _p, c) => (c.restartPolicy = restartPolicy));

ruleCases(
  'container restartPolicy',
  [
    { name: 'accepts a sidecar (1.29)', manifest: init('Always'), want: [], version: '1.29' },
    {
      name: 'says an init container restarts Always or not at all (1.29)',
      manifest: init('OnFailure'),
      want: [`${S}.initContainers[0].restartPolicy container/init-restart-policy-unsupported`],
      message:
        'Unsupported value "OnFailure": supported values: "Always" (a sidecar); leave it out for an init container that runs to completion',
      version: '1.29',
    },
    {
      name: 'says a regular container takes the pod restartPolicy (1.29)',
      manifest: regular('Always'),
      want: [`${S}.containers[0].restartPolicy container/restart-policy-forbidden`],
      message:
        'Forbidden: may not be set for non-init containers: the pod restartPolicy applies; for a sidecar, make it an init container with restartPolicy Always',
      version: '1.29',
    },
    {
      name: 'drops an init restartPolicy while SidecarContainers is off (1.28)',
      manifest: init('OnFailure'),
      want: [],
      version: '1.28',
    },
  ],
  at,
);

describe('container restartPolicy without the pipeline', () => {
  it('leaves an unset or null policy alone', () => {
    expect(validateManifest(regular(null), [restartPolicyRules])).toEqual([]);
  });

  it('leaves ephemeral containers to their own rules', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [], ephemeralContainers: [{ name: 'd', image: 'x', restartPolicy: 'Always' }] },
    };
    expect(validateManifest(pod, [restartPolicyRules])).toEqual([]);
  });
});

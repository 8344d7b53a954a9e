import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { claimNameIssues, resourceClaimsRules } from '../../../src/validate/rules/resource-claims';
import { daemonSet, issuesAt } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

const withClaims = (resourceClaims: unknown[], containerClaims?: unknown[]) =>
  daemonSet((_d, pod, c) => {
    pod.resourceClaims = resourceClaims;
    if (containerClaims) c.resources = { claims: containerClaims };
  });
const RC = 'spec.template.spec.resourceClaims';
const CC = 'spec.template.spec.containers[0].resources.claims';

describe('resource claims (DRA, kept and validated from 1.34)', () => {
  it('accepts a claim from a template used by a container', () => {
    const ds = withClaims([{ name: 'gpu', resourceClaimTemplateName: 'gpu-template' }], [{ name: 'gpu' }]);
    expect(issuesAt('1.34', ds)).toEqual([]);
  });

  it('drops claims while DynamicResourceAllocation is off, then requires exactly one source', () => {
    expect(issuesAt('1.33', withClaims([{ name: 'gpu' }]))).toEqual([]);
    expect(issuesAt('1.34', withClaims([{ name: 'gpu' }]))).toEqual([`${RC}[0] resource-claim/source-required`]);
    expect(
      issuesAt('1.34', withClaims([{ name: 'gpu', resourceClaimName: 'a', resourceClaimTemplateName: 'b' }])),
    ).toEqual([`${RC}[0] resource-claim/source-ambiguous`]);
  });

  it('rejects a missing, duplicate or invalid name and invalid source names', () => {
    const ds = withClaims([
      { name: 'gpu', resourceClaimName: 'a' },
      { name: 'gpu', resourceClaimName: 'Bad_Name' },
      { name: '', resourceClaimTemplateName: 't' },
      { name: 'Bad_Label', resourceClaimTemplateName: 'x.' },
    ]);
    expect(issuesAt('1.34', ds)).toEqual([
      `${RC}[1].name resource-claim/name-duplicate`,
      `${RC}[1].resourceClaimName resource-claim/name-invalid`,
      `${RC}[2].name resource-claim/name-required`,
      `${RC}[3].name resource-claim/name-invalid`,
      `${RC}[3].resourceClaimTemplateName resource-claim/name-invalid`,
    ]);
  });

  it('rejects a container claim naming no pod claim, a repeated one and an invalid request', () => {
    const ds = withClaims(
      [{ name: 'gpu', resourceClaimTemplateName: 't' }],
      [
        { name: 'gpu' },
        { name: 'gpu' },
        { name: 'fpga' },
        { name: 'gpu', request: 'Bad_Req' },
        { name: 'gpu', request: 'r' },
      ],
    );
    expect(issuesAt('1.34', ds)).toEqual([
      `${CC}[1] resource-claim/container-claim-duplicate`,
      `${CC}[2] resource-claim/container-claim-not-found`,
      `${CC}[3].request resource-claim/request-invalid`,
    ]);
  });

  it('names the pod claims, or says there are none', () => {
    const ds = daemonSet((_d, _p, c) => {
      c.resources = { claims: [{ name: 'gpu' }] };
    });
    const r = issuesAt('1.34', ds);
    expect(r).toEqual([`${CC}[0] resource-claim/container-claim-not-found`]);
  });
});

const at34 = pipelineIssues({ rules: [resourceClaimsRules] });
const pod = (resourceClaims: unknown[], containerClaims?: unknown[], ephemeral?: unknown[]) =>
  daemonSet((_d, p, c) => {
    p.resourceClaims = resourceClaims;
    if (containerClaims) c.resources = { claims: containerClaims };
    if (ephemeral) p.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36', resources: { claims: ephemeral } }];
  });
const T = { resourceClaimTemplateName: 't' };

ruleCases(
  'resource claims, case by case (1.34, DynamicResourceAllocation on)',
  [
    {
      name: 'a pod claim without a name is required',
      manifest: pod([{ ...T }]),
      want: [`${RC}[0].name resource-claim/name-required`],
      message: 'Required value: name the claim',
      version: '1.34',
    },
    {
      name: 'a repeated pod claim name is a duplicate',
      manifest: pod([
        { name: 'gpu', ...T },
        { name: 'gpu', ...T },
      ]),
      want: [`${RC}[1].name resource-claim/name-duplicate`],
      message: 'Duplicate value: "gpu"',
      version: '1.34',
    },
    {
      name: 'a pod claim name must be a DNS label',
      manifest: pod([{ name: 'Bad', ...T }]),
      want: [`${RC}[0].name resource-claim/name-invalid`],
      message:
        "Invalid value \"Bad\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      version: '1.34',
    },
    {
      name: 'a claim name ending in a dash is no DNS subdomain (not a generateName prefix)',
      manifest: pod([{ name: 'gpu', resourceClaimName: 'claim-' }]),
      want: [`${RC}[0].resourceClaimName resource-claim/name-invalid`],
      message:
        "Invalid value \"claim-\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      version: '1.34',
    },
    {
      name: 'both sources are ambiguous',
      manifest: pod([{ name: 'gpu', resourceClaimName: 'a', ...T }]),
      want: [`${RC}[0] resource-claim/source-ambiguous`],
      message: 'Invalid value: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
      version: '1.34',
    },
    {
      name: 'no source is required',
      manifest: pod([{ name: 'gpu' }]),
      want: [`${RC}[0] resource-claim/source-required`],
      message:
        'Invalid value: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`: name an existing ResourceClaim, or a ResourceClaimTemplate to create one per pod',
      version: '1.34',
    },
    {
      name: 'a pod claim whose name is no string is left to the decoder',
      manifest: pod([{ name: 5, ...T }]),
      want: [],
      version: '1.34',
      notServer: 'the strict decoder rejects a number as a name before validation',
    },
    {
      name: 'a container claim without a name is required',
      manifest: pod([{ name: 'gpu', ...T }], [{}]),
      want: [`${CC}[0] resource-claim/container-claim-name-required`],
      message: 'Required value: name a claim of spec.resourceClaims',
      version: '1.34',
    },
    {
      name: 'a container claim with an empty name is required, not looked up',
      manifest: pod([{ name: 'gpu', ...T }], [{ name: '' }]),
      want: [`${CC}[0] resource-claim/container-claim-name-required`],
      version: '1.34',
    },
    {
      name: 'a repeated container claim is a duplicate, named without a request',
      manifest: pod([{ name: 'gpu', ...T }], [{ name: 'gpu' }, { name: 'gpu', request: '' }]),
      want: [`${CC}[1] resource-claim/container-claim-duplicate`],
      message: 'Duplicate value: "gpu"',
      version: '1.34',
    },
    {
      name: 'a repeated container claim request is a duplicate, named with its request',
      manifest: pod(
        [{ name: 'gpu', ...T }],
        [
          { name: 'gpu', request: 'r' },
          { name: 'gpu', request: 'r' },
        ],
      ),
      want: [`${CC}[1] resource-claim/container-claim-duplicate`],
      message: 'Duplicate value: "gpu/r"',
      version: '1.34',
    },
    {
      name: 'a container claim naming no pod claim lists the pod claims, sorted',
      manifest: pod(
        [
          { name: 'b', ...T },
          { name: 'a', ...T },
        ],
        [{ name: 'x' }],
      ),
      want: [`${CC}[0] resource-claim/container-claim-not-found`],
      message: 'Not found: "x": must be one of the names in pod.spec.resourceClaims: a, b',
      version: '1.34',
    },
    {
      name: 'a container claim with no pod claims says the list is empty',
      manifest: pod([], [{ name: 'x' }]),
      want: [`${CC}[0] resource-claim/container-claim-not-found`],
      message: 'Not found: "x": must be one of the names in pod.spec.resourceClaims which is empty',
      version: '1.34',
    },
    {
      name: 'a container claim request must be a DNS label',
      manifest: pod([{ name: 'gpu', ...T }], [{ name: 'gpu', request: 'Bad_Req' }]),
      want: [`${CC}[0].request resource-claim/request-invalid`],
      message:
        "Invalid value \"Bad_Req\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      version: '1.34',
    },
    {
      name: 'a container claim whose name is no string is left to the decoder',
      manifest: pod([{ name: 'gpu', ...T }], [{ name: 5 }]),
      want: [],
      version: '1.34',
      notServer: 'the strict decoder rejects a number as a name before validation',
    },
    {
      name: 'a container claim whose request is no string is left to the decoder',
      manifest: pod([{ name: 'gpu', ...T }], [{ name: 'gpu', request: 5 }]),
      want: [],
      version: '1.34',
      notServer: 'the strict decoder rejects a number as a request before validation',
    },
    {
      name: 'an ephemeral container claim is not looked up (its resources are forbidden anyway)',
      manifest: pod([{ name: 'gpu', ...T }], undefined, [{ name: 'x' }]),
      want: [],
      version: '1.34',
      notServer: 'a template forbids ephemeral containers, a rule outside this set',
    },
  ],
  at34,
);

describe('resource claims where DynamicResourceAllocation is off', () => {
  it('leaves pod and container claims alone in the validation phase itself (1.27 profile)', () => {
    const ds = withClaims([{ name: 'Bad' }], [{ name: 'x' }]);
    expect(validateManifest(ds, [resourceClaimsRules])).toEqual([]);
  });
});

describe('claimNameIssues', () => {
  it('lists only the non-empty string names of the pod claims', () => {
    const spec = { resourceClaims: [{ name: '' }, { name: 5 }, { name: 'b' }, { name: 'a' }] };
    expect(claimNameIssues([{ name: 'x' }], spec, ['c']).map((i) => i.message)).toEqual([
      'Not found: "x": must be one of the names in pod.spec.resourceClaims: a, b',
    ]);
    expect(claimNameIssues([{ name: 'x' }], { resourceClaims: [{ name: '' }] }, ['c']).map((i) => i.message)).toEqual([
      'Not found: "x": must be one of the names in pod.spec.resourceClaims which is empty',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { daemonSet, issuesAt } from '../../support/manifest';

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

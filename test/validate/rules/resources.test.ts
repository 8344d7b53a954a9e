import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { resourcesRules } from '../../../src/validate/rules/resources';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('resources/'));
}

const R = 'spec.template.spec.containers[0].resources';
const withRes = (resources: any) =>
  daemonSet((_d, _p, c) => {
    c.resources = resources;
  });

describe('resources', () => {
  it('accepts cpu and memory requests below limits', () => {
    expect(of(withRes({ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } }))).toEqual([]);
  });

  it('rejects a request above its limit', () => {
    expect(of(withRes({ requests: { cpu: '2' }, limits: { cpu: '1' } }))).toEqual([
      `${R}.requests resources/request-exceeds-limit`,
    ]);
  });

  it('reports an unparsable quantity once, as the decoding error it is', () => {
    expect(of(withRes({ limits: { memory: '1.5.5Gi' } }))).toEqual([]);
    expect(issuesOf(withRes({ limits: { memory: '1.5.5Gi' } }))).toEqual([`${R}.limits[memory] type/invalid-quantity`]);
  });

  // A malformed quantity leaves its entry without a value: every check that compares or measures it
  // is skipped on either side, limit or request, standard name or not.
  it.each([
    [{ limits: { 'example.com/gpu': '1.5.5' } }, 'limits[example.com/gpu]'],
    [{ limits: { 'example.com/gpu': '1' }, requests: { 'example.com/gpu': '1.5.5' } }, 'requests[example.com/gpu]'],
    [{ requests: { memory: '1.5.5Gi' } }, 'requests[memory]'],
    [{ limits: { cpu: '1' }, requests: { cpu: '1.5.5' } }, 'requests[cpu]'],
    [{ limits: { cpu: '1.5.5' }, requests: { cpu: '1' } }, 'limits[cpu]'],
    [
      { limits: { 'hugepages-2Mi': '2Mi', memory: '1Gi' }, requests: { 'hugepages-2Mi': '1.5.5' } },
      'requests[hugepages-2Mi]',
    ],
  ])('leaves the malformed quantity of %j to the decoding error', (resources, at) => {
    expect(of(withRes(resources))).toEqual([]);
    expect(issuesOf(withRes(resources))).toEqual([`${R}.${at} type/invalid-quantity`]);
  });

  it('rejects a negative quantity', () => {
    expect(of(withRes({ requests: { cpu: '-1' } }))).toEqual([`${R}.requests[cpu] resources/quantity-negative`]);
  });

  it('rejects an unknown unprefixed resource name', () => {
    expect(of(withRes({ limits: { gpu: '1' } }))).toEqual([
      `${R}.limits[gpu] resources/name-invalid`,
      `${R}.limits[gpu] resources/name-invalid`,
    ]);
  });

  it('accepts an extended resource given only as a limit', () => {
    expect(of(withRes({ limits: { 'nvidia.com/gpu': 1 } }))).toEqual([]);
  });

  it('requires a limit for an extended resource request', () => {
    expect(of(withRes({ requests: { 'tencent.com/vcuda-core': '10' } }))).toEqual([
      `${R}.limits resources/limit-required`,
    ]);
  });

  it('requires extended resource requests to equal limits', () => {
    expect(of(withRes({ requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } }))).toEqual([
      `${R}.requests resources/request-not-equal-limit`,
    ]);
  });

  it('requires whole numbers of an extended resource', () => {
    expect(of(withRes({ limits: { 'nvidia.com/gpu': '500m' } }))).toEqual([
      `${R}.limits[nvidia.com/gpu] resources/quantity-not-integer`,
    ]);
  });

  it('reads a negative extended quantity as MilliValue does, rounded away from zero: -1.0001 is not whole', () => {
    // 1.27 kube-apiserver (k8s-oracle run 1.27): "-1.0001" is -1001m, so it is both negative and not an integer.
    expect(of(withRes({ limits: { 'example.com/foo': '-1.0001' } }))).toEqual([
      `${R}.limits[example.com/foo] resources/quantity-negative`,
      `${R}.limits[example.com/foo] resources/quantity-not-integer`,
    ]);
  });

  it('accepts hugepages in whole pages with memory', () => {
    expect(
      of(
        withRes({
          limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' },
          requests: { 'hugepages-2Mi': '4Mi', memory: '1Gi' },
        }),
      ),
    ).toEqual([]);
  });

  it('rejects hugepages that are not a multiple of the page size', () => {
    expect(of(withRes({ limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } }))).toEqual([
      `${R}.limits[hugepages-2Mi] resources/hugepages-indivisible`,
    ]);
  });

  it('rejects hugepages without cpu or memory', () => {
    expect(of(withRes({ limits: { 'hugepages-1Gi': '1Gi' } }))).toEqual([
      `${R} resources/hugepages-without-cpu-or-memory`,
    ]);
  });

  const pod = (spec: any) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec });

  it('keeps a Pod request that is set rather than copying the limit over it (SetDefaults_Pod)', () => {
    const p = pod({
      containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }],
    });
    expect(of(p)).toEqual(['spec.containers[0].resources.requests resources/request-exceeds-limit']);
  });

  it('copies no limits of an ephemeral container, which SetDefaults_Pod leaves alone', () => {
    const p = pod({
      containers: [{ name: 'a', image: 'x' }],
      ephemeralContainers: [
        { name: 'debug', image: 'x', resources: { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } } },
      ],
    });
    expect(of(p)).toEqual([
      'spec.ephemeralContainers[0].resources.limits[hugepages-2Mi] resources/hugepages-indivisible',
    ]);
  });

  it('copies Pod limits into requests before checking, as SetDefaults_Pod does', () => {
    const p = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [{ name: 'a', image: 'x', resources: { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } } }],
      },
    };
    expect(of(p)).toEqual([
      'spec.containers[0].resources.limits[hugepages-2Mi] resources/hugepages-indivisible',
      'spec.containers[0].resources.requests[hugepages-2Mi] resources/hugepages-indivisible',
    ]);
  });
});

// validateForVersion's `rules` may leave out the strict decoder (types.ts), which otherwise ends
// validation at a value of the wrong type: the resource rules then meet such values themselves.
describe('resources without the strict decoder', () => {
  const alone = (m: unknown) =>
    validateForVersion(m, { kubernetesVersion: '1.27', rules: [resourcesRules] }).errors.map(
      (i) => `${toFieldPath(i.path)} ${i.code}`,
    );

  it('reads a limit or request of another type as no quantity, and compares nothing with it', () => {
    expect(alone(withRes({ limits: { cpu: true, memory: ['1Gi'] }, requests: { cpu: '1', memory: {} } }))).toEqual([]);
    expect(alone(withRes({ limits: { cpu: '1' }, requests: { cpu: '2', memory: false } }))).toEqual([
      `${R}.requests resources/request-exceeds-limit`,
    ]);
  });
});

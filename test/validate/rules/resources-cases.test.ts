import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { resourcesRules } from '../../../src/validate/rules/resources';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ValidateResourceRequirements (1.27) case by case, as TestValidateResourceRequirements and
// TestValidateResourceNames do, with what each issue says. Every verdict and path is the 1.27
// kube-apiserver's (k8s-oracle run 1.27); the messages are ours.

const R = 'spec.template.spec.containers[0].resources';

function said(resources: any): string[] {
  return validateForVersion(
    daemonSet((_d, _p, c) => {
      c.resources = resources;
    }),
    { kubernetesVersion: '1.27' },
  ).errors.map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);
}

const FOR_CONTAINERS =
  'must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a qualified extended resource such as "nvidia.com/gpu"';

describe('resource names (validateContainerResourceName)', () => {
  it.each([
    [{ 'kubernetes.io/x': '1' }],
    [{ 'example.com/gpu': '1' }],
    [{ 'hugepages-2Mi': '4Mi', memory: '1Gi' }],
    [{ 'ephemeral-storage': '1Gi', cpu: '1', memory: '1Gi' }],
  ])('accepts the limits %j', (limits) => {
    expect(said({ limits })).toEqual([]);
  });

  it('takes an unprefixed name that is neither standard nor for containers twice over', () => {
    expect(said({ limits: { foo: '1' } })).toEqual([
      `${R}.limits[foo] resources/name-invalid Invalid value "foo": ${FOR_CONTAINERS}`,
      `${R}.limits[foo] resources/name-invalid Invalid value "foo": must be a standard resource type or fully qualified`,
    ]);
  });

  it.each(['pods', 'requests.cpu', 'requests.hugepages-2Mi'])(
    'rejects %s, a standard resource but not a container one',
    (name) => {
      expect(said({ limits: { [name]: '1' } })).toEqual([
        `${R}.limits[${name}] resources/name-invalid Invalid value "${name}": ${FOR_CONTAINERS}`,
      ]);
    },
  );

  it('rejects a prefixed name that is not an extended resource', () => {
    expect(said({ limits: { 'requests.example.com/gpu': '1' } })).toEqual([
      `${R}.limits[requests.example.com/gpu] resources/name-invalid Invalid value "requests.example.com/gpu": doesn't follow extended resource name standard`,
    ]);
    expect(said({ limits: { 'a/b/c': '1' } }).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${R}.limits[a/b/c] resources/name-invalid`,
      `${R}.limits[a/b/c] resources/name-invalid`,
    ]);
  });
});

describe('resource quantities (ValidateResourceQuantityValue)', () => {
  it('rejects a negative limit or request, standard or extended', () => {
    expect(said({ limits: { cpu: '-1' } })).toEqual([
      `${R}.limits[cpu] resources/quantity-negative Invalid value "-1": must be greater than or equal to 0`,
    ]);
    expect(said({ requests: { cpu: '-1' } })).toEqual([
      `${R}.requests[cpu] resources/quantity-negative Invalid value "-1": must be greater than or equal to 0`,
    ]);
    expect(said({ limits: { 'example.com/gpu': '-1' }, requests: { 'example.com/gpu': '-1' } })).toEqual([
      `${R}.limits[example.com/gpu] resources/quantity-negative Invalid value "-1": must be greater than or equal to 0`,
      `${R}.requests[example.com/gpu] resources/quantity-negative Invalid value "-1": must be greater than or equal to 0`,
    ]);
  });

  it('takes whole units of an extended resource', () => {
    expect(said({ limits: { 'example.com/gpu': '500m' } })).toEqual([
      `${R}.limits[example.com/gpu] resources/quantity-not-integer Invalid value "500m": must be an integer, as example.com/gpu is counted in whole units`,
    ]);
  });
});

describe('requests against limits', () => {
  it('lets a request of an overcommittable resource be below its limit, never above', () => {
    expect(said({ limits: { cpu: '2' }, requests: { cpu: '1' } })).toEqual([]);
    expect(said({ limits: { cpu: '1' }, requests: { cpu: '2' } })).toEqual([
      `${R}.requests resources/request-exceeds-limit Invalid value "2": must be less than or equal to cpu limit of 1`,
    ]);
    expect(said({ limits: { 'ephemeral-storage': '1Gi' }, requests: { 'ephemeral-storage': '2Gi' } })).toEqual([
      `${R}.requests resources/request-exceeds-limit Invalid value "2Gi": must be less than or equal to ephemeral-storage limit of 1Gi`,
    ]);
  });

  // Both sides as Quantity.String() prints them, as ValidateResourceRequirements (1.27) words it:
  // k8s-oracle run 1.27 says `Invalid value: "2": must be less than or equal to cpu limit of 1500m`.
  it('words the request and the limit as the server prints them, whatever their spelling', () => {
    expect(said({ limits: { cpu: '1.5', memory: '1024Mi' }, requests: { cpu: '2000m', memory: '2048Mi' } })).toEqual([
      `${R}.requests resources/request-exceeds-limit Invalid value "2": must be less than or equal to cpu limit of 1500m`,
      `${R}.requests resources/request-exceeds-limit Invalid value "2Gi": must be less than or equal to memory limit of 1Gi`,
    ]);
    expect(said({ limits: { cpu: '-0.5', memory: '-1024Mi' } })).toEqual([
      `${R}.limits[cpu] resources/quantity-negative Invalid value "-500m": must be greater than or equal to 0`,
      `${R}.limits[memory] resources/quantity-negative Invalid value "-1Gi": must be greater than or equal to 0`,
    ]);
  });

  // Quantity.UnmarshalJSON (1.27 … 1.34) reads `null` as zero and the map keeps the entry: a null
  // limit is a limit of 0 (k8s-oracle run 1.27: `must be less than or equal to cpu limit of 0`).
  it('reads a null quantity as a quantity of zero, not as an absent one', () => {
    expect(said({ limits: { cpu: null }, requests: { memory: null } })).toEqual([]);
    expect(said({ limits: { cpu: null }, requests: { cpu: '1' } })).toEqual([
      `${R}.requests resources/request-exceeds-limit Invalid value "1": must be less than or equal to cpu limit of 0`,
    ]);
    expect(said({ limits: { 'nvidia.com/gpu': null }, requests: { 'nvidia.com/gpu': '1' } })).toEqual([
      `${R}.requests resources/request-not-equal-limit Invalid value "1": must be equal to nvidia.com/gpu limit of 0: nvidia.com/gpu cannot be overcommitted`,
    ]);
  });

  it('wants an extended resource requested exactly at its limit, and limited when requested', () => {
    expect(said({ limits: { 'example.com/gpu': '2' }, requests: { 'example.com/gpu': '1' } })).toEqual([
      `${R}.requests resources/request-not-equal-limit Invalid value "1": must be equal to example.com/gpu limit of 2: example.com/gpu cannot be overcommitted`,
    ]);
    expect(said({ requests: { 'example.com/gpu': '1' } })).toEqual([
      `${R}.limits resources/limit-required Required value: Limit must be set for non overcommitable resources: add limits[example.com/gpu] equal to the request "1"`,
    ]);
  });
});

describe('hugepages (validateResourceQuantityHugePageValue)', () => {
  it('requires cpu or memory beside hugepages, requested or limited', () => {
    expect(said({ limits: { 'hugepages-2Mi': '4Mi' }, requests: { 'hugepages-2Mi': '4Mi' } })).toEqual([
      `${R} resources/hugepages-without-cpu-or-memory Forbidden: HugePages require cpu or memory: also request or limit cpu or memory`,
    ]);
    expect(said({ limits: { 'hugepages-2Mi': '4Mi', cpu: '1' } })).toEqual([]);
    expect(said({ limits: { 'hugepages-2Mi': '4Mi' }, requests: { 'hugepages-2Mi': '4Mi', cpu: '1' } })).toEqual([]);
  });

  it('requires a limit for a hugepages request', () => {
    expect(said({ requests: { 'hugepages-2Mi': '4Mi', cpu: '1' } })).toEqual([
      `${R}.limits resources/limit-required Required value: Limit must be set for non overcommitable resources: add limits[hugepages-2Mi] equal to the request "4Mi"`,
    ]);
  });

  // The amount as Quantity.String() prints it, in the value and the text (k8s-oracle run 1.27:
  // 3072Ki is `Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`).
  it.each([
    ['hugepages-2Mi', '3Mi', '3Mi'],
    ['hugepages-2Mi', '3072Ki', '3Mi'],
    ['hugepages-2Mi', '3145728', '3145728'],
    ['hugepages-x', '3Mi', '3Mi'],
    ['hugepages-500m', '1', '1'],
  ])('rejects %s of %s, which is no whole number of pages', (name, amount, printed) => {
    expect(said({ limits: { [name]: amount, memory: '1Gi' }, requests: { [name]: amount } })).toEqual([
      `${R}.limits[${name}] resources/hugepages-indivisible Invalid value "${printed}": ${printed} is not positive integer multiple of ${name}`,
      `${R}.requests[${name}] resources/hugepages-indivisible Invalid value "${printed}": ${printed} is not positive integer multiple of ${name}`,
    ]);
  });
});

// Every standard resource name of pkg/apis/core/helper (1.27) that is not a container resource: one
// issue for containers only (k8s-oracle run 1.27), and for the counted ones a fraction is no count.
describe('standard resource names that containers do not take', () => {
  it.each([
    'requests.cpu',
    'requests.memory',
    'requests.ephemeral-storage',
    'limits.cpu',
    'limits.memory',
    'limits.ephemeral-storage',
    'requests.storage',
  ])('%s', (name) => {
    expect(said({ limits: { [name]: '1' } })).toEqual([
      `${R}.limits[${name}] resources/name-invalid Invalid value "${name}": ${FOR_CONTAINERS}`,
    ]);
  });

  it.each([
    'pods',
    'resourcequotas',
    'services',
    'replicationcontrollers',
    'secrets',
    'persistentvolumeclaims',
    'configmaps',
    'services.nodeports',
    'services.loadbalancers',
  ])('%s, counted in whole units', (name) => {
    expect(said({ limits: { [name]: '500m' } })).toEqual([
      `${R}.limits[${name}] resources/name-invalid Invalid value "${name}": ${FOR_CONTAINERS}`,
      `${R}.limits[${name}] resources/quantity-not-integer Invalid value "500m": must be an integer, as ${name} is counted in whole units`,
    ]);
  });
});

it('takes "quota" as no standard resource (the quota resource is "resourcequotas")', () => {
  expect(said({ limits: { quota: '1' } })).toEqual([
    `${R}.limits[quota] resources/name-invalid Invalid value "quota": ${FOR_CONTAINERS}`,
    `${R}.limits[quota] resources/name-invalid Invalid value "quota": must be a standard resource type or fully qualified`,
  ]);
});

const withResources = (resources: any) =>
  daemonSet((_d, _p, c) => {
    c.resources = resources;
  });
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

ruleCases(
  'ValidateResourceRequirements at the edges (1.27)',
  [
    {
      name: 'a zero extended resource is no negative one',
      manifest: withResources({ limits: { 'example.com/gpu': '0' }, requests: { 'example.com/gpu': '0' } }),
      want: [],
    },
    {
      // IsHugePageResourceValueDivisible: a page size of zero divides nothing.
      name: 'hugepages of a zero page size',
      manifest: withResources({ limits: { 'hugepages-0': '1Mi', memory: '1Gi' } }),
      want: [`${R}.limits[hugepages-0] resources/hugepages-indivisible`],
    },
    {
      name: 'hugepages beside a memory request alone',
      manifest: withResources({
        limits: { 'hugepages-2Mi': '4Mi' },
        requests: { 'hugepages-2Mi': '4Mi', memory: '1Gi' },
      }),
      want: [],
    },
    {
      name: 'a name of three parts, which is no qualified name (the first message is the name check)',
      manifest: withResources({ limits: { 'a/b/c': '1' } }),
      want: [`${R}.limits[a/b/c] resources/name-invalid`, `${R}.limits[a/b/c] resources/name-invalid`],
      message: `Invalid value "a/b/c": a qualified name ${NAME_PART.slice('name part '.length)} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      sameCauses: true,
    },
    {
      // validateResourceName (1.27) returns after the qualified-name errors: no "standard resource type" too.
      name: 'an unprefixed name that is no qualified name, and not for containers',
      manifest: withResources({ limits: { bad_: '1' } }),
      want: [`${R}.limits[bad_] resources/name-invalid`, `${R}.limits[bad_] resources/name-invalid`],
      sameCauses: true,
    },
  ],
  pipelineIssues({ rules: [resourcesRules] }),
);

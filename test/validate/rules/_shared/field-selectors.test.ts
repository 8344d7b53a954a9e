import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../../src/validate/issue';
import { validateForVersion } from '../../../../src/validate/pipeline';
import { envRules } from '../../../../src/validate/rules/env';
import { daemonSet, issuesOf } from '../../../support/manifest';
import { pipelineIssues, ruleCases } from '../../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// validateObjectFieldSelector and validateContainerResourceFieldSelector/-Divisor (1.27), through
// an env var and a downwardAPI volume. Every verdict and path is the 1.27 kube-apiserver's
// (k8s-oracle run 1.27); codes and messages are ours.

function said(edit: (p: any, c: any) => void): string[] {
  return validateForVersion(
    daemonSet((_d, p, c) => edit(p, c)),
    { kubernetesVersion: '1.27' },
  ).errors.map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);
}
const envRef = (valueFrom: object) =>
  said((_p, c) => {
    c.env = [{ name: 'A', valueFrom }];
  });
const volumeItem = (item: object) =>
  said((p) => {
    p.volumes = [{ name: 'v', downwardAPI: { items: [{ path: 'x', ...item }] } }];
  });
const codes = (lines: string[]) => lines.map((l) => l.split(' ').slice(0, 2).join(' '));

const E = 'spec.template.spec.containers[0].env[0].valueFrom';
const D = 'spec.template.spec.volumes[0].downwardAPI';
const ENV_SUPPORTED =
  'metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs';
const VOLUME_SUPPORTED =
  '"metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"';

describe('fieldRef (validateObjectFieldSelector)', () => {
  it('requires a field path, suggesting the first supported one', () => {
    expect(envRef({ fieldRef: { fieldPath: '' } })).toEqual([
      `${E}.fieldRef.fieldPath env/field-path-required Required value: e.g. "metadata.name"`,
    ]);
    expect(volumeItem({ fieldRef: { fieldPath: '' } })).toEqual([
      `${D}.fieldRef.fieldPath volume/field-path-required Required value: e.g. "metadata.annotations"`,
    ]);
  });

  it.each([
    [{ apiVersion: 'v2', fieldPath: 'metadata.name' }, 'metadata.name', 'unsupported pod version: v2'],
    [
      { fieldPath: "spec.nodeName['x']" },
      "spec.nodeName['x']",
      "field label does not support subscript: spec.nodeName['x']",
    ],
    [{ fieldPath: 'spec.bogus' }, 'spec.bogus', 'field label not supported: spec.bogus'],
    [{ fieldPath: "['a']" }, "['a']", "field label not supported: ['a']"],
  ])('reports what ConvertDownwardAPIFieldLabel refuses: %j', (fieldRef, fp, why) => {
    expect(envRef({ fieldRef })).toEqual([
      `${E}.fieldRef.fieldPath env/field-path-unsupported Invalid value ${JSON.stringify(fp)}: error converting fieldPath: ${why}; supported: ${ENV_SUPPORTED}`,
    ]);
  });

  it('accepts v1 given or defaulted, spec.host as spec.nodeName, and subscripts of labels in env', () => {
    expect(envRef({ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } })).toEqual([]);
    expect(envRef({ fieldRef: { fieldPath: 'spec.host' } })).toEqual([]);
    expect(envRef({ fieldRef: { fieldPath: "metadata.labels['a']" } })).toEqual([]);
  });

  it('rejects a convertible label the place does not support, under its internal name', () => {
    expect(volumeItem({ fieldRef: { fieldPath: 'spec.host' } })).toEqual([
      `${D}.fieldRef.fieldPath volume/field-path-unsupported Unsupported value "spec.nodeName": supported values: ${VOLUME_SUPPORTED}`,
    ]);
    expect(codes(envRef({ fieldRef: { fieldPath: 'metadata.labels' } }))).toEqual([
      `${E}.fieldRef.fieldPath env/field-path-unsupported`,
    ]);
    expect(codes(envRef({ fieldRef: { fieldPath: 'status.phase' } }))).toEqual([
      `${E}.fieldRef.fieldPath env/field-path-unsupported`,
    ]);
  });

  it('checks a subscript as a qualified name, annotations in lower case, at the fieldRef', () => {
    expect(volumeItem({ fieldRef: { fieldPath: "metadata.annotations['A/B']" } })).toEqual([]);
    expect(codes(volumeItem({ fieldRef: { fieldPath: "metadata.labels['A/B']" } }))).toEqual([
      `${D}.fieldRef volume/field-path-key-invalid`,
    ]);
    expect(volumeItem({ fieldRef: { fieldPath: "metadata.labels['Bad Key']" } })).toEqual([
      `${D}.fieldRef volume/field-path-key-invalid Invalid value "Bad Key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});

describe('resourceFieldRef (validateContainerResourceFieldSelector)', () => {
  const R = `${E}.resourceFieldRef`;
  const ONE_OF =
    'limits.cpu, limits.ephemeral-storage, limits.memory, requests.cpu, requests.ephemeral-storage, requests.memory';

  it('requires the resource, and in a volume first the container', () => {
    expect(envRef({ resourceFieldRef: { resource: '' } })).toEqual([
      `${R}.resource env/resource-required Required value: one of ${ONE_OF}`,
    ]);
    expect(volumeItem({ resourceFieldRef: { resource: 'limits.cpu' } })).toEqual([
      `${D}.resourceFieldRef.containerName volume/resource-container-required Required value: name the container whose resources are exposed`,
    ]);
    expect(codes(volumeItem({ resourceFieldRef: { containerName: 'agent', resource: '' } }))).toEqual([
      `${D}.resourceFieldRef.resource volume/resource-required`,
    ]);
  });

  it('takes the listed resources and hugepages', () => {
    expect(envRef({ resourceFieldRef: { resource: 'limits.hugepages-2Mi' } })).toEqual([]);
    expect(envRef({ resourceFieldRef: { resource: 'limits.foo', divisor: '1m' } })).toEqual([
      `${R}.resource env/resource-unsupported Unsupported value "limits.foo": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory", or requests./limits.hugepages-<size>`,
    ]);
  });

  it.each([
    ['limits.cpu', '1m'],
    ['requests.cpu', '0'],
    ['limits.memory', '1Mi'],
    ['requests.ephemeral-storage', '1Gi'],
    ['limits.hugepages-2Mi', '1Mi'],
  ])('accepts %s with divisor %s', (resource, divisor) => {
    expect(envRef({ resourceFieldRef: { resource, divisor } })).toEqual([]);
  });

  const BYTES = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';
  it.each([
    ['requests.cpu', '2m', '1m, 1', 'the cpu resource'],
    ['limits.cpu', '1k', '1m, 1', 'the cpu resource'],
    ['requests.memory', '1m', BYTES, 'the memory resource'],
    ['limits.ephemeral-storage', '3', BYTES, 'the local ephemeral storage resource'],
    ['requests.hugepages-2Mi', '1m', BYTES, 'the hugepages resource'],
  ])('rejects %s with divisor %s', (resource, divisor, allowed, what) => {
    expect(envRef({ resourceFieldRef: { resource, divisor } })).toEqual([
      `${R}.divisor env/divisor-unsupported Invalid value "${resource}": divisor "${divisor}" is not supported: only divisor's values ${allowed} are supported with ${what}`,
    ]);
  });
});

// What ConvertDownwardAPIFieldLabel converts but env does not support is NotSupported (the list of
// env's paths); what it cannot convert is Invalid (a conversion error). Re-checked against the
// 1.27 kube-apiserver (k8s-oracle): the server's type of error, FieldValueNotSupported or
// FieldValueInvalid, is what the message follows.
const withEnv = (valueFrom: object) =>
  daemonSet((_d, _p, c) => {
    c.env = [{ name: 'A', valueFrom }];
  });
const QUOTED_ENV_SUPPORTED = ENV_SUPPORTED.split(', ')
  .map((p) => `"${p}"`)
  .join(', ');
ruleCases(
  'field selectors the server converts, and divisors of each resource',
  [
    ...['spec.restartPolicy', 'spec.schedulerName', 'status.phase'].map((fieldPath) => ({
      name: `${fieldPath} converts, but env does not support it`,
      manifest: withEnv({ fieldRef: { fieldPath } }),
      want: [`${E}.fieldRef.fieldPath env/field-path-unsupported`],
      message: `Unsupported value "${fieldPath}": supported values: ${QUOTED_ENV_SUPPORTED}`,
    })),
    {
      name: "a subscript not at the end (metadata.labels['a'x) is no subscript, and no label either",
      manifest: withEnv({ fieldRef: { fieldPath: "metadata.labels['a'x" } }),
      want: [`${E}.fieldRef.fieldPath env/field-path-unsupported`],
      message: `Invalid value "metadata.labels['a'x": error converting fieldPath: field label not supported: metadata.labels['a'x; supported: ${ENV_SUPPORTED}`,
    },
    {
      name: 'requests.ephemeral-storage takes the byte divisors only',
      manifest: withEnv({ resourceFieldRef: { resource: 'requests.ephemeral-storage', divisor: '3' } }),
      want: [`${E}.resourceFieldRef.divisor env/divisor-unsupported`],
      message: `Invalid value "requests.ephemeral-storage": divisor "3" is not supported: only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource`,
    },
  ],
  pipelineIssues({ rules: [envRules] }),
);

// Without the strict decoder (validateManifest) a selector field of the wrong type reaches these
// checks; the types rule reports it, and the selectors must neither throw nor read it as a value.
describe('field selectors of the wrong type', () => {
  const envIssues = (m: unknown) => issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('env/'));
  it.each<[string, object]>([
    ['a fieldRef apiVersion', { fieldRef: { apiVersion: 1, fieldPath: 'metadata.name' } }],
    ['a fieldRef fieldPath', { fieldRef: { apiVersion: 'v1', fieldPath: 1 } }],
    ['a resource with a divisor', { resourceFieldRef: { resource: 5, divisor: '1' } }],
    ['a resource without a divisor', { resourceFieldRef: { resource: 5 } }],
    ['a divisor', { resourceFieldRef: { resource: 'limits.cpu', divisor: true } }],
    ['a divisor that is no quantity', { resourceFieldRef: { resource: 'limits.cpu', divisor: 'one' } }],
  ])('leaves %s to the types rule', (_what, valueFrom) => {
    const ds = withEnv(valueFrom);
    expect(issuesOf(ds).some((l) => l.split(' ')[1]?.startsWith('type/'))).toBe(true);
    expect(envIssues(ds)).toEqual([]);
  });
});

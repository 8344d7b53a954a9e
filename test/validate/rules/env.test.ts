import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('env/'));
}

const E = 'spec.template.spec.containers[0].env';
const withEnv = (...env: any[]) =>
  daemonSet((_d, _p, c) => {
    c.env = env;
  });
const withEnvFrom = (...envFrom: any[]) =>
  daemonSet((_d, _p, c) => {
    c.envFrom = envFrom;
  });

describe('env', () => {
  it('accepts names with dots and dashes (IsEnvVarName of 1.27)', () => {
    expect(of(withEnv({ name: 'my.env-name', value: 'x' }, { name: '_X', value: '' }))).toEqual([]);
  });

  it('requires a name', () => {
    expect(of(withEnv({ value: 'x' }))).toEqual([`${E}[0].name env/name-required`]);
  });

  it('rejects a name starting with a digit', () => {
    expect(of(withEnv({ name: '1X', value: 'x' }))).toEqual([`${E}[0].name env/name-invalid`]);
  });

  it('rejects a name starting with ".."', () => {
    expect(of(withEnv({ name: '..X', value: 'x' }))).toEqual([`${E}[0].name env/name-invalid`]);
  });

  it('rejects an empty valueFrom', () => {
    expect(of(withEnv({ name: 'X', valueFrom: {} }))).toEqual([`${E}[0].valueFrom env/value-from-empty`]);
  });

  it('rejects value together with valueFrom', () => {
    expect(of(withEnv({ name: 'X', value: 'v', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }))).toEqual([
      `${E}[0].valueFrom env/value-and-value-from`,
    ]);
  });

  it('rejects two sources in valueFrom', () => {
    expect(
      of(
        withEnv({
          name: 'X',
          valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' }, secretKeyRef: { name: 's', key: 'k' } },
        }),
      ),
    ).toEqual([`${E}[0].valueFrom env/value-from-multiple`]);
  });

  it('accepts the env field paths of 1.27, with apiVersion defaulted to v1', () => {
    for (const fp of [
      'metadata.name',
      'metadata.namespace',
      'metadata.uid',
      'spec.nodeName',
      'spec.serviceAccountName',
      'status.hostIP',
      'status.podIP',
      'status.podIPs',
      "metadata.labels['app']",
      "metadata.annotations['a.b/c']",
    ]) {
      expect(of(withEnv({ name: 'X', valueFrom: { fieldRef: { fieldPath: fp } } }))).toEqual([]);
    }
  });

  it('rejects status.hostIPs, which 1.27 does not know', () => {
    expect(of(withEnv({ name: 'X', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } }))).toEqual([
      `${E}[0].valueFrom.fieldRef.fieldPath env/field-path-unsupported`,
    ]);
  });

  it('rejects metadata.labels without a key for env', () => {
    expect(of(withEnv({ name: 'X', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }))).toEqual([
      `${E}[0].valueFrom.fieldRef.fieldPath env/field-path-unsupported`,
    ]);
  });

  it('rejects an invalid label key subscript, at fieldRef', () => {
    expect(of(withEnv({ name: 'X', valueFrom: { fieldRef: { fieldPath: "metadata.labels['-bad-']" } } }))).toEqual([
      `${E}[0].valueFrom.fieldRef env/field-path-key-invalid`,
    ]);
  });

  it('rejects an apiVersion other than v1', () => {
    expect(
      of(withEnv({ name: 'X', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'spec.nodeName' } } })),
    ).toEqual([`${E}[0].valueFrom.fieldRef.fieldPath env/field-path-unsupported`]);
  });

  it('accepts resourceFieldRef for limits.memory with divisor 1Mi, and hugepages', () => {
    expect(
      of(
        withEnv(
          { name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          { name: 'Y', valueFrom: { resourceFieldRef: { resource: 'requests.hugepages-2Mi' } } },
        ),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown resource in resourceFieldRef', () => {
    expect(of(withEnv({ name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }))).toEqual([
      `${E}[0].valueFrom.resourceFieldRef.resource env/resource-unsupported`,
    ]);
  });

  it('accepts divisor 1000m for cpu (canonically "1")', () => {
    expect(
      of(withEnv({ name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1000m' } } })),
    ).toEqual([]);
  });

  it('accepts divisor 1000E for cpu (Go prints it "1": DecimalSI has no suffix for 10^21; 1.27 server: valid)', () => {
    expect(
      of(withEnv({ name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1000E' } } })),
    ).toEqual([]);
  });

  it('rejects divisor 1Mi for cpu', () => {
    expect(
      of(withEnv({ name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1Mi' } } })),
    ).toEqual([`${E}[0].valueFrom.resourceFieldRef.divisor env/divisor-unsupported`]);
  });

  it('rejects a configMapKeyRef with an empty name and a bad key', () => {
    expect(of(withEnv({ name: 'X', valueFrom: { configMapKeyRef: { name: '', key: 'a b' } } }))).toEqual([
      `${E}[0].valueFrom.configMapKeyRef.key env/ref-key-invalid`,
      `${E}[0].valueFrom.configMapKeyRef.name env/ref-name-invalid`,
    ]);
  });

  it('requires the key of a secretKeyRef', () => {
    expect(of(withEnv({ name: 'X', valueFrom: { secretKeyRef: { name: 's' } } }))).toEqual([
      `${E}[0].valueFrom.secretKeyRef.key env/ref-key-required`,
    ]);
  });
});

describe('envFrom', () => {
  const F = 'spec.template.spec.containers[0].envFrom';

  it('accepts a configMapRef with a prefix', () => {
    expect(of(withEnvFrom({ prefix: 'APP_', configMapRef: { name: 'cfg' } }))).toEqual([]);
  });

  it('rejects a prefix that is not an env var name', () => {
    expect(of(withEnvFrom({ prefix: '1_', configMapRef: { name: 'cfg' } }))).toEqual([
      `${F}[0].prefix env/prefix-invalid`,
    ]);
  });

  it('rejects an entry without source, at envFrom', () => {
    expect(of(withEnvFrom({ prefix: 'A' }))).toEqual([`${F} env/env-from-empty`]);
  });

  it('rejects both configMapRef and secretRef', () => {
    expect(of(withEnvFrom({ configMapRef: { name: 'a' }, secretRef: { name: 'b' } }))).toEqual([
      `${F} env/env-from-multiple`,
    ]);
  });

  it('requires the referenced name', () => {
    expect(of(withEnvFrom({ secretRef: {} }))).toEqual([`${F}[0].secretRef.name env/ref-name-required`]);
  });
});

// Without the strict decoder (validateManifest) a value of the wrong type reaches the env rules;
// the types rule reports it, and the env rules must neither throw nor read it as a string.
describe('env values of the wrong type', () => {
  it.each<[string, any]>([
    ['a variable name', withEnv({ name: 5, value: 'x' })],
    ['the name of a configMapKeyRef', withEnv({ name: 'X', valueFrom: { configMapKeyRef: { name: 5, key: 'k' } } })],
    ['the key of a secretKeyRef', withEnv({ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 5 } } })],
    [
      'a value beside valueFrom',
      withEnv({ name: 'X', value: 5, valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }),
    ],
    ['an envFrom prefix', withEnvFrom({ prefix: 5, configMapRef: { name: 'c' } })],
    ['the name of an envFrom configMapRef', withEnvFrom({ configMapRef: { name: 5 } })],
  ])('leaves %s to the types rule', (_what, ds) => {
    expect(issuesOf(ds).some((l) => l.split(' ')[1]?.startsWith('type/'))).toBe(true);
    expect(of(ds)).toEqual([]);
  });
});

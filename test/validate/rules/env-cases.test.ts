import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ValidateEnv and ValidateEnvFrom case by case, as TestValidateEnv and TestValidateEnvFrom do, with
// what each issue says, at the minors where their switches flip. Every verdict and path is the
// kube-apiserver's of that minor (k8s-oracle run 1.27, 1.28, 1.29, 1.31, 1.32); messages are ours.

const C = 'spec.template.spec.containers[0]';

function said(edit: (c: any) => void, version = '1.27'): string[] {
  return validateForVersion(
    daemonSet((_d, _p, c) => edit(c)),
    { kubernetesVersion: version },
  ).errors.map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);
}
const env = (vars: any[], version?: string) =>
  said((c) => {
    c.env = vars;
  }, version);
const envFrom = (sources: any[], version?: string) =>
  said((c) => {
    c.envFrom = sources;
  }, version);

const STRICT_NAME =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('env names', () => {
  it('requires one', () => {
    expect(env([{ name: '', value: 'x' }])).toEqual([
      `${C}.env[0].name env/name-required Required value: an environment variable needs a name`,
    ]);
  });

  it.each(['1.27', '1.31'])('takes C-like names only in %s', (version) => {
    expect(env([{ name: '1A', value: 'x' }], version)).toEqual([
      `${C}.env[0].name env/name-invalid Invalid value "1A": ${STRICT_NAME}`,
    ]);
  });

  it('takes any printable name but one with "=" from 1.32 (RelaxedEnvironmentVariableValidation)', () => {
    expect(env([{ name: '1A', value: 'x' }], '1.32')).toEqual([]);
    expect(env([{ name: 'a=b', value: 'x' }], '1.32')).toEqual([
      `${C}.env[0].name env/name-invalid Invalid value "a=b": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    ]);
  });
});

describe('env valueFrom (validateEnvVarValueFrom)', () => {
  const V = `${C}.env[0].valueFrom`;

  it('needs exactly one source, and no value beside it', () => {
    expect(env([{ name: 'A', valueFrom: {} }])).toEqual([
      `${V} env/value-from-empty Invalid value: must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``,
    ]);
    expect(env([{ name: 'A', value: 'v', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }])).toEqual([
      `${V} env/value-and-value-from Invalid value: may not be specified when \`value\` is not empty (value is "v"); keep one of them`,
    ]);
    const multiple = `${V} env/value-from-multiple Invalid value: may not have more than one field specified at a time`;
    expect(
      env([
        {
          name: 'A',
          value: '',
          valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } },
        },
      ]),
    ).toEqual([multiple]);
    expect(
      env([
        {
          name: 'A',
          valueFrom: { resourceFieldRef: { resource: 'limits.cpu' }, configMapKeyRef: { name: 's', key: 'k' } },
        },
      ]),
    ).toEqual([multiple]);
  });

  it('checks a key reference: its name as a subdomain even when empty, its key as a config key', () => {
    expect(env([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'Bad_Name', key: '' } } }])).toEqual([
      `${V}.configMapKeyRef.key env/ref-key-required Required value: name the key of the ConfigMap to read`,
      `${V}.configMapKeyRef.name env/ref-name-invalid Invalid value "Bad_Name": ${SUBDOMAIN}`,
    ]);
    expect(env([{ name: 'A', valueFrom: { secretKeyRef: { name: '', key: 'a b' } } }])).toEqual([
      `${V}.secretKeyRef.key env/ref-key-invalid Invalid value "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      `${V}.secretKeyRef.name env/ref-name-invalid Invalid value "": ${SUBDOMAIN}`,
    ]);
    expect(env([{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: '' } } }])).toEqual([
      `${V}.secretKeyRef.key env/ref-key-required Required value: name the key of the Secret to read`,
    ]);
  });

  it('knows status.hostIPs from 1.28, behind PodHostIPs until it is on by default in 1.29', () => {
    const hostIPs = [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } }];
    expect(env(hostIPs, '1.27').map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${V}.fieldRef.fieldPath env/field-path-unsupported`,
    ]);
    expect(env(hostIPs, '1.28')).toEqual([
      `${V}.fieldRef env/field-ref-gated Forbidden: may not be set when feature gate 'PodHostIPs' is not enabled: use status.hostIP, or a newer Kubernetes`,
    ]);
    expect(env(hostIPs, '1.29')).toEqual([]);
    expect(env([{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } }], '1.28')).toEqual([]);
  });
});

describe('envFrom (ValidateEnvFrom)', () => {
  it('checks the prefix as an env name of the minor', () => {
    expect(envFrom([{ prefix: '1', configMapRef: { name: 'c' } }])).toEqual([
      `${C}.envFrom[0].prefix env/prefix-invalid Invalid value "1": ${STRICT_NAME}`,
    ]);
    expect(envFrom([{ prefix: '1', configMapRef: { name: 'c' } }], '1.32')).toEqual([]);
  });

  it('checks the name of a configMapKeyRef as a whole name, not a generateName prefix', () => {
    expect(env([{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg-', key: 'k' } } }])).toEqual([
      `${C}.env[0].valueFrom.configMapKeyRef.name env/ref-name-invalid Invalid value "cfg-": ${SUBDOMAIN}`,
    ]);
  });

  it('takes a name that is a generateName prefix, as Go checks it', () => {
    expect(envFrom([{ prefix: 'P_', configMapRef: { name: 'cfg-' } }])).toEqual([]);
  });

  it('needs exactly one of configMapRef and secretRef, reported at envFrom', () => {
    expect(envFrom([{ configMapRef: { name: 'c' }, secretRef: { name: 's' } }])).toEqual([
      `${C}.envFrom env/env-from-multiple Invalid value: may not have more than one field specified at a time`,
    ]);
    expect(envFrom([{}])).toEqual([
      `${C}.envFrom env/env-from-empty Invalid value: must specify one of: \`configMapRef\` or \`secretRef\``,
    ]);
  });

  it('requires the referenced name and checks it', () => {
    expect(envFrom([{ configMapRef: { name: '' } }, { secretRef: { name: 'Bad' } }])).toEqual([
      `${C}.envFrom[0].configMapRef.name env/ref-name-required Required value: name the object to read variables from`,
      `${C}.envFrom[1].secretRef.name env/ref-name-invalid Invalid value "Bad": ${SUBDOMAIN}`,
    ]);
  });
});

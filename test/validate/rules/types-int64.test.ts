import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDaemonSet } from '../../../src/plan';
import { cloneJson } from '../../../src/validate/defaults/json';
import { exactIntegerAt } from '../../../src/validate/exact-integers';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { readYamlStream } from '../../../src/yaml';
import { findOracle, runOracle } from '../../support/oracle';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Integers at and around ±2^53 and ±2^63 in int64 and int32 fields, read from YAML as `validate`
 * reads them. kubectl sends the digits go-yaml read (an int, or a uint64 above 2^63 - 1; a float
 * below -2^63, which encoding/json writes as -9223372036854776000), and Go's strict decoder checks
 * them exactly against the field's range. The verdicts are the 1.27 server's (`k8s-oracle/run 1.27`,
 * re-checked below when it is present); the paths are those of validation where decoding passes.
 */

const DECODE = 'decode';
const VALID = 'valid';
const TGPS = 'spec.template.spec.terminationGracePeriodSeconds';
const RUN_AS_USER = 'spec.template.spec.securityContext.runAsUser';

/** Where each value is written: [name, the YAML of the DaemonSet with the value, the path validation reports]. */
const FIELDS: readonly [string, (v: string) => string, string][] = [
  ['terminationGracePeriodSeconds (int64)', (v) => doc('', `      terminationGracePeriodSeconds: ${v}\n`), TGPS],
  [
    'securityContext.runAsUser (int64, at most 2^31 - 1)',
    (v) => doc('', `      securityContext: {runAsUser: ${v}}\n`),
    RUN_AS_USER,
  ],
  ['minReadySeconds (int32)', (v) => doc(`  minReadySeconds: ${v}\n`, ''), 'spec.minReadySeconds'],
];

function doc(spec: string, pod: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: x, namespace: default}
spec:
${spec}  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers: [{name: c, image: i}]
${pod}`;
}

/** [value as written, the 1.27 server's answer for the int64 field without bound, with runAsUser's bound, for int32]. */
const VALUES: readonly [string, string, string, string][] = [
  ['9007199254740991', VALID, RUN_AS_USER, DECODE], // 2^53 - 1
  ['9007199254740992', VALID, RUN_AS_USER, DECODE], // 2^53
  ['9007199254740993', VALID, RUN_AS_USER, DECODE], // 2^53 + 1: no double
  ['-9007199254740993', VALID, RUN_AS_USER, DECODE],
  ['9223372036854775806', VALID, RUN_AS_USER, DECODE],
  ['9223372036854775807', VALID, RUN_AS_USER, DECODE], // max int64, whose nearest double is 2^63
  ['0x7fffffffffffffff', VALID, RUN_AS_USER, DECODE], // the same in hex
  ['9223372036854775808', DECODE, DECODE, DECODE], // 2^63: a uint64 to go-yaml
  ['0x8000000000000000', DECODE, DECODE, DECODE],
  ['18446744073709551615', DECODE, DECODE, DECODE], // max uint64
  ['18446744073709551616', DECODE, DECODE, DECODE], // a float to go-yaml
  ['-9223372036854775808', VALID, RUN_AS_USER, DECODE], // min int64
  ['-9223372036854775809', DECODE, DECODE, DECODE], // a float, sent as -9223372036854776000
  ['9.2e18', VALID, RUN_AS_USER, DECODE], // a float, sent as 9200000000000000000
  ['1e19', DECODE, DECODE, DECODE], // a float, sent as 10000000000000000000
  ['1e21', DECODE, DECODE, DECODE], // a float, sent as 1e+21
];

/** Our answer for a YAML text: `decode` (a strict-decoding error), `valid`, or the paths of validation. */
function ours(text: string): string {
  const [d] = readYamlStream(text);
  expect(d.errors).toEqual([]);
  const errors = validateForVersion(d.value).errors;
  if (errors.length === 0) return VALID;
  if (errors.every((e) => e.code.startsWith('type/'))) return DECODE;
  return [...new Set(errors.map((e) => toFieldPath(e.path)))].join(', ');
}

const CASES = FIELDS.flatMap(([field, text, validPath], f) =>
  VALUES.map(([value, ...answers]) => {
    const answer = answers[f] === RUN_AS_USER ? validPath : answers[f];
    return { label: `${field} = ${value}`, text: text(value), answer };
  }),
);

describe('integers beyond 2^53 in YAML', () => {
  it.each(CASES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    expect(ours(c.text)).toBe(c.answer);
  });

  it('names the value Go reads in the range error: the digits written, or a float as encoding/json writes it', () => {
    const messages = (value: string) => {
      const [d] = readYamlStream(FIELDS[0][1](value));
      return validateForVersion(d.value).errors.map((e) => e.message);
    };
    expect(messages('9223372036854775808')).toEqual([
      'must fit in int64 (-9223372036854775808 to 9223372036854775807), got 9223372036854775808',
    ]);
    expect(messages('-9223372036854775809')).toEqual([
      'must fit in int64 (-9223372036854775808 to 9223372036854775807), got -9223372036854776000',
    ]);
  });

  it('names the written value in validation messages, as the server does, not the nearest double', () => {
    const [d] = readYamlStream(
      doc(
        '',
        '      securityContext: {runAsUser: 9223372036854775807, supplementalGroups: [9007199254740993]}\n' +
          '      initContainers: [{name: i, image: i, securityContext: {runAsGroup: -9007199254740993}}]\n',
      ),
    );
    expect(validateForVersion(d.value).errors.map((e) => e.message)).toEqual([
      'Invalid value -9007199254740993: must be between 0 and 2147483647, inclusive',
      'runAsUser must be between 0 and 2147483647, inclusive, got 9223372036854775807',
      'a supplemental group must be between 0 and 2147483647, inclusive, got 9007199254740993',
    ]);
  });

  it('checks an int-or-string against int32 with the written value, and takes any integer as a quantity', () => {
    const errors = (spec: string, pod: string) => {
      const [d] = readYamlStream(doc(spec, pod));
      expect(d.errors).toEqual([]);
      return validateForVersion(d.value).errors.map((e) => `${toFieldPath(e.path)} ${e.code}: ${e.message}`);
    };
    expect(
      errors('  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 9223372036854775807}}\n', ''),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable type/integer-out-of-range: must fit in int32 (-2147483648 to 2147483647), got 9223372036854775807',
    ]);
    // k8s-oracle 1.27: VALID (a quantity's digits may be as many as it likes).
    expect(errors('', '      overhead: {cpu: 9223372036854775807}\n')).toEqual([]);
  });

  it('reports an integer where a string belongs as a number', () => {
    const [d] = readYamlStream(doc('', '      serviceAccountName: 9223372036854775807\n'));
    expect(validateForVersion(d.value).errors.map((e) => `${e.code}: ${e.message.split(':')[0]}`)).toEqual([
      'type/invalid-type: must be a string, got number 9223372036854776000',
    ]);
  });

  it('keeps the manifest plain JSON data: the nearest number, the exact integer beside it', () => {
    const [d] = readYamlStream(FIELDS[0][1]('9223372036854775807'));
    const pod = (d.value as any).spec.template.spec;
    expect(pod.terminationGracePeriodSeconds).toBe(2 ** 63);
    expect(JSON.parse(JSON.stringify(d.value)).spec.template.spec.terminationGracePeriodSeconds).toBe(2 ** 63);
    expect(exactIntegerAt(pod, 'terminationGracePeriodSeconds')).toBe(9223372036854775807n);
    expect(exactIntegerAt(cloneJson(d.value as any).spec.template.spec, 'terminationGracePeriodSeconds')).toBe(
      9223372036854775807n,
    );
  });

  it('reads exact integers in lists, through aliases, and forgets one a merge overwrites', () => {
    const [d] = readYamlStream(`a: &big 9223372036854775807
b: -9223372036854775808
list: [1, *big]
merged:
  x: 9223372036854775807
  <<: {x: 5}
`);
    const v = d.value as any;
    expect(exactIntegerAt(v, 'a')).toBe(9223372036854775807n);
    expect(exactIntegerAt(v, 'b')).toBe(-9223372036854775808n);
    expect(exactIntegerAt(v.list, 1)).toBe(9223372036854775807n);
    expect(exactIntegerAt(v.list, 0)).toBeUndefined();
    expect(v.merged.x).toBe(5);
    expect(exactIntegerAt(v.merged, 'x')).toBeUndefined();
  });

  it('gives a JS number beyond 2^53 (no reader involved) the digits JSON.stringify sends', () => {
    const ds = (value: number) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'x', namespace: 'default' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: {
          metadata: { labels: { a: 'b' } },
          spec: { containers: [{ name: 'c', image: 'i' }], terminationGracePeriodSeconds: value },
        },
      },
    });
    // -2^63 as a double goes out as -9223372036854776000: beyond int64, as the server says.
    expect(validateForVersion(ds(-(2 ** 63))).errors.map((e) => e.code)).toEqual(['type/integer-out-of-range']);
    expect(validateForVersion(ds(2 ** 62)).errors).toEqual([]);
  });

  it('plans an update to max int64 as the server takes it', () => {
    const read = (value: string) => readYamlStream(FIELDS[0][1](value))[0].value;
    const plan = (value: string) =>
      planDaemonSet({ namespace: 'default', name: 'x' }, read('30'), read(value), { kubernetesVersion: '1.27' });
    expect(plan('9223372036854775807').rejected).toEqual([]);
    expect(plan('9223372036854775808').rejected.map((r) => r.code)).toEqual(['type/integer-out-of-range']);
  });
});

const oracle = findOracle();
if (!oracle)
  console.warn('NOTICE: types-int64: the 1.27 oracle is absent (set K8S_SHARED), the verdicts are not re-checked');

describe.skipIf(!oracle)('the recorded verdicts are the 1.27 server', () => {
  it('answers each case as the table says', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'types-int64-'));
    try {
      const files = CASES.map((c, i) => {
        const f = path.join(tmp, `${i}.yaml`);
        fs.writeFileSync(f, c.text);
        return f;
      });
      const server = runOracle(oracle!, '1.27', files).map((r) =>
        r.verdict === 'VALID'
          ? VALID
          : r.verdict === 'DECODEERR'
            ? DECODE
            : [...new Set(r.causes.map((c) => c.path))].join(', '),
      );
      expect(server).toEqual(CASES.map((c) => c.answer));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

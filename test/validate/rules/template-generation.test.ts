import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { isGoInt64, TEMPLATE_GENERATION_ANNOTATION } from '../../../src/validate/rules/template-generation';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

const withAnnotation = (value: unknown) =>
  daemonSet((ds) => {
    ds.metadata.annotations = { [TEMPLATE_GENERATION_ANNOTATION]: value };
  });

const errorsOf = (m: unknown, version = '1.27') =>
  validateForVersion(m, { kubernetesVersion: version }).errors.map((i) => `${toFieldPath(i.path)} ${i.code}`);

describe('the template-generation annotation (Convert_v1_DaemonSet_To_apps_DaemonSet)', () => {
  // Each answer checked against `k8s-oracle/run 1.27` (test/k8s/fixtures/update has the oracle's own check).
  it.each(['1', '+7', '007', '-5', '9223372036854775807', '-9223372036854775808'])('accepts %s', (v) => {
    expect(isGoInt64(v)).toBe(true);
    expect(errorsOf(withAnnotation(v))).toEqual([]);
  });

  it.each(['two', '', ' 1', '1_0', '0x10', '1.0', '9223372036854775808', '-9223372036854775809'])(
    'refuses %j while decoding, before validation',
    (v) => {
      expect(isGoInt64(v)).toBe(false);
      const bad = withAnnotation(v);
      bad.spec.template.spec.containers = []; // a validation error that decoding must hide
      expect(errorsOf(bad)).toEqual([
        `metadata.annotations[${TEMPLATE_GENERATION_ANNOTATION}] type/template-generation-not-an-integer`,
      ]);
    },
  );

  it('is refused at every minor', () => {
    expect(errorsOf(withAnnotation('two'), '1.34')).toEqual([
      `metadata.annotations[${TEMPLATE_GENERATION_ANNOTATION}] type/template-generation-not-an-integer`,
    ]);
  });

  it('means nothing on a Pod: only the DaemonSet conversion reads it', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', annotations: { [TEMPLATE_GENERATION_ANNOTATION]: 'two' } },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    };
    expect(errorsOf(pod)).toEqual([]);
  });

  it('leaves a non-string value to the type walk', () => {
    expect(errorsOf(withAnnotation(5))).toEqual([
      `metadata.annotations[${TEMPLATE_GENERATION_ANNOTATION}] type/invalid-type`,
    ]);
  });

  it('says what would be right', () => {
    const [issue] = validateForVersion(withAnnotation('two')).errors;
    expect(issue.message).toContain('got "two"');
    expect(issue.message).toContain('a whole number such as "1"');
  });
});

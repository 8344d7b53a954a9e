import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { isRfc3339, typesRules } from '../../../src/validate/rules/types';
import { readYamlStream } from '../../../src/yaml';
import { daemonSet } from '../../support/manifest';

// metav1.Time fields: the strict decoder parses them with time.Parse(time.RFC3339, s). Each
// verdict below is the API server's for a DaemonSet with that creationTimestamp (k8s-oracle run
// 1.27: VALID, or DECODEERR "parsing time ...: month/day/hour/minute/second out of range").

function typeIssues(m: unknown): string[] {
  return validateManifest(m, [typesRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

describe('types: times', () => {
  it('reports a creationTimestamp that is not RFC 3339', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.metadata.creationTimestamp = '2023-04-11 09:30';
        }),
      ),
    ).toEqual(['metadata.creationTimestamp type/invalid-time']);
  });

  it('accepts an unquoted YAML timestamp, which kubectl passes on as a string', () => {
    const docs = readYamlStream('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: 2023-04-11T09:30:00Z\n');
    expect(docs).toHaveLength(1);
    expect(docs[0].errors).toEqual([]);
    expect(typeIssues(docs[0].value)).toEqual([]);
  });

  it.each([
    ['2023-04-11T09:30:00Z', true],
    ['2023-04-11T09:30:00.123+02:00', true],
    ['2023-04-11t09:30:00Z', false],
    ['2023-04-11T09:30:00', false],
    ['2023-04-11', false],
    // Nothing before or after the time.
    ['x2023-04-11T09:30:00Z', false],
    ['2023-04-11T09:30:00Zx', false],
  ])('reads %j as time.Parse(RFC3339) does', (s, ok) => {
    expect(isRfc3339(s)).toBe(ok);
  });

  it.each([
    // February: 29 days in years divisible by 4, but not by 100 unless by 400.
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2000-02-29T00:00:00Z', true],
    ['2100-02-29T00:00:00Z', false],
    ['2024-02-30T00:00:00Z', false],
    // The other months' lengths, each month by its own.
    ['2023-01-31T00:00:00Z', true],
    ['2023-04-30T00:00:00Z', true],
    ['2023-04-31T00:00:00Z', false],
    ['2023-06-31T00:00:00Z', false],
    ['2023-07-31T00:00:00Z', true],
    ['2023-12-31T23:59:59Z', true],
    ['2023-12-32T00:00:00Z', false],
    // Months 1-12, days from 1.
    ['2023-00-10T00:00:00Z', false],
    ['2023-13-10T00:00:00Z', false],
    ['2023-04-00T00:00:00Z', false],
  ])('checks the date of %j against the calendar', (s, ok) => {
    expect(isRfc3339(s)).toBe(ok);
  });

  it.each([
    ['2023-04-11T23:00:00Z', true],
    ['2023-04-11T24:00:00Z', false],
    ['2023-04-11T09:59:59Z', true],
    ['2023-04-11T09:60:00Z', false],
    ['2023-04-11T09:30:60Z', false],
  ])('checks the clock of %j: hours to 23, minutes and seconds to 59', (s, ok) => {
    expect(isRfc3339(s)).toBe(ok);
  });
});

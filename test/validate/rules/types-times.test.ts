import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { isRfc3339, manifestTypes, typesRules } from '../../../src/validate/rules/types';
import { readYamlStream } from '../../../src/yaml';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../../src/validate/versions';
import { profileOf } from '../../../src/validate/versions/profile';
import { daemonSet } from '../../support/manifest';

// metav1.Time fields: the strict decoder parses them with time.Parse(time.RFC3339, s). Each
// verdict below is the API server's for a DaemonSet with that creationTimestamp (k8s-oracle run
// 1.27: VALID, or DECODEERR "parsing time ...: month/day/hour/minute/second out of range"; for the
// zone offsets, run 1.27-1.34: "time zone offset hour/minute out of range" from 1.28 only).

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
    expect([isRfc3339(s, false), isRfc3339(s, true)]).toEqual([ok, ok]);
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
    expect([isRfc3339(s, false), isRfc3339(s, true)]).toEqual([ok, ok]);
  });

  it.each([
    ['2023-04-11T23:00:00Z', true],
    ['2023-04-11T24:00:00Z', false],
    ['2023-04-11T09:59:59Z', true],
    ['2023-04-11T09:60:00Z', false],
    ['2023-04-11T09:30:60Z', false],
  ])('checks the clock of %j: hours to 23, minutes and seconds to 59', (s, ok) => {
    expect([isRfc3339(s, false), isRfc3339(s, true)]).toEqual([ok, ok]);
  });

  // Beyond 23:59 the strict RFC 3339 parser gives up and the general one decides: any two digits in
  // 1.27's Go, an hour to 24 and a minute to 60 from 1.28's.
  const OFFSETS: [string, boolean, boolean][] = [
    ['+23:59', true, true],
    ['+24:00', true, true],
    ['+23:60', true, true],
    ['+24:60', true, true],
    ['-24:60', true, true],
    ['+23:61', true, false],
    ['+24:61', true, false],
    ['+25:00', true, false],
    ['-25:00', true, false],
    ['+99:99', true, false],
  ];

  it.each(OFFSETS)('reads the zone offset %s as 1.27 (%s) and 1.28+ (%s) do', (offset, before, since) => {
    const s = `2023-04-11T09:30:00${offset}`;
    expect([isRfc3339(s, false), isRfc3339(s, true)]).toEqual([before, since]);
  });

  it('checks a zone offset as the minor checked does', () => {
    const got = SUPPORTED_KUBERNETES_VERSIONS.map((v) => {
      const refused = OFFSETS.filter(([offset]) => {
        const manifest = daemonSet((ds) => {
          ds.metadata.creationTimestamp = `2023-04-11T09:30:00${offset}`;
        });
        return manifestTypes(manifest, [], { manifest, profile: profileOf(v) }).length > 0;
      });
      return `${v}: ${refused.map(([offset]) => offset).join(' ')}`;
    });
    expect(got).toEqual([
      '1.27: ',
      ...SUPPORTED_KUBERNETES_VERSIONS.slice(1).map((v) => `${v}: +23:61 +24:61 +25:00 -25:00 +99:99`),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { manifestTypes, propertiesOf, typesRules } from '../../../src/validate/rules/types';
import { profileOf } from '../../../src/validate/versions/profile';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// The strict decoder's walk over what a YAML file cannot hold but a manifest built in code can
// (undefined, a Date), and the node kinds the common manifests leave untried. The rejected
// manifests here are refused by the 1.27 API server's strict decoding (k8s-oracle run 1.27:
// DECODEERR); the accepted ones are VALID there as kubectl sends them.

function typeIssues(m: unknown): string[] {
  return validateManifest(m, [typesRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

describe('types: the walk of a manifest', () => {
  // First in this file on purpose: the schema's type tree is compiled once per module load, by the
  // first manifest checked, so this case is the one a mutation run ties to the compiler.
  it('reports a number among the string values of a map, which the compiled tree types as a map', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.metadata.labels = { tier: 1 };
        }),
      ),
    ).toEqual(['metadata.labels[tier] type/invalid-type']);
  });

  it('accepts an undefined map value, which JSON (and so the request) leaves out', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.metadata.labels = { app: 'agent', gone: undefined };
        }),
      ),
    ).toEqual([]);
  });

  it('reports a number where a boolean is expected', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.hostNetwork = 1;
        }),
      ),
    ).toEqual(['spec.template.spec.hostNetwork type/invalid-type']);
  });

  it('accepts a Date where a string or a time is expected, as synth writes it as a timestamp kubectl sends as text', () => {
    const at = new Date('2023-04-11T09:30:00Z');
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.metadata.annotations = { built: at };
          ds.metadata.creationTimestamp = at;
        }),
      ),
    ).toEqual([]);
  });

  it('leaves a kind without a schema root alone, an object or not', () => {
    const profile = profileOf('1.27');
    for (const manifest of [{ apiVersion: 'v1', kind: 'ConfigMap', data: { a: 1 } }, { kind: 'DaemonSet' }, 'x']) {
      expect(manifestTypes(manifest, [], { manifest, profile })).toEqual([]);
    }
  });

  it('has no properties for a definition the schema lacks', () => {
    expect(propertiesOf('io.k8s.api.core.v1.NoSuchThing')).toBeUndefined();
    expect(propertiesOf('string')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { gcePdReadOnlyRules } from '../../../src/validate/rules/gce-pd-read-only';
import { daemonSet } from '../../support/manifest';

// ValidateReadOnlyPersistentDisks (apps ValidateDaemonSetSpec): each writable gcePersistentDisk of
// a DaemonSet's template, in 1.27 and 1.28 only. Verdicts and paths are the 1.27 … 1.30 API
// servers' (k8s-oracle); the message is ours.

const V = 'spec.template.spec.volumes';
const MESSAGE =
  'Invalid value false: must be true for replicated pods > 1; GCE PD can only be mounted on multiple machines if it is read-only: set readOnly: true';

const writable = daemonSet((_d, p) => {
  p.volumes = [
    { name: 'a', gcePersistentDisk: { pdName: 'p' } },
    { name: 'b', emptyDir: {} },
    { name: 'c', gcePersistentDisk: { pdName: 'q', readOnly: false } },
    { name: 'd', gcePersistentDisk: { pdName: 'r', readOnly: true } },
  ];
});

const said = (version: string) =>
  validateForVersion(writable, { kubernetesVersion: version }).errors.map(
    (i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`,
  );

describe('gcePersistentDisk in a DaemonSet', () => {
  it.each(['1.27', '1.28'])('must be read-only in %s, each writable one reported', (version) => {
    expect(said(version)).toEqual([
      `${V}[0].gcePersistentDisk.readOnly daemonset/gce-pd-not-read-only ${MESSAGE}`,
      `${V}[2].gcePersistentDisk.readOnly daemonset/gce-pd-not-read-only ${MESSAGE}`,
    ]);
  });

  it.each(['1.29', '1.30'])('may be writable from 1.29 (SkipReadOnlyValidationGCE): %s', (version) => {
    expect(said(version)).toEqual([]);
  });

  it("is not the rule's business in a Pod, which has no template", () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [{ name: 'c', image: 'busybox' }],
        volumes: [{ name: 'a', gcePersistentDisk: { pdName: 'p' } }],
      },
    };
    expect(validateManifest(pod, [gcePdReadOnlyRules])).toEqual([]);
  });

  it('skips a null gcePersistentDisk, which the decoder drops as absent', () => {
    const ds = daemonSet((_d, p) => {
      p.volumes = [{ name: 'a', gcePersistentDisk: null }];
    });
    expect(validateManifest(ds, [gcePdReadOnlyRules])).toEqual([]);
  });
});

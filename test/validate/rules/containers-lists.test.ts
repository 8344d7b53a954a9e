import { describe, expect, it } from 'vitest';
import { containersRules } from '../../../src/validate/rules/containers';
import { daemonSet, issuesOf } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// How each container list is checked (validateContainers, validateInitContainers,
// validateEphemeralContainers and validateContainerOnlyForPod, 1.27): an empty name counts in the
// regular containers' name set, which init and ephemeral containers are checked against, and
// ephemeral containers (forbidden in a template, but validated there all the same) get the Pod-only
// image check. Every case is re-checked against the 1.27 kube-apiserver (k8s-oracle).

const at = pipelineIssues({ rules: [containersRules] });
const S = 'spec.template.spec';
const IMAGE = 'busybox:1.36';
const withPod = (f: (pod: any) => void) => daemonSet((_d, p) => f(p));

ruleCases(
  'names across the container lists, and ephemeral containers in a template',
  [
    {
      name: 'an unnamed init container duplicates an unnamed container',
      manifest: withPod((p) => {
        p.containers[0].name = '';
        p.initContainers = [{ name: '', image: IMAGE }];
      }),
      want: [
        `${S}.containers[0].name container/name-required`,
        `${S}.initContainers[0].name container/name-duplicate`,
        `${S}.initContainers[0].name container/name-required`,
      ],
    },
    {
      name: 'an unnamed ephemeral container duplicates an unnamed container',
      manifest: withPod((p) => {
        p.containers[0].name = '';
        p.ephemeralContainers = [{ name: '', image: IMAGE }];
      }),
      want: [
        `${S}.containers[0].name container/name-required`,
        `${S}.ephemeralContainers[0].name container/name-duplicate`,
        `${S}.ephemeralContainers[0].name container/name-required`,
      ],
    },
    {
      name: 'an unnamed ephemeral container duplicates an unnamed init container',
      manifest: withPod((p) => {
        p.initContainers = [{ name: '', image: IMAGE }];
        p.ephemeralContainers = [{ name: '', image: IMAGE }];
      }),
      want: [
        `${S}.ephemeralContainers[0].name container/name-duplicate`,
        `${S}.ephemeralContainers[0].name container/name-required`,
        `${S}.initContainers[0].name container/name-required`,
      ],
    },
    {
      name: 'a second unnamed ephemeral container duplicates the first',
      manifest: withPod((p) => {
        p.ephemeralContainers = [
          { name: '', image: IMAGE },
          { name: '', image: IMAGE },
        ];
      }),
      want: [
        `${S}.ephemeralContainers[0].name container/name-required`,
        `${S}.ephemeralContainers[1].name container/name-duplicate`,
        `${S}.ephemeralContainers[1].name container/name-required`,
      ],
    },
    {
      name: "an ephemeral container's padded image is refused even in a template",
      manifest: withPod((p) => {
        p.ephemeralContainers = [{ name: 'debug', image: ' busybox' }];
      }),
      want: [`${S}.ephemeralContainers[0].image container/image-whitespace`],
    },
    {
      name: 'an empty targetContainerName names no container to look for',
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
        spec: {
          containers: [{ name: 'agent', image: IMAGE }],
          ephemeralContainers: [{ name: 'debug', image: IMAGE, targetContainerName: '' }],
        },
      },
      want: [],
      notServer: 'a Pod: only a Pod may have ephemeral containers, and the oracle creates DaemonSets',
    },
  ],
  at,
);

// Without the strict decoder (validateManifest) a name of the wrong type reaches these rules; the
// types rule reports it, and two such names are not the same name.
describe('container names of the wrong type', () => {
  it('are not duplicates of each other', () => {
    const ds = withPod((p) => {
      p.containers = [
        { name: 5, image: IMAGE },
        { name: 5, image: IMAGE },
      ];
    });
    const got = issuesOf(ds);
    expect(got.filter((l) => l.includes(' type/'))).not.toEqual([]);
    expect(got.filter((l) => l.includes(' container/'))).toEqual([]);
  });
});

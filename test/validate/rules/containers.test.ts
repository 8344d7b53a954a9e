import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { containersRules } from '../../../src/validate/rules/containers';
import { envRules } from '../../../src/validate/rules/env';
import { portsRules } from '../../../src/validate/rules/ports';
import { probesRules } from '../../../src/validate/rules/probes';
import { resourcesRules } from '../../../src/validate/rules/resources';
import { securityContextRules } from '../../../src/validate/rules/security-context';
import { volumeMountsRules } from '../../../src/validate/rules/volume-mounts';
import { volumesRules } from '../../../src/validate/rules/volumes';
import { CORPORA, daemonSet, issuesOf } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';
import { dns1123LabelErrors } from '../../../src/validate/rules/_shared/names';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Issues of this area only, so other areas' rules cannot make these tests pass or fail. */
function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('container/'));
}

const C = 'spec.template.spec.containers';
const I = 'spec.template.spec.initContainers';

function pod(edit: (pod: any) => void): any {
  const p: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
  };
  edit(p.spec);
  return p;
}

describe('containers', () => {
  it('accepts a minimal DaemonSet', () => {
    expect(of(daemonSet())).toEqual([]);
  });

  it('requires at least one container', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.containers = [];
        }),
      ),
    ).toEqual(['spec.template.spec.containers container/containers-required']);
  });

  it('requires a container name', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          delete c.name;
        }),
      ),
    ).toEqual([`${C}[0].name container/name-required`]);
  });

  it('rejects a name that is not an RFC 1123 label', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.name = 'Agent_1';
        }),
      ),
    ).toEqual([`${C}[0].name container/name-invalid`]);
  });

  it('reports a duplicate regular container at the later one', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.containers.push({ name: 'agent', image: 'x' });
        }),
      ),
    ).toEqual([`${C}[1].name container/name-duplicate`]);
  });

  it('reports an init container named like a regular one', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.initContainers = [{ name: 'agent', image: 'x' }];
        }),
      ),
    ).toEqual([`${I}[0].name container/name-duplicate`]);
  });

  it('accepts distinct init and regular container names', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.initContainers = [{ name: 'setup', image: 'x' }];
        }),
      ),
    ).toEqual([]);
  });

  it('requires an image', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.image = '';
        }),
      ),
    ).toEqual([`${C}[0].image container/image-required`]);
  });

  it('keeps whitespace around the image of a pod template, as the API server does', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.image = ' busybox ';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects whitespace around the image of a Pod', () => {
    expect(
      of(
        pod((s) => {
          s.containers[0].image = 'busybox ';
        }),
      ),
    ).toEqual(['spec.containers[0].image container/image-whitespace']);
  });

  it('accepts the three pull policies and an empty one (defaulted)', () => {
    for (const p of ['Always', 'IfNotPresent', 'Never', '']) {
      expect(
        of(
          daemonSet((_d, _p, c) => {
            c.imagePullPolicy = p;
          }),
        ),
      ).toEqual([]);
    }
  });

  it('rejects an unknown pull policy', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.imagePullPolicy = 'Sometimes';
        }),
      ),
    ).toEqual([`${C}[0].imagePullPolicy container/image-pull-policy-unsupported`]);
  });

  it('accepts FallbackToLogsOnError as termination message policy', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.terminationMessagePolicy = 'FallbackToLogsOnError';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown termination message policy', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.terminationMessagePolicy = 'Logs';
        }),
      ),
    ).toEqual([`${C}[0].terminationMessagePolicy container/termination-message-policy-unsupported`]);
  });

  it('forbids probes and lifecycle on init containers', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.initContainers = [
            {
              name: 'setup',
              image: 'x',
              lifecycle: { preStop: { exec: { command: ['x'] } } },
              readinessProbe: { exec: { command: ['x'] } },
            },
          ];
        }),
      ),
    ).toEqual([
      `${I}[0].lifecycle container/init-field-forbidden`,
      `${I}[0].readinessProbe container/init-field-forbidden`,
    ]);
  });

  it('forbids ports on ephemeral containers and checks their target', () => {
    expect(
      of(
        pod((s) => {
          s.ephemeralContainers = [
            { name: 'debug', image: 'x', targetContainerName: 'nope', ports: [{ containerPort: 80 }] },
          ];
        }),
      ),
    ).toEqual([
      'spec.ephemeralContainers[0].ports container/ephemeral-field-forbidden',
      'spec.ephemeralContainers[0].targetContainerName container/target-container-not-found',
    ]);
  });

  it('accepts an ephemeral container that targets a regular container', () => {
    expect(
      of(
        pod((s) => {
          s.ephemeralContainers = [{ name: 'debug', image: 'x', targetContainerName: 'agent' }];
        }),
      ),
    ).toEqual([]);
  });
});

// Every DaemonSet in the wild runs on real clusters: the container and volume rules must accept all.
const WILD = CORPORA === undefined ? undefined : join(CORPORA, 'daemonsets-in-the-wild');
if (WILD === undefined) console.warn('K8S_CORPORA is not set: skipping the daemonsets-in-the-wild conformance test');

describe.skipIf(WILD === undefined)('container and volume rules on daemonsets-in-the-wild', () => {
  const sets = [
    containersRules,
    portsRules,
    envRules,
    resourcesRules,
    probesRules,
    securityContextRules,
    volumeMountsRules,
    volumesRules,
  ];
  const files = WILD === undefined ? [] : readdirSync(WILD).filter((f) => f.endsWith('.yaml'));

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('accepts %s', (f) => {
    const doc = parse(readFileSync(join(WILD as string, f), 'utf8'), { version: '1.1' });
    expect(validateManifest(doc, sets).map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([]);
  });
});

// Table-driven cases (DaemonSets checked against the API server of their minor where the oracle
// is present; Pods, which the oracle does not take, say so).
const at = pipelineIssues({ rules: [containersRules] });
const POD = 'a Pod: the oracle takes DaemonSets';
const ds = (edit: (p: any, c: any) => void) => daemonSet((_d, p, c) => edit(p, c));
const E = 'spec.ephemeralContainers';

ruleCases(
  'container names, images and policies',
  [
    {
      name: 'says a pod needs a container',
      manifest: ds((p) => (p.containers = null)),
      want: [`${C} container/containers-required`],
      message: 'Required value: a pod needs at least one container in `containers`',
    },
    {
      name: 'says a container needs a name',
      manifest: ds((_p, c) => (c.name = '')),
      want: [`${C}[0].name container/name-required`],
      message: 'Required value: a container needs a name',
    },
    {
      name: 'reports each reason a name is not a label, with the value',
      manifest: ds((_p, c) => (c.name = `-${'a'.repeat(63)}`)),
      want: [`${C}[0].name container/name-invalid`, `${C}[0].name container/name-invalid`],
      sameCauses: true,
    },
    {
      name: 'shows the name that is not a label, and why',
      manifest: ds((_p, c) => (c.name = 'Agent')),
      want: [`${C}[0].name container/name-invalid`],
      message: `Invalid value "Agent": ${dns1123LabelErrors('Agent')[0]}`,
    },
    {
      name: 'says a duplicate regular container name must be unique',
      manifest: ds((p) => p.containers.push({ name: 'b', image: 'x' }, { name: 'agent', image: 'x' })),
      want: [`${C}[2].name container/name-duplicate`],
      message: 'Duplicate value: "agent": container names must be unique across containers and initContainers',
    },
    {
      name: 'reports two init containers of one name at the later one',
      manifest: ds((p) => {
        p.initContainers = [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'x' },
          { name: 'a', image: 'x' },
        ];
      }),
      want: [`${I}[2].name container/name-duplicate`],
      sameCauses: true,
    },
    {
      name: 'says an image is required, with an example',
      manifest: ds((_p, c) => delete c.image),
      want: [`${C}[0].image container/image-required`],
      message: 'Required value: a container needs an image, e.g. "busybox:1.36"',
    },
    {
      name: 'names the pull policies',
      manifest: ds((_p, c) => (c.imagePullPolicy = 'Sometimes')),
      want: [`${C}[0].imagePullPolicy container/image-pull-policy-unsupported`],
      message: 'Unsupported value "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    },
    {
      name: 'accepts the File termination message policy',
      manifest: ds((_p, c) => (c.terminationMessagePolicy = 'File')),
      want: [],
    },
    {
      name: 'names the termination message policies',
      manifest: ds((_p, c) => (c.terminationMessagePolicy = 'Logs')),
      want: [`${C}[0].terminationMessagePolicy container/termination-message-policy-unsupported`],
      message: 'Unsupported value "Logs": supported values: "File", "FallbackToLogsOnError"',
    },
    {
      name: 'forbids each probe on an init container, and says why',
      manifest: ds((p) => {
        const probe = { exec: { command: ['x'] } };
        p.initContainers = [{ name: 'setup', image: 'x', livenessProbe: probe, startupProbe: probe }];
      }),
      want: [
        `${I}[0].livenessProbe container/init-field-forbidden`,
        `${I}[0].startupProbe container/init-field-forbidden`,
      ],
      message: 'Forbidden: may not be set for init containers',
    },
    {
      name: 'lets a sidecar init container have probes and lifecycle (1.29)',
      manifest: ds((p) => {
        const probe = { exec: { command: ['x'] } };
        p.initContainers = [
          {
            name: 'proxy',
            image: 'x',
            restartPolicy: 'Always',
            livenessProbe: probe,
            readinessProbe: probe,
            startupProbe: probe,
            lifecycle: { preStop: { exec: { command: ['x'] } } },
          },
        ];
      }),
      want: [],
      version: '1.29',
    },
  ],
  at,
);

ruleCases(
  'Pod-only container rules',
  [
    {
      name: 'says what is wrong with whitespace around a Pod image',
      manifest: pod((s) => (s.containers[0].image = ' busybox')),
      want: ['spec.containers[0].image container/image-whitespace'],
      message: 'Invalid value " busybox": must not have leading or trailing whitespace',
      notServer: POD,
    },
    {
      name: 'refuses whitespace around an ephemeral container image',
      manifest: pod((s) => (s.ephemeralContainers = [{ name: 'debug', image: 'busybox ' }])),
      want: [`${E}[0].image container/image-whitespace`],
      notServer: POD,
    },
    {
      name: 'forbids each field an ephemeral container cannot have, and says why',
      manifest: pod((s) => {
        const probe = { exec: { command: ['x'] } };
        s.ephemeralContainers = [
          {
            name: 'debug',
            image: 'x',
            livenessProbe: probe,
            readinessProbe: probe,
            startupProbe: probe,
            lifecycle: { preStop: { exec: { command: ['x'] } } },
            resources: { requests: { cpu: '1' } },
            volumeMounts: [
              { name: 'v', mountPath: '/a', subPath: 'x' },
              { name: 'v', mountPath: '/b', subPathExpr: '$(X)' },
              { name: 'v', mountPath: '/c', subPath: '' },
            ],
          },
        ];
      }),
      want: [
        `${E}[0].lifecycle container/ephemeral-field-forbidden`,
        `${E}[0].livenessProbe container/ephemeral-field-forbidden`,
        `${E}[0].readinessProbe container/ephemeral-field-forbidden`,
        `${E}[0].resources container/ephemeral-field-forbidden`,
        `${E}[0].startupProbe container/ephemeral-field-forbidden`,
        `${E}[0].volumeMounts[0].subPath container/ephemeral-field-forbidden`,
        `${E}[0].volumeMounts[1].subPathExpr container/ephemeral-field-forbidden`,
      ],
      message: 'Forbidden: cannot be set for an Ephemeral Container',
      notServer: POD,
    },
    {
      name: 'forbids limits on an ephemeral container, not empty resources',
      manifest: pod((s) => {
        s.ephemeralContainers = [
          { name: 'd1', image: 'x', resources: { limits: { cpu: '1' } } },
          { name: 'd3', image: 'x', resources: {} },
        ];
      }),
      want: [`${E}[0].resources container/ephemeral-field-forbidden`],
      notServer: POD,
    },
    {
      // Before DynamicResourceAllocation is on by default (1.34) the claims are dropped first.
      name: 'forbids resource claims on an ephemeral container (1.34)',
      manifest: pod((s) => {
        s.resourceClaims = [{ name: 'c', resourceClaimName: 'gpu' }];
        s.ephemeralContainers = [{ name: 'd2', image: 'x', resources: { claims: [{ name: 'c' }] } }];
      }),
      want: [`${E}[0].resources container/ephemeral-field-forbidden`],
      version: '1.34',
      notServer: POD,
    },
    {
      name: 'says what an ephemeral target must name',
      manifest: pod((s) => (s.ephemeralContainers = [{ name: 'debug', image: 'x', targetContainerName: 'nope' }])),
      want: [`${E}[0].targetContainerName container/target-container-not-found`],
      message: 'Not found: "nope": must name a container or init container of this pod',
      notServer: POD,
    },
    {
      name: 'lets an ephemeral container target an init container',
      manifest: pod((s) => {
        s.initContainers = [{ name: 'setup', image: 'x' }];
        s.ephemeralContainers = [{ name: 'debug', image: 'x', targetContainerName: 'setup' }];
      }),
      want: [],
      notServer: POD,
    },
    {
      name: 'checks ephemeral names against regular, init and earlier ephemeral containers',
      manifest: pod((s) => {
        s.initContainers = [{ name: 'setup', image: 'x' }];
        s.ephemeralContainers = [
          { name: 'agent', image: 'x' },
          { name: 'setup', image: 'x' },
          { name: 'd', image: 'x' },
          { name: 'd', image: 'x' },
        ];
      }),
      want: [
        `${E}[0].name container/name-duplicate`,
        `${E}[1].name container/name-duplicate`,
        `${E}[3].name container/name-duplicate`,
      ],
      notServer: POD,
    },
  ],
  at,
);

describe('unnamed containers', () => {
  it('count an empty name twice among regular containers, as validateContainers does', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.containers = [
            { name: '', image: 'x' },
            { name: '', image: 'x' },
          ];
        }),
      ),
    ).toEqual([
      `${C}[0].name container/name-required`,
      `${C}[1].name container/name-duplicate`,
      `${C}[1].name container/name-required`,
    ]);
  });

  it('do not count an empty name twice among init containers', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.initContainers = [
            { name: '', image: 'x' },
            { name: '', image: 'x' },
          ];
        }),
      ),
    ).toEqual([`${I}[0].name container/name-required`, `${I}[1].name container/name-required`]);
  });

  it('leave values of a wrong type to the type rules', () => {
    expect(
      of(
        pod((s) => {
          s.containers = [{ name: 1, image: 1, imagePullPolicy: 1, terminationMessagePolicy: 1 }];
          s.ephemeralContainers = [{ name: 'd', image: 'x', targetContainerName: 1, volumeMounts: [{ subPath: 1 }] }];
        }),
      ),
    ).toEqual([]);
    expect(of(daemonSet((_d, p) => (p.containers = 'x')))).toEqual([]);
  });

  it('take an empty pull or termination policy as defaulted', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.imagePullPolicy = '';
          c.terminationMessagePolicy = '';
        }),
      ),
    ).toEqual([]);
  });
});

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

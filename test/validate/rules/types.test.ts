import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { propertiesOf, typesRules } from '../../../src/validate/rules/types';
import schema from '../../../src/validate/schema/k8s-1.27.json';
import { readYamlStream } from '../../../src/yaml';
import { daemonSet, issuesOf } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The type rules' issues only, as `path code` lines. */
function typeIssues(m: unknown): string[] {
  return validateManifest(m, [typesRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

function messages(m: unknown): string[] {
  return validateManifest(m, [typesRules]).map((i) => i.message);
}

function pod(spec: any): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
}

/** The one document of a YAML text, read as kubectl reads it (YAML 1.1). */
function yamlDoc(text: string): unknown {
  const docs = readYamlStream(text);
  expect(docs).toHaveLength(1);
  expect(docs[0].errors).toEqual([]);
  return docs[0].value;
}

const DS_YAML = (labelValue: string, envValue: string): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  labels:
    enabled: ${labelValue}
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        env:
        - name: UMASK
          value: ${envValue}
`;

describe('types: schema', () => {
  it('comes from the Kubernetes 1.27 OpenAPI and has both roots', () => {
    expect(schema.kubernetes).toBe('1.27.1');
    expect(schema.roots).toEqual({
      'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet',
      'v1/Pod': 'io.k8s.api.core.v1.Pod',
    });
  });

  it('defines every definition it references', () => {
    const defs = schema.definitions as Record<string, { properties: Record<string, string> }>;
    const scalars = new Set([
      'string',
      'boolean',
      'int32',
      'int64',
      'number',
      'quantity',
      'int-or-string',
      'time',
      'any',
    ]);
    const missing: string[] = [];
    for (const [name, def] of Object.entries(defs)) {
      for (const [p, t] of Object.entries(def.properties)) {
        const base = t.replace(/^(\[\]|\{\})+/, '');
        if (!scalars.has(base) && !defs[base]) missing.push(`${name}.${p}: ${t}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('knows 1.27 fields with their integer widths', () => {
    expect(propertiesOf('io.k8s.api.core.v1.Container')?.resizePolicy).toBe(
      '[]io.k8s.api.core.v1.ContainerResizePolicy',
    );
    expect(propertiesOf('io.k8s.api.core.v1.Container')?.restartPolicy).toBeUndefined(); // added in 1.28
    expect(propertiesOf('io.k8s.api.core.v1.ContainerPort')?.containerPort).toBe('int32');
    expect(propertiesOf('io.k8s.api.core.v1.PodSpec')?.activeDeadlineSeconds).toBe('int64');
  });
});

describe('types: accepted manifests', () => {
  it('accepts a minimal DaemonSet', () => {
    expect(typeIssues(daemonSet())).toEqual([]);
    expect(issuesOf(daemonSet())).toEqual([]);
  });

  it('accepts null for any field, as the decoder leaves the zero value', () => {
    expect(
      typeIssues(
        daemonSet((ds, pod, c) => {
          ds.metadata.creationTimestamp = null;
          ds.status = null;
          pod.nodeSelector = null;
          c.args = null;
          c.resources = { limits: { cpu: null } };
        }),
      ),
    ).toEqual([]);
  });

  it('accepts quoted YAML values that YAML 1.1 would otherwise retype', () => {
    expect(typeIssues(yamlDoc(DS_YAML('"yes"', '"0755"')))).toEqual([]);
  });

  it('accepts status, managedFields and an int64 beyond int32', () => {
    expect(
      typeIssues(
        daemonSet((ds, pod) => {
          ds.metadata.managedFields = [
            { manager: 'kubectl', operation: 'Update', time: '2023-04-11T09:30:00Z', fieldsV1: { 'f:spec': {} } },
          ];
          ds.status = {
            numberReady: 1,
            desiredNumberScheduled: 3,
            currentNumberScheduled: 3,
            numberMisscheduled: 0,
            observedGeneration: 2 ** 40,
          };
          pod.activeDeadlineSeconds = 3_000_000_000;
        }),
      ),
    ).toEqual([]);
  });
});

describe('types: wrong JSON types', () => {
  it('reports an unquoted yes label value, which YAML 1.1 reads as a boolean', () => {
    expect(typeIssues(yamlDoc(DS_YAML('yes', '"0755"')))).toEqual(['metadata.labels[enabled] type/invalid-type']);
  });

  it('reports an unquoted 0755 env value, which YAML 1.1 reads as the octal number 493', () => {
    const m = yamlDoc(DS_YAML('"yes"', '0755'));
    expect(typeIssues(m)).toEqual(['spec.template.spec.containers[0].env[0].value type/invalid-type']);
    expect(messages(m)[0]).toContain('got number 493');
  });

  it('reports a number where a string is expected', () => {
    expect(
      typeIssues(
        daemonSet((_ds, _pod, c) => {
          c.ports = [{ containerPort: 80, protocol: 22 }];
        }),
      ),
    ).toEqual(['spec.template.spec.containers[0].ports[0].protocol type/invalid-type']);
  });

  it('reports a string where an integer is expected', () => {
    expect(
      typeIssues(
        daemonSet((_ds, _pod, c) => {
          c.ports = [{ containerPort: '80' }];
        }),
      ),
    ).toEqual(['spec.template.spec.containers[0].ports[0].containerPort type/invalid-type']);
  });

  it('reports a string where a boolean is expected', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.hostNetwork = 'true';
        }),
      ),
    ).toEqual(['spec.template.spec.hostNetwork type/invalid-type']);
  });

  it('reports a list given for a map', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.nodeSelector = ['linux'];
        }),
      ),
    ).toEqual(['spec.template.spec.nodeSelector type/invalid-type']);
  });

  it('reports a map given for a list', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.containers = { name: 'agent', image: 'busybox' };
        }),
      ),
    ).toEqual(['spec.template.spec.containers type/invalid-type']);
  });

  it('reports a scalar given for an object', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.updateStrategy = 'OnDelete';
        }),
      ),
    ).toEqual(['spec.updateStrategy type/invalid-type']);
  });

  it('checks status too, which the decoder reads before the server drops it', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.status = { numberReady: 'one' };
        }),
      ),
    ).toEqual(['status.numberReady type/invalid-type']);
  });

  it('checks a Pod from its root', () => {
    expect(typeIssues(pod({ containers: [{ name: 'a', image: 'b', tty: 'yes' }] }))).toEqual([
      'spec.containers[0].tty type/invalid-type',
    ]);
  });
});

describe('types: integers', () => {
  it('reports an int32 field beyond 2147483647', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.minReadySeconds = 2_147_483_648;
        }),
      ),
    ).toEqual(['spec.minReadySeconds type/integer-out-of-range']);
  });

  it('accepts the int32 bounds', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.minReadySeconds = 2_147_483_647;
          ds.spec.revisionHistoryLimit = -2_147_483_648;
        }),
      ),
    ).toEqual([]);
  });

  it('reports an int64 field beyond 2^63', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.terminationGracePeriodSeconds = 1e19;
        }),
      ),
    ).toEqual(['spec.template.spec.terminationGracePeriodSeconds type/integer-out-of-range']);
  });

  it('reports a fraction in an integer field', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.terminationGracePeriodSeconds = 1.5;
        }),
      ),
    ).toEqual(['spec.template.spec.terminationGracePeriodSeconds type/not-an-integer']);
  });

  it('reports Infinity in an integer field, naming the value', () => {
    const m = { apiVersion: 'v1', kind: 'Pod', spec: { terminationGracePeriodSeconds: Infinity } };
    expect(typeIssues(m)).toEqual(['spec.terminationGracePeriodSeconds type/not-an-integer']);
    expect(messages(m)[0]).toContain('got Infinity');
  });

  it('leaves YAML .inf to the reader, which refuses the document as kubectl does', () => {
    const [doc] = readYamlStream('apiVersion: v1\nkind: Pod\nspec:\n  terminationGracePeriodSeconds: .inf\n');
    expect(doc.value).toBeUndefined();
    expect(doc.errors.join(' ')).toMatch(/Inf/);
  });

  it('accepts a float with no fraction, which reaches the server as an integer', () => {
    expect(typeIssues(yamlDoc('apiVersion: v1\nkind: Pod\nspec:\n  terminationGracePeriodSeconds: 30.0\n'))).toEqual(
      [],
    );
  });
});

describe('types: int-or-string', () => {
  it('accepts an integer and a percentage', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 1, maxSurge: '10%' } };
        }),
      ),
    ).toEqual([]);
  });

  it('reports a boolean', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: true } };
        }),
      ),
    ).toEqual(['spec.updateStrategy.rollingUpdate.maxUnavailable type/invalid-type']);
  });

  it('reports a fraction', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 0.5 } };
        }),
      ),
    ).toEqual(['spec.updateStrategy.rollingUpdate.maxUnavailable type/not-an-integer']);
  });

  it('reports an integer beyond int32', () => {
    expect(
      typeIssues(
        daemonSet((_ds, _pod, c) => {
          c.livenessProbe = { httpGet: { port: 2 ** 31 } };
        }),
      ),
    ).toEqual(['spec.template.spec.containers[0].livenessProbe.httpGet.port type/integer-out-of-range']);
  });
});

describe('types: quantities', () => {
  it('accepts strings in quantity syntax and plain numbers', () => {
    expect(
      typeIssues(
        daemonSet((_ds, _pod, c) => {
          c.resources = {
            requests: { cpu: '500m', memory: ' 128Mi ' },
            limits: { cpu: 0.5, memory: '1e9', 'nvidia.com/gpu': 1 },
          };
        }),
      ),
    ).toEqual([]);
  });

  it('reports a boolean request at the resource key, as error_quantity.yaml expects', () => {
    expect(
      typeIssues(
        daemonSet((_ds, _pod, c) => {
          c.resources = { requests: { cpu: true } };
        }),
      ),
    ).toEqual(['spec.template.spec.containers[0].resources.requests[cpu] type/invalid-type']);
  });

  it('reports a quantity with an unknown unit', () => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.volumes = [{ name: 'v', emptyDir: { sizeLimit: '1GB' } }];
        }),
      ),
    ).toEqual(['spec.template.spec.volumes[0].emptyDir.sizeLimit type/invalid-quantity']);
  });

  it.each(['1', '-1.5', '1.', '100Ki', '5e-3', '1E', ' 2Gi '])(
    'accepts the sizeLimit %j, as ParseQuantity does',
    (q) => {
      expect(
        typeIssues(
          daemonSet((_ds, pod) => {
            pod.volumes = [{ name: 'v', emptyDir: { sizeLimit: q } }];
          }),
        ),
      ).toEqual([]);
    },
  );

  it.each(['', '1 Gi', 'abc', '1e', '1ki'])('reports the sizeLimit %j, as ParseQuantity does', (q) => {
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.volumes = [{ name: 'v', emptyDir: { sizeLimit: q } }];
        }),
      ),
    ).toEqual(['spec.template.spec.volumes[0].emptyDir.sizeLimit type/invalid-quantity']);
  });
});

describe('types: unknown fields', () => {
  it('reports a field DaemonSetSpec does not have', () => {
    const m = daemonSet((ds) => {
      ds.spec.replicas = 2;
    });
    expect(typeIssues(m)).toEqual(['spec.replicas type/unknown-field']);
    expect(messages(m)[0]).toContain('unknown field "spec.replicas"');
  });

  it('reports a misspelled pod spec field', () => {
    expect(typeIssues(pod({ contAIN3rz: [] }))).toEqual(['spec.contAIN3rz type/unknown-field']);
  });

  it('reports a field with the wrong case and names the right one', () => {
    const m = daemonSet((_ds, _pod, c) => {
      c.ports = [{ containerPort: 53, hostIp: '10.0.0.1' }];
    });
    expect(typeIssues(m)).toEqual(['spec.template.spec.containers[0].ports[0].hostIp type/unknown-field']);
    expect(messages(m)[0]).toContain('did you mean "hostIP"?');
  });

  it('reports an unknown field in the pod template metadata', () => {
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.spec.template.metadata.label = { a: 'b' };
        }),
      ),
    ).toEqual(['spec.template.metadata.label type/unknown-field']);
  });

  it('reports an unknown top-level field', () => {
    expect(typeIssues({ ...daemonSet(), containers: [] })).toEqual(['containers type/unknown-field']);
  });

  it('treats __proto__, constructor and toString keys as unknown fields, not as the prototype', () => {
    const c = JSON.parse('{"name":"agent","image":"busybox","__proto__":{"tty":"x"},"constructor":1,"toString":2}');
    expect(
      typeIssues(
        daemonSet((_ds, pod) => {
          pod.containers = [c];
        }),
      ),
    ).toEqual([
      'spec.template.spec.containers[0].__proto__ type/unknown-field',
      'spec.template.spec.containers[0].constructor type/unknown-field',
      'spec.template.spec.containers[0].toString type/unknown-field',
    ]);
  });

  it('accepts any key in a map, __proto__ included', () => {
    const labels = JSON.parse('{"app":"agent","__proto__":"x","constructor":"y"}');
    expect(
      typeIssues(
        daemonSet((ds) => {
          ds.metadata.labels = labels;
        }),
      ),
    ).toEqual([]);
  });
});

describe('types: YAML the decoder never sees', () => {
  it('leaves duplicate keys to the YAML reader, which refuses the document', () => {
    const docs = readYamlStream('apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n  containers: []\n');
    expect(docs[0].errors.join('\n')).toMatch(/unique/);
  });
});

import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { validateForVersion } from '../../../src/validate/pipeline';
import { typesRules } from '../../../src/validate/rules/types';
import { readYamlStream } from '../../../src/yaml';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// What the decode errors say: the expected type, the value got, and how to fix it. Each manifest
// here is refused by the 1.27 API server's strict decoding (k8s-oracle run 1.27: DECODEERR or
// STRICT); the words are ours.

type Edit = (ds: any, pod: any, c: any) => void;

function said(edit: Edit): string[] {
  return validateManifest(daemonSet(edit), [typesRules]).map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);
}

const C = 'spec.template.spec.containers[0]';

describe('types: what a wrong JSON type is told', () => {
  it.each<[string, Edit, string]>([
    [
      'a string, with the YAML number hint',
      (_d, p) => {
        p.hostname = 5;
      },
      'spec.template.spec.hostname type/invalid-type must be a string, got number 5: YAML reads an unquoted number (even 0755) as a number, quote the value',
    ],
    [
      'a string, with the YAML boolean hint',
      (_d, p) => {
        p.nodeSelector = { enabled: true };
      },
      'spec.template.spec.nodeSelector[enabled] type/invalid-type must be a string, got boolean true: YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans, quote the value',
    ],
    [
      'a string, without a hint for an object',
      (_d, p) => {
        p.hostname = { a: 1 };
      },
      'spec.template.spec.hostname type/invalid-type must be a string, got object {"a":1}',
    ],
    [
      'a boolean',
      (_d, p) => {
        p.hostNetwork = 'true';
      },
      'spec.template.spec.hostNetwork type/invalid-type must be a boolean (true or false), got string "true"',
    ],
    [
      'an int32',
      (d) => {
        d.spec.minReadySeconds = '5';
      },
      'spec.minReadySeconds type/invalid-type must be an integer (int32), got string "5"',
    ],
    [
      'an int64',
      (_d, p) => {
        p.terminationGracePeriodSeconds = true;
      },
      'spec.template.spec.terminationGracePeriodSeconds type/invalid-type must be an integer (int64), got boolean true',
    ],
    [
      'an int-or-string, with the boolean hint',
      (d) => {
        d.spec.updateStrategy = { rollingUpdate: { maxUnavailable: true } };
      },
      'spec.updateStrategy.rollingUpdate.maxUnavailable type/invalid-type must be an integer or a string, got boolean true: YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans, quote the value',
    ],
    [
      'an int-or-string given a list',
      (d) => {
        d.spec.updateStrategy = { rollingUpdate: { maxUnavailable: [1] } };
      },
      'spec.updateStrategy.rollingUpdate.maxUnavailable type/invalid-type must be an integer or a string, got array [1]',
    ],
    [
      'a quantity',
      (_d, _p, c) => {
        c.resources = { limits: { cpu: [1] } };
      },
      `${C}.resources.limits[cpu] type/invalid-type must be a quantity (a string such as "500m" or "1Gi", or a number), got array [1]`,
    ],
    [
      'a map of quantities',
      (_d, _p, c) => {
        c.resources = { limits: ['cpu'] };
      },
      `${C}.resources.limits type/invalid-type must be a map of quantity (a string such as "500m" or "1Gi", or a number) values, got array ["cpu"]`,
    ],
    [
      'a map of strings',
      (_d, p) => {
        p.nodeSelector = 'linux';
      },
      'spec.template.spec.nodeSelector type/invalid-type must be a map of string values, got string "linux"',
    ],
    [
      'a list',
      (_d, _p, c) => {
        c.args = 'run';
      },
      `${C}.args type/invalid-type must be a list, got string "run"`,
    ],
    [
      'an object, named by its short type name',
      (d) => {
        d.spec.updateStrategy = 'OnDelete';
      },
      'spec.updateStrategy type/invalid-type must be an object (DaemonSetUpdateStrategy), got string "OnDelete"',
    ],
    [
      'an object given a list',
      (d) => {
        d.spec.updateStrategy = [];
      },
      'spec.updateStrategy type/invalid-type must be an object (DaemonSetUpdateStrategy), got array []',
    ],
    [
      'a time',
      (d) => {
        d.metadata.creationTimestamp = 5;
      },
      'metadata.creationTimestamp type/invalid-type must be an RFC 3339 time string, got number 5',
    ],
  ])('%s', (_what, edit, message) => {
    expect(said(edit)).toEqual([message]);
  });

  it('walks into list items that are objects and skips the plain ones', () => {
    expect(
      said((_d, _p, c) => {
        c.args = ['a', null, 3];
        c.ports = [null, { containerPort: 'x' }];
      }),
    ).toEqual([
      `${C}.args[2] type/invalid-type must be a string, got number 3: YAML reads an unquoted number (even 0755) as a number, quote the value`,
      `${C}.ports[1].containerPort type/invalid-type must be an integer (int32), got string "x"`,
    ]);
  });

  it('checks the values of a map of objects', () => {
    expect(
      said((d) => {
        d.metadata.annotations = { a: 'b', c: 1 };
      }),
    ).toEqual([
      'metadata.annotations[c] type/invalid-type must be a string, got number 1: YAML reads an unquoted number (even 0755) as a number, quote the value',
    ]);
  });
});

describe('types: integers, quantities and times, told', () => {
  it.each<[Edit, string]>([
    [
      (_d, p) => {
        p.terminationGracePeriodSeconds = 1.5;
      },
      'spec.template.spec.terminationGracePeriodSeconds type/not-an-integer must be a whole number (int64), got 1.5',
    ],
    [
      (d) => {
        d.spec.minReadySeconds = 2_147_483_648;
      },
      'spec.minReadySeconds type/integer-out-of-range must fit in int32 (-2147483648 to 2147483647), got 2147483648',
    ],
    [
      (d) => {
        d.spec.minReadySeconds = -2_147_483_649;
      },
      'spec.minReadySeconds type/integer-out-of-range must fit in int32 (-2147483648 to 2147483647), got -2147483649',
    ],
    [
      (_d, p) => {
        p.terminationGracePeriodSeconds = 2 ** 63;
      },
      'spec.template.spec.terminationGracePeriodSeconds type/integer-out-of-range must fit in int64 (-9223372036854775808 to 9223372036854775807), got 9223372036854776000',
    ],
    [
      (_d, p) => {
        p.terminationGracePeriodSeconds = -(2 ** 63) - 4096;
      },
      'spec.template.spec.terminationGracePeriodSeconds type/integer-out-of-range must fit in int64 (-9223372036854775808 to 9223372036854775807), got -9223372036854780000',
    ],
    [
      (d) => {
        d.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 0.5 } };
      },
      'spec.updateStrategy.rollingUpdate.maxUnavailable type/not-an-integer must be a whole number (int32), got 0.5',
    ],
    [
      (_d, p) => {
        p.volumes = [{ name: 'v', emptyDir: { sizeLimit: '1Gb' } }];
      },
      'spec.template.spec.volumes[0].emptyDir.sizeLimit type/invalid-quantity "1Gb" is not a quantity: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\' (did you mean "1Gi"?)',
    ],
    [
      (_d, p) => {
        p.volumes = [{ name: 'v', emptyDir: { sizeLimit: 'abc' } }];
      },
      'spec.template.spec.volumes[0].emptyDir.sizeLimit type/invalid-quantity "abc" is not a quantity: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\' (e.g. "500m", "1.5", "128Mi")',
    ],
    [
      (d) => {
        d.metadata.creationTimestamp = '2023-04-11 09:30';
      },
      'metadata.creationTimestamp type/invalid-time "2023-04-11 09:30" is not an RFC 3339 time: write it like "2023-04-11T09:30:00Z"',
    ],
  ])('%#', (edit, message) => {
    expect(said(edit)).toEqual([message]);
  });

  it('accepts the int64 minimum, written as kubectl users write it', () => {
    const [doc] = readYamlStream(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: -9223372036854775808\n',
    );
    expect(validateManifest(doc.value, [typesRules])).toEqual([]);
  });
});

describe('types: what an unknown field is told', () => {
  it('lists the fields of a type with ten or fewer', () => {
    expect(
      said((_d, _p, c) => {
        c.livenessProbe = { exec: { command: ['true'] }, period: 5 };
      }),
    ).toEqual([
      `${C}.livenessProbe.period type/unknown-field unknown field "${C}.livenessProbe.period": Probe has no such field (its fields: exec, failureThreshold, grpc, httpGet, initialDelaySeconds, periodSeconds, successThreshold, tcpSocket, terminationGracePeriodSeconds, timeoutSeconds)`,
    ]);
  });

  it('does not list the fields of a larger type', () => {
    expect(
      said((_d, p) => {
        p.volumes = [
          { name: 'v', iscsi: { targetPortal: 't', iqn: 'iqn.2015-02.example.com:a', lun: 0, target: 'x' } },
        ];
      }),
    ).toEqual([
      'spec.template.spec.volumes[0].iscsi.target type/unknown-field unknown field "spec.template.spec.volumes[0].iscsi.target": ISCSIVolumeSource has no such field',
    ]);
  });

  it('names the field of the right case', () => {
    expect(
      said((_d, _p, c) => {
        c.imagePullpolicy = 'Always';
      }),
    ).toEqual([
      `${C}.imagePullpolicy type/unknown-field unknown field "${C}.imagePullpolicy": did you mean "imagePullPolicy"?`,
    ]);
  });

  it('says when a later minor added the field', () => {
    const m = daemonSet((_d, p) => {
      p.securityContext = { appArmorProfile: { type: 'RuntimeDefault' } };
    });
    expect(validateForVersion(m, { kubernetesVersion: '1.29' }).errors.map((i) => i.message)).toEqual([
      'unknown field "spec.template.spec.securityContext.appArmorProfile": added in Kubernetes 1.30, this app targets 1.29',
    ]);
    expect(validateForVersion(m, { kubernetesVersion: '1.30' }).errors).toEqual([]);
  });

  it('says when an earlier minor removed the field', () => {
    const m = daemonSet((_d, p) => {
      p.resourceClaims = [{ name: 'gpu', source: { resourceClaimName: 'gpu' } }];
    });
    expect(validateForVersion(m, { kubernetesVersion: '1.31' }).errors.map((i) => i.message)).toEqual([
      'unknown field "spec.template.spec.resourceClaims[0].source": removed in Kubernetes 1.31, this app targets 1.31',
    ]);
  });
});

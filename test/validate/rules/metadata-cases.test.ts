import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { metadataRules } from '../../../src/validate/rules/metadata';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ValidateObjectMeta's owner-reference and finalizer rules and ValidatePodSpecificAnnotations
// (apimachinery 0.27, Kubernetes 1.27), case by case with what each issue says. Every verdict and
// path is the 1.27 kube-apiserver's (k8s-oracle run 1.27); the messages are ours.

type Edit = (ds: any, pod: any) => void;

function said(edit: Edit): string[] {
  return validateManifest(
    daemonSet((d, p) => edit(d, p)),
    [metadataRules],
  ).map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);
}

const OWNER = { apiVersion: 'apps/v1', kind: 'Foo', name: 'f', uid: 'u' };
const owners =
  (...refs: object[]): Edit =>
  (d) => {
    d.metadata.ownerReferences = refs;
  };
const R = 'metadata.ownerReferences';

describe('owner references (ValidateOwnerReferences)', () => {
  it.each<[string, Edit, string[]]>([
    ['a core version', owners({ ...OWNER, apiVersion: 'v1' }), []],
    [
      'three slashes',
      owners({ ...OWNER, apiVersion: 'a/b/c' }),
      [`${R}.apiVersion metadata/owner-reference-version-empty version must not be empty, got apiVersion "a/b/c"`],
    ],
    [
      'a group without a version',
      owners({ ...OWNER, apiVersion: 'apps/' }),
      [`${R}.apiVersion metadata/owner-reference-version-empty version must not be empty, got apiVersion "apps/"`],
    ],
    [
      'an empty apiVersion',
      owners({ ...OWNER, apiVersion: '' }),
      [`${R}.apiVersion metadata/owner-reference-version-empty version must not be empty, got apiVersion ""`],
    ],
    [
      'empty kind, name and uid',
      owners({ apiVersion: 'v1' }),
      [
        `${R}.kind metadata/owner-reference-kind-empty kind must not be empty`,
        `${R}.name metadata/owner-reference-name-empty name must not be empty`,
        `${R}.uid metadata/owner-reference-uid-empty uid must not be empty`,
      ],
    ],
    [
      'a core Event',
      owners({ ...OWNER, apiVersion: 'v1', kind: 'Event' }),
      [`${R} metadata/owner-reference-banned /v1, Kind=Event is disallowed from being an owner`],
    ],
    ['an Event of another group', owners({ ...OWNER, apiVersion: 'events.k8s.io/v1', kind: 'Event' }), []],
    ['another core kind', owners({ ...OWNER, apiVersion: 'v1', kind: 'Node' }), []],
    [
      'three controllers, each later one against the first',
      owners(
        { ...OWNER, name: 'a', controller: true },
        { ...OWNER, name: 'b', controller: true },
        { ...OWNER, name: 'c', controller: true },
      ),
      [
        `${R} metadata/owner-reference-controllers Only one reference can have Controller set to true. Found "true" in references for Foo/a and Foo/b`,
        `${R} metadata/owner-reference-controllers Only one reference can have Controller set to true. Found "true" in references for Foo/a and Foo/c`,
      ],
    ],
    [
      'one controller',
      owners({ ...OWNER, name: 'a', controller: true }, { ...OWNER, name: 'b', controller: false }),
      [],
    ],
  ])('%s', (_what, edit, expected) => {
    expect(said(edit)).toEqual(expected);
  });
});

describe('finalizers (ValidateFinalizers, validateKubeFinalizerName)', () => {
  it('reports a bad qualified name at the list and an unqualified non-standard name at its index', () => {
    expect(
      said((d) => {
        d.metadata.finalizers = ['a/b/c', 'foo', 'example.com/x', 'kubernetes', 'orphan'];
      }),
    ).toEqual([
      `metadata.finalizers metadata/finalizer-invalid "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      'metadata.finalizers[1] metadata/finalizer-not-qualified "foo": name is neither a standard finalizer name nor is it fully qualified (use "example.com/name")',
    ]);
  });

  it('forbids orphan with foregroundDeletion', () => {
    expect(
      said((d) => {
        d.metadata.finalizers = ['orphan', 'foregroundDeletion'];
      }),
    ).toEqual([
      'metadata.finalizers metadata/finalizers-conflict finalizer orphan and foregroundDeletion cannot be both set',
    ]);
    expect(
      said((d) => {
        d.metadata.finalizers = ['foregroundDeletion'];
      }),
    ).toEqual([]);
  });
});

const ann =
  (a: Record<string, string>): Edit =>
  (d) => {
    d.spec.template.metadata.annotations = a;
  };
const TOL = 'scheduler.alpha.kubernetes.io/tolerations';
const A = 'spec.template.annotations';

describe('pod-specific annotations of a template', () => {
  it('needs spec.nodeName with the mirror-pod annotation', () => {
    expect(said(ann({ 'kubernetes.io/config.mirror': 'x' }))).toEqual([
      `${A}[kubernetes.io/config.mirror] metadata/mirror-pod-without-node-name must set spec.nodeName if mirror pod annotation is set`,
    ]);
  });

  it.each<[string, string, string[]]>([
    ['null', 'null', []],
    ['empty', '', []],
    ['keys of any case, unknown ones ignored', '[{"KEY":"k","Operator":"Exists","foo":1}]', []],
    [
      'an object',
      '{}',
      [`${A} metadata/tolerations-annotation-invalid ${TOL}: cannot unmarshal into a list of tolerations`],
    ],
    [
      'a string item',
      '["a"]',
      [`${A} metadata/tolerations-annotation-invalid ${TOL}: cannot unmarshal "a" into a toleration`],
    ],
    [
      'a string tolerationSeconds',
      '[{"key":"k","operator":"Exists","effect":"NoExecute","tolerationSeconds":"5"}]',
      [`${A} metadata/tolerations-annotation-invalid ${TOL}: cannot unmarshal "5" into tolerationSeconds (int64)`],
    ],
    [
      'a fractional tolerationSeconds',
      '[{"key":"k","operator":"Exists","effect":"NoExecute","tolerationSeconds":1.5}]',
      [`${A} metadata/tolerations-annotation-invalid ${TOL}: cannot unmarshal 1.5 into tolerationSeconds (int64)`],
    ],
    [
      'a numeric key',
      '[{"key":5}]',
      [`${A} metadata/tolerations-annotation-invalid ${TOL}: cannot unmarshal 5 into key (string)`],
    ],
    [
      'broken JSON',
      '[{',
      [
        `${A} metadata/tolerations-annotation-invalid ${TOL}: invalid JSON: Expected property name or '}' in JSON at position 2`,
      ],
    ],
    [
      'a null item, an empty toleration',
      '[null]',
      [`${A}.${TOL}[0].operator scheduling/toleration-operator-not-exists`],
    ],
    [
      'an unknown operator',
      '[{"key":"k","operator":"Foo"}]',
      [`${A}.${TOL}[0].operator scheduling/toleration-operator-invalid`],
    ],
  ])('tolerations annotation: %s', (_what, value, expected) => {
    const got = said(ann({ [TOL]: value }));
    // Tolerations decoded from the annotation are the scheduling rules' to word.
    expect(got.map((l) => (l.includes(' scheduling/') ? l.split(' ').slice(0, 2).join(' ') : l))).toEqual(expected);
  });

  it.each(['0', '-01', '2147483647', '-2147483648', '12'])('accepts the pod deletion cost %j', (cost) => {
    expect(said(ann({ 'controller.kubernetes.io/pod-deletion-cost': cost }))).toEqual([]);
  });

  it.each(['', '+1', '01', '2147483648', '-2147483649', '1.5', 'x'])('rejects the pod deletion cost %j', (cost) => {
    expect(said(ann({ 'controller.kubernetes.io/pod-deletion-cost': cost }))).toEqual([
      `${A}[controller.kubernetes.io/pod-deletion-cost] metadata/pod-deletion-cost-invalid must be a 32bit integer, got ${JSON.stringify(cost)}`,
    ]);
  });

  it('accepts the known seccomp profiles and a relative localhost one', () => {
    expect(
      said(
        ann({
          'seccomp.security.alpha.kubernetes.io/pod': 'docker/default',
          'container.seccomp.security.alpha.kubernetes.io/agent': 'localhost/a/b',
          'container.seccomp.security.alpha.kubernetes.io/x': 'runtime/default',
          'container.seccomp.security.alpha.kubernetes.io/y': 'unconfined',
          'seccomp.security.alpha.kubernetes.io/other': 'foo',
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown seccomp profile and a localhost one that is absolute or climbs out', () => {
    const S = 'seccomp.security.alpha.kubernetes.io';
    const use = '(use runtime/default, unconfined or localhost/<relative path>)';
    expect(said(ann({ [`${S}/pod`]: 'foo', [`container.${S}/agent`]: 'localhost/../x' }))).toEqual([
      `${A}.container.${S}/agent metadata/seccomp-annotation-invalid "localhost/../x": must not contain '..' ${use}`,
      `${A}.${S}/pod metadata/seccomp-annotation-invalid "foo": must be a valid seccomp profile ${use}`,
    ]);
    expect(said(ann({ [`container.${S}/agent`]: 'localhost//x' }))).toEqual([
      `${A}.container.${S}/agent metadata/seccomp-annotation-invalid "localhost//x": must be a relative path ${use}`,
    ]);
    expect(said(ann({ [`container.${S}/agent`]: 'localhost//../x' }))).toEqual([
      `${A}.container.${S}/agent metadata/seccomp-annotation-invalid "localhost//../x": must be a relative path; must not contain '..' ${use}`,
    ]);
  });

  it('needs an AppArmor annotation to name a container and a known profile form', () => {
    const P = 'container.apparmor.security.beta.kubernetes.io';
    expect(said(ann({ [`${P}/agent`]: '', [`${P}/missing`]: 'foo' }))).toEqual([
      `${A}[${P}/missing] metadata/apparmor-container-not-found container "missing" not found in the pod spec`,
      `${A}[${P}/missing] metadata/apparmor-profile-invalid invalid AppArmor profile name: "foo" (use runtime/default, unconfined or localhost/<profile>)`,
    ]);
    expect(
      said((d, p) => {
        p.initContainers = [{ name: 'init', image: 'busybox' }];
        d.spec.template.metadata.annotations = { [`${P}/init`]: 'localhost/p', [`${P}/agent`]: 'unconfined' };
      }),
    ).toEqual([]);
    // A Pod may have ephemeral containers (a template may not); ValidateAppArmorPodAnnotations (1.27)
    // visits all containers (podshelper.AllContainers).
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', annotations: { [`${P}/debug`]: 'runtime/default' } },
      spec: {
        containers: [{ name: 'c', image: 'busybox' }],
        ephemeralContainers: [{ name: 'debug', image: 'busybox' }],
      },
    };
    expect(validateManifest(pod, [metadataRules])).toEqual([]);
  });
});

describe('object name and namespace, told', () => {
  it('says what a name and a namespace must be', () => {
    expect(
      said((d) => {
        d.metadata.name = 'Bad';
        d.metadata.namespace = 'Bad_NS';
      }),
    ).toEqual([
      `metadata.name metadata/name-invalid "Bad" must be a lowercase RFC 1123 subdomain: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      `metadata.namespace metadata/namespace-invalid "Bad_NS": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('says which generateName the invalid name came from', () => {
    expect(
      said((d) => {
        d.metadata.name = undefined;
        d.metadata.generateName = 'Agent.';
      }),
    ).toEqual([
      `metadata.generateName metadata/generate-name-invalid "Agent.": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      `metadata.name metadata/name-invalid the name generated from generateName "Agent." must be a lowercase RFC 1123 subdomain: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it('says a name is required', () => {
    expect(
      said((d) => {
        d.metadata.name = '';
      }),
    ).toEqual(['metadata.name metadata/name-required name or generateName is required']);
  });
});

// Without the strict decoder (validateManifest) a value of the wrong type reaches the metadata
// rules; the types rule reports it, and these rules must neither throw nor read it as a string.
describe('metadata values of the wrong type', () => {
  it.each<[string, Edit]>([
    [
      'a name beside an invalid generateName',
      (d) => {
        d.metadata.name = 5;
        d.metadata.generateName = 'Bad-';
      },
    ],
    [
      'a generateName without a name',
      (d) => {
        d.metadata.name = undefined;
        d.metadata.generateName = 5;
      },
    ],
    [
      'a namespace',
      (d) => {
        d.metadata.namespace = 5;
      },
    ],
    ['an owner reference', owners(5 as any)],
    ['an owner reference apiVersion', owners({ ...OWNER, apiVersion: 5 })],
    [
      'a finalizer',
      (d) => {
        d.metadata.finalizers = [5];
      },
    ],
    ['a mirror-pod annotation', ann({ 'kubernetes.io/config.mirror': 5 as any })],
    [
      'a spec.nodeName beside the mirror-pod annotation',
      (d, p) => {
        d.spec.template.metadata.annotations = { 'kubernetes.io/config.mirror': 'x' };
        p.nodeName = 5;
      },
    ],
    ['a pod deletion cost', ann({ 'controller.kubernetes.io/pod-deletion-cost': 5 as any })],
  ])('leaves %s to the types rule', (_what, edit) => {
    expect(said(edit)).toEqual([]);
  });

  it('names an owner of the wrong kind or name as empty in the controller message', () => {
    const two = (ref: object) => owners({ ...ref, controller: true }, { ...ref, controller: true });
    expect(said(two({ ...OWNER, kind: 5 }))).toEqual([
      `${R} metadata/owner-reference-controllers Only one reference can have Controller set to true. Found "true" in references for /f and /f`,
    ]);
    expect(said(two({ ...OWNER, name: 5 }))).toEqual([
      `${R} metadata/owner-reference-controllers Only one reference can have Controller set to true. Found "true" in references for Foo/ and Foo/`,
    ]);
  });
});

describe('an empty namespace', () => {
  it('is left for the request to fill', () => {
    expect(
      said((d) => {
        d.metadata.namespace = '';
      }),
    ).toEqual([]);
  });
});

describe('names with more than one fault, told', () => {
  const SUBDOMAIN =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  const LABEL =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

  // A message shows at most 80 characters of a value: 77 of its JSON, then "...".
  const cut = (v: string) => `${JSON.stringify(v).slice(0, 77)}...`;

  it('joins the reasons of a name, a namespace, a generateName and a finalizer with "; "', () => {
    const name = 'B'.repeat(254);
    const ns = 'A'.repeat(64);
    expect(
      said((d) => {
        d.metadata.name = name;
        d.metadata.namespace = ns;
      }),
    ).toEqual([
      `metadata.name metadata/name-invalid ${cut(name)} must be a lowercase RFC 1123 subdomain: must be no more than 253 characters; ${SUBDOMAIN}`,
      `metadata.namespace metadata/namespace-invalid "${ns}": must be no more than 63 characters; ${LABEL}`,
    ]);
    const prefix = 'C'.repeat(254);
    expect(
      said((d) => {
        d.metadata.name = undefined;
        d.metadata.generateName = prefix;
      })[0],
    ).toBe(
      `metadata.generateName metadata/generate-name-invalid ${cut(prefix)}: must be no more than 253 characters; ${SUBDOMAIN}`,
    );
    expect(
      said((d) => {
        d.metadata.finalizers = ['Bad_/x_'];
      }),
    ).toEqual([
      `metadata.finalizers metadata/finalizer-invalid "Bad_/x_": prefix part ${SUBDOMAIN}; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});

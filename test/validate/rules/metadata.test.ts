import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/validate/engine';
import { toFieldPath } from '../../../src/validate/issue';
import { metadataRules } from '../../../src/validate/rules/metadata';
import { daemonSet } from '../../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The metadata rules' issues only, as `path code` lines. */
function issues(m: unknown): string[] {
  return validateManifest(m, [metadataRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

function ds(editMeta: (meta: any, template: any, pod: any) => void): any {
  return daemonSet((d, pod) => editMeta(d.metadata, d.spec.template.metadata, pod));
}

function pod(meta: any, spec: any = { containers: [{ name: 'c', image: 'busybox' }] }): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
}

describe('object name', () => {
  it('accepts a DNS subdomain name with dots', () => {
    expect(
      issues(
        ds((m) => {
          m.name = 'node.agent-1';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an uppercase name', () => {
    expect(
      issues(
        ds((m) => {
          m.name = 'Agent';
        }),
      ),
    ).toEqual(['metadata.name metadata/name-invalid']);
  });

  it('rejects a name longer than 253 characters', () => {
    expect(
      issues(
        ds((m) => {
          m.name = 'a'.repeat(254);
        }),
      ),
    ).toEqual(['metadata.name metadata/name-invalid']);
  });

  it('requires a name or a generateName', () => {
    expect(
      issues(
        ds((m) => {
          delete m.name;
        }),
      ),
    ).toEqual(['metadata.name metadata/name-required']);
  });

  it('accepts a generateName ending in a dash instead of a name', () => {
    expect(
      issues(
        ds((m) => {
          delete m.name;
          m.generateName = 'agent-';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a generateName that is not a subdomain prefix', () => {
    expect(
      issues(
        ds((m) => {
          delete m.name;
          m.generateName = 'Agent-';
        }),
      ),
    ).toEqual(['metadata.generateName metadata/generate-name-invalid', 'metadata.name metadata/name-invalid']);
  });

  it('does not require a name on the pod template', () => {
    expect(
      issues(
        daemonSet((d) => {
          d.spec.template.metadata.name = 'Not_Checked';
        }),
      ),
    ).toEqual([]);
  });
});

describe('namespace', () => {
  it('accepts a missing namespace, which the request fills in', () => {
    expect(
      issues(
        ds((m) => {
          delete m.namespace;
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a namespace that is not a DNS label', () => {
    expect(
      issues(
        ds((m) => {
          m.namespace = 'kube.system';
        }),
      ),
    ).toEqual(['metadata.namespace metadata/namespace-invalid']);
  });
});

describe('labels', () => {
  it('accepts prefixed keys and empty values', () => {
    expect(
      issues(
        ds((m) => {
          m.labels = { 'app.kubernetes.io/name': 'agent', tier: '' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a key with two slashes, at the labels map', () => {
    expect(
      issues(
        ds((m) => {
          m.labels = { 'a/b/c': 'x' };
        }),
      ),
    ).toEqual(['metadata.labels metadata/label-key-invalid']);
  });

  it('rejects a value longer than 63 characters', () => {
    expect(
      issues(
        ds((m) => {
          m.labels = { app: 'v'.repeat(64) };
        }),
      ),
    ).toEqual(['metadata.labels metadata/label-value-invalid']);
  });

  it('reports pod template labels at spec.template.labels, as the server does', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.labels = { app: 'agent', '-bad': 'x' };
        }),
      ),
    ).toEqual(['spec.template.labels metadata/label-key-invalid']);
  });
});

describe('annotations', () => {
  it('accepts uppercase keys, which are compared in lowercase', () => {
    expect(
      issues(
        ds((m) => {
          m.annotations = { 'Example.COM/Owner': 'team' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a key with a space', () => {
    expect(
      issues(
        ds((m) => {
          m.annotations = { 'my note': 'x' };
        }),
      ),
    ).toEqual(['metadata.annotations metadata/annotation-key-invalid']);
  });

  it('accepts exactly 256 KiB of keys and values', () => {
    expect(
      issues(
        ds((m) => {
          m.annotations = { k: 'v'.repeat(256 * 1024 - 1) };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects more than 256 KiB of keys and values', () => {
    expect(
      issues(
        ds((m) => {
          m.annotations = { k: 'v'.repeat(256 * 1024) };
        }),
      ),
    ).toEqual(['metadata.annotations metadata/annotations-too-long']);
  });
});

describe('owner references and finalizers', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner', uid: 'u-1' };

  it('accepts a complete owner reference', () => {
    expect(
      issues(
        ds((m) => {
          m.ownerReferences = [ref];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an owner reference without uid', () => {
    expect(
      issues(
        ds((m) => {
          m.ownerReferences = [{ ...ref, uid: '' }];
        }),
      ),
    ).toEqual(['metadata.ownerReferences.uid metadata/owner-reference-uid-empty']);
  });

  it('leaves an apiVersion of another type to the type rules', () => {
    expect(
      issues(
        ds((m) => {
          m.ownerReferences = [{ ...ref, apiVersion: 1 }];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects two controller owner references', () => {
    expect(
      issues(
        ds((m) => {
          m.ownerReferences = [
            { ...ref, controller: true },
            { ...ref, name: 'b', controller: true },
          ];
        }),
      ),
    ).toEqual(['metadata.ownerReferences metadata/owner-reference-controllers']);
  });

  it('accepts standard and qualified finalizers', () => {
    expect(
      issues(
        ds((m) => {
          m.finalizers = ['orphan', 'example.com/cleanup'];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unqualified non-standard finalizer', () => {
    expect(
      issues(
        ds((m) => {
          m.finalizers = ['cleanup'];
        }),
      ),
    ).toEqual(['metadata.finalizers[0] metadata/finalizer-not-qualified']);
  });

  it('rejects orphan together with foregroundDeletion', () => {
    expect(
      issues(
        ds((m) => {
          m.finalizers = ['orphan', 'foregroundDeletion'];
        }),
      ),
    ).toEqual(['metadata.finalizers metadata/finalizers-conflict']);
  });
});

describe('pod-specific annotations', () => {
  it('ignores pod annotations on the DaemonSet itself', () => {
    expect(
      issues(
        ds((m) => {
          m.annotations = { 'controller.kubernetes.io/pod-deletion-cost': 'x' };
        }),
      ),
    ).toEqual([]);
  });

  it('accepts a pod deletion cost that is a 32-bit integer', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '-100' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a pod deletion cost with a leading zero', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '007' };
        }),
      ),
    ).toEqual([
      'spec.template.annotations[controller.kubernetes.io/pod-deletion-cost] metadata/pod-deletion-cost-invalid',
    ]);
  });

  it('rejects the mirror-pod annotation without spec.nodeName', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'kubernetes.io/config.mirror': 'x' };
        }),
      ),
    ).toEqual(['spec.template.annotations[kubernetes.io/config.mirror] metadata/mirror-pod-without-node-name']);
  });

  it('accepts the mirror-pod annotation with spec.nodeName', () => {
    expect(
      issues(
        ds((_m, t, p) => {
          t.annotations = { 'kubernetes.io/config.mirror': 'x' };
          p.nodeName = 'node-1';
        }),
      ),
    ).toEqual([]);
  });

  it('accepts valid tolerations in the tolerations annotation', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'scheduler.alpha.kubernetes.io/tolerations': '[{"operator":"Exists"}]' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a tolerations annotation that is not JSON', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'scheduler.alpha.kubernetes.io/tolerations': '[{' };
        }),
      ),
    ).toEqual(['spec.template.annotations metadata/tolerations-annotation-invalid']);
  });

  it('validates each toleration of the annotation', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":"","operator":"Equal"}]' };
        }),
      ),
    ).toEqual([
      'spec.template.annotations.scheduler.alpha.kubernetes.io/tolerations[0].operator scheduling/toleration-operator-not-exists',
    ]);
  });

  it('accepts seccomp annotations naming a known profile', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/profiles/audit.json' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a seccomp annotation with an unknown profile', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'container.seccomp.security.alpha.kubernetes.io/agent': 'default' };
        }),
      ),
    ).toEqual([
      'spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/agent metadata/seccomp-annotation-invalid',
    ]);
  });

  it('rejects a localhost seccomp profile that climbs out of its directory', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/../x.json' };
        }),
      ),
    ).toEqual([
      'spec.template.annotations.seccomp.security.alpha.kubernetes.io/pod metadata/seccomp-annotation-invalid',
    ]);
  });

  it('accepts an AppArmor annotation for an existing container', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'container.apparmor.security.beta.kubernetes.io/agent': 'runtime/default' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an AppArmor annotation for a missing container', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'container.apparmor.security.beta.kubernetes.io/other': 'runtime/default' };
        }),
      ),
    ).toEqual([
      'spec.template.annotations[container.apparmor.security.beta.kubernetes.io/other] metadata/apparmor-container-not-found',
    ]);
  });

  it('rejects an AppArmor profile without the localhost/ prefix', () => {
    expect(
      issues(
        ds((_m, t) => {
          t.annotations = { 'container.apparmor.security.beta.kubernetes.io/agent': 'my-profile' };
        }),
      ),
    ).toEqual([
      'spec.template.annotations[container.apparmor.security.beta.kubernetes.io/agent] metadata/apparmor-profile-invalid',
    ]);
  });

  it("checks pod annotations on a Pod's own metadata", () => {
    expect(issues(pod({ name: 'p', annotations: { 'controller.kubernetes.io/pod-deletion-cost': '+1' } }))).toEqual([
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost] metadata/pod-deletion-cost-invalid',
    ]);
  });
});

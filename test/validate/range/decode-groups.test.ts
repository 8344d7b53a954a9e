import { describe, expect, it } from 'vitest';
import { SchemaDifferences } from '../../../src/validate/range/decode-groups';
import { profileOf, SUPPORTED_KUBERNETES_VERSIONS } from '../../../src/validate/versions';
import { daemonSet } from '../../support/manifest';

const DIFFERENCES = new SchemaDifferences(SUPPORTED_KUBERNETES_VERSIONS.map((v) => profileOf(v).schema));
const DAEMON_SET = 'io.k8s.api.apps.v1.DaemonSet';

/** The minors, grouped as their keys group them: `1.27-1.29 1.30-1.34`. */
function groups(manifest: unknown): string {
  const keys = DIFFERENCES.keysOf(manifest, DAEMON_SET);
  const out: string[] = [];
  keys.forEach((k, m) => {
    const v = SUPPORTED_KUBERNETES_VERSIONS[m];
    const last = out.at(-1);
    if (m > 0 && keys[m - 1] === k && last) out[out.length - 1] = `${last.split('-')[0]}-${v}`;
    else out.push(v);
  });
  return out.join(' ');
}

describe('SchemaDifferences', () => {
  it('puts every minor in one group for a document that uses only fields all of them type alike', () => {
    expect(groups(daemonSet())).toBe('1.27-1.34');
  });

  it('sets apart the minors without a field the document uses (appArmorProfile, 1.30)', () => {
    const ds = daemonSet((_ds, pod) => {
      pod.securityContext = { appArmorProfile: { type: 'RuntimeDefault' } };
    });
    expect(groups(ds)).toBe('1.27-1.29 1.30-1.34');
  });

  it('sets apart each minor that types a used field differently (a container restartPolicy, 1.28; its rules, 1.34)', () => {
    const ds = daemonSet((_ds, _pod, c) => {
      c.restartPolicy = 'Always';
      c.restartPolicyRules = [];
    });
    expect(groups(ds)).toBe('1.27 1.28-1.33 1.34');
  });

  it('sets apart the minors without a field of a pod affinity term (matchLabelKeys, 1.29)', () => {
    const ds = daemonSet((_ds, pod) => {
      pod.affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: 'kubernetes.io/hostname', labelSelector: {}, matchLabelKeys: ['app'] },
          ],
        },
      };
    });
    expect(groups(ds)).toBe('1.27-1.28 1.29-1.34');
  });

  it('finds a changed field however deep, inside lists', () => {
    const ds = daemonSet((_ds, _pod, c) => {
      c.volumeMounts = [
        { name: 'v', mountPath: '/v' },
        { name: 'w', mountPath: '/w', recursiveReadOnly: 'Disabled' },
      ];
    });
    expect(groups(ds)).toBe('1.27-1.29 1.30-1.34');
  });

  it('passes over null and scalar items where the schema has objects (the decoder rejects them)', () => {
    const ds = daemonSet((_ds, pod) => {
      pod.containers.push(null, 'agent');
      pod.initContainers = [null];
    });
    expect(groups(ds)).toBe('1.27-1.34');
  });

  it('ignores a field no minor knows: the decoder rejects it in each, and range mode never shares that result', () => {
    const ds = daemonSet((_ds, _pod, c) => {
      c.notAField = 1;
    });
    expect(groups(ds)).toBe('1.27-1.34');
  });
});

import { describe, expect, it } from 'vitest';
import { daemonSet } from '../support/manifest';
import { messagesOf, restrictedDaemonSet, violationsOf } from './_support';

const P = 'spec.template.spec';
const C = `${P}.containers[0].securityContext`;

describe('restricted checks', () => {
  it('allows the restricted DaemonSet at every version', () => {
    for (let minor = 0; minor <= 27; minor++)
      expect(violationsOf(restrictedDaemonSet(), 'restricted', `v1.${minor}`)).toEqual([]);
  });

  it('runs the baseline checks too', () => {
    const ds = restrictedDaemonSet((_ds, pod) => {
      pod.hostPID = true;
    });
    expect(violationsOf(ds, 'restricted')).toEqual([`${P}.hostPID hostNamespaces`]);
  });

  describe('allowPrivilegeEscalation', () => {
    const unset = () =>
      restrictedDaemonSet((_ds, _pod, c) => {
        delete c.securityContext.allowPrivilegeEscalation;
      });

    it('denies an unset allowPrivilegeEscalation from v1.8', () => {
      expect(violationsOf(unset(), 'restricted', 'v1.8')).toEqual([
        `${C}.allowPrivilegeEscalation allowPrivilegeEscalation`,
      ]);
      expect(messagesOf(unset(), 'restricted', 'v1.8')).toEqual([
        'allowPrivilegeEscalation != false (container "agent" must set securityContext.allowPrivilegeEscalation=false)',
      ]);
    });

    it('does not require it before v1.8', () => {
      expect(violationsOf(unset(), 'restricted', 'v1.7')).toEqual([]);
    });

    it('denies allowPrivilegeEscalation: true', () => {
      const ds = restrictedDaemonSet((_ds, _pod, c) => {
        c.securityContext.allowPrivilegeEscalation = true;
      });
      expect(violationsOf(ds, 'restricted')).toEqual([`${C}.allowPrivilegeEscalation allowPrivilegeEscalation`]);
    });

    it('exempts Windows pods from v1.25, not before', () => {
      const ds = restrictedDaemonSet((_ds, pod, c) => {
        pod.os = { name: 'windows' };
        delete c.securityContext.allowPrivilegeEscalation;
      });
      expect(violationsOf(ds, 'restricted', 'v1.25')).toEqual([]);
      expect(violationsOf(ds, 'restricted', 'v1.24')).toEqual([
        `${C}.allowPrivilegeEscalation allowPrivilegeEscalation`,
      ]);
    });
  });

  describe('runAsNonRoot', () => {
    it('accepts runAsNonRoot set on every container instead of the pod', () => {
      const ds = restrictedDaemonSet((_ds, pod, c) => {
        delete pod.securityContext.runAsNonRoot;
        c.securityContext.runAsNonRoot = true;
      });
      expect(violationsOf(ds, 'restricted')).toEqual([]);
    });

    it('denies a container that runAsNonRoot covers neither itself nor through the pod', () => {
      const ds = restrictedDaemonSet((_ds, pod) => {
        delete pod.securityContext.runAsNonRoot;
      });
      expect(violationsOf(ds, 'restricted')).toEqual([`${C}.runAsNonRoot runAsNonRoot`]);
      expect(messagesOf(ds, 'restricted')).toEqual([
        'runAsNonRoot != true (pod or container "agent" must set securityContext.runAsNonRoot=true)',
      ]);
    });

    it('denies runAsNonRoot: false on a container even when the pod sets true', () => {
      const ds = restrictedDaemonSet((_ds, _pod, c) => {
        c.securityContext.runAsNonRoot = false;
      });
      expect(violationsOf(ds, 'restricted')).toEqual([`${C}.runAsNonRoot runAsNonRoot`]);
      expect(messagesOf(ds, 'restricted')).toEqual([
        'runAsNonRoot != true (container "agent" must not set securityContext.runAsNonRoot=false)',
      ]);
    });

    it('does not exempt Windows pods at 1.27', () => {
      const ds = restrictedDaemonSet((_ds, pod) => {
        pod.os = { name: 'windows' };
        pod.securityContext.runAsNonRoot = false;
      });
      expect(violationsOf(ds, 'restricted')).toContain(`${P}.securityContext.runAsNonRoot runAsNonRoot`);
    });
  });

  describe('runAsUser', () => {
    const root = () =>
      restrictedDaemonSet((_ds, pod, c) => {
        pod.securityContext.runAsUser = 0;
        c.securityContext.runAsUser = 1000;
      });

    it('denies runAsUser: 0 from v1.23', () => {
      expect(violationsOf(root(), 'restricted', 'v1.23')).toEqual([`${P}.securityContext.runAsUser runAsUser`]);
      expect(messagesOf(root(), 'restricted', 'v1.23')).toEqual(['runAsUser=0 (pod must not set runAsUser=0)']);
    });

    it('allows runAsUser: 0 before v1.23', () => {
      expect(violationsOf(root(), 'restricted', 'v1.22')).toEqual([]);
    });
  });

  describe('seccompProfile_restricted', () => {
    const unset = () =>
      restrictedDaemonSet((_ds, pod) => {
        delete pod.securityContext.seccompProfile;
      });

    it('denies a container without a profile from v1.19', () => {
      expect(violationsOf(unset(), 'restricted', 'v1.19')).toEqual([
        `${C}.seccompProfile.type seccompProfile_restricted`,
      ]);
      expect(messagesOf(unset(), 'restricted', 'v1.19')).toEqual([
        'seccompProfile (pod or container "agent" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
      ]);
    });

    it('does not require a profile before v1.19', () => {
      expect(violationsOf(unset(), 'restricted', 'v1.18')).toEqual([]);
    });

    it('accepts a profile on every container instead of the pod', () => {
      const ds = restrictedDaemonSet((_ds, pod, c) => {
        delete pod.securityContext.seccompProfile;
        c.securityContext.seccompProfile = { type: 'RuntimeDefault' };
      });
      expect(violationsOf(ds, 'restricted')).toEqual([]);
    });

    it("denies a container's Unconfined profile, replacing seccompProfile_baseline", () => {
      const ds = restrictedDaemonSet((_ds, _pod, c) => {
        c.securityContext.seccompProfile = { type: 'Unconfined' };
      });
      expect(violationsOf(ds, 'restricted')).toEqual([`${C}.seccompProfile.type seccompProfile_restricted`]);
    });

    it('exempts Windows pods from v1.25', () => {
      const ds = restrictedDaemonSet((_ds, pod) => {
        pod.os = { name: 'windows' };
        delete pod.securityContext.seccompProfile;
      });
      expect(violationsOf(ds, 'restricted', 'v1.25')).toEqual([]);
      expect(violationsOf(ds, 'restricted', 'v1.24')).toEqual([`${C}.seccompProfile.type seccompProfile_restricted`]);
    });
  });

  describe('capabilities_restricted', () => {
    it('allows adding NET_BIND_SERVICE', () => {
      const ds = restrictedDaemonSet((_ds, _pod, c) => {
        c.securityContext.capabilities.add = ['NET_BIND_SERVICE'];
      });
      expect(violationsOf(ds, 'restricted')).toEqual([]);
    });

    it('denies a container that does not drop ALL from v1.22', () => {
      const ds = restrictedDaemonSet((_ds, _pod, c) => {
        c.securityContext.capabilities.drop = ['NET_RAW'];
      });
      expect(violationsOf(ds, 'restricted', 'v1.22')).toEqual([`${C}.capabilities.drop capabilities_restricted`]);
      expect(messagesOf(ds, 'restricted', 'v1.22')).toEqual([
        'unrestricted capabilities (container "agent" must set securityContext.capabilities.drop=["ALL"])',
      ]);
      expect(violationsOf(ds, 'restricted', 'v1.21')).toEqual([]);
    });

    it('denies adding a default capability, replacing capabilities_baseline from v1.22', () => {
      const ds = restrictedDaemonSet((_ds, _pod, c) => {
        c.securityContext.capabilities.add = ['CHOWN', 'SYS_ADMIN'];
      });
      expect(violationsOf(ds, 'restricted', 'v1.22')).toEqual([
        `${C}.capabilities.add[0] capabilities_restricted`,
        `${C}.capabilities.add[1] capabilities_restricted`,
      ]);
      expect(violationsOf(ds, 'restricted', 'v1.21')).toEqual([`${C}.capabilities.add[1] capabilities_baseline`]);
    });

    it('exempts Windows pods from v1.25', () => {
      const ds = restrictedDaemonSet((_ds, pod, c) => {
        pod.os = { name: 'windows' };
        delete c.securityContext.capabilities;
      });
      expect(violationsOf(ds, 'restricted', 'v1.25')).toEqual([]);
    });
  });

  describe('restrictedVolumes', () => {
    it('allows the listed volume types, and a volume that defaults to emptyDir', () => {
      const ds = restrictedDaemonSet((_ds, pod) => {
        pod.volumes = [
          { name: 'a', configMap: { name: 'c' } },
          { name: 'b', secret: { secretName: 's' } },
          { name: 'c', emptyDir: {} },
          { name: 'd', projected: { sources: [] } },
          { name: 'e', downwardAPI: {} },
          { name: 'f', persistentVolumeClaim: { claimName: 'p' } },
          { name: 'g', csi: { driver: 'd' } },
          { name: 'h', ephemeral: {} },
          { name: 'i' },
        ];
      });
      expect(violationsOf(ds, 'restricted')).toEqual([]);
    });

    it('denies an nfs volume at its source field', () => {
      const ds = restrictedDaemonSet((_ds, pod) => {
        pod.volumes = [{ name: 'share', nfs: { server: 's', path: '/x' } }];
      });
      expect(violationsOf(ds, 'restricted')).toEqual([`${P}.volumes[0].nfs restrictedVolumes`]);
      expect(messagesOf(ds, 'restricted')).toEqual([
        'restricted volume types (volume "share" uses restricted volume type "nfs")',
      ]);
    });

    it('reports a hostPath volume as restrictedVolumes, which replaces hostPathVolumes', () => {
      const ds = restrictedDaemonSet((_ds, pod) => {
        pod.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
      });
      expect(violationsOf(ds, 'restricted')).toEqual([`${P}.volumes[0].hostPath restrictedVolumes`]);
      expect(violationsOf(ds, 'baseline')).toEqual([`${P}.volumes[0].hostPath hostPathVolumes`]);
    });
  });

  it('allows the minimal DaemonSet at baseline but not at restricted', () => {
    expect(violationsOf(daemonSet(), 'baseline')).toEqual([]);
    expect(violationsOf(daemonSet(), 'restricted')).toEqual([
      `${C}.allowPrivilegeEscalation allowPrivilegeEscalation`,
      `${C}.capabilities.drop capabilities_restricted`,
      `${C}.runAsNonRoot runAsNonRoot`,
      `${C}.seccompProfile.type seccompProfile_restricted`,
    ]);
  });
});

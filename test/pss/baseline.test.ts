import { describe, expect, it } from 'vitest';
import { daemonSet } from '../support/manifest';
import { messagesOf, violationsOf } from './_support';

const P = 'spec.template.spec';

describe('baseline checks', () => {
  it('allows the minimal DaemonSet at every version', () => {
    for (let minor = 0; minor <= 27; minor++) expect(violationsOf(daemonSet(), 'baseline', `v1.${minor}`)).toEqual([]);
  });

  describe('hostNamespaces', () => {
    it('allows host namespaces set to false', () => {
      expect(
        violationsOf(
          daemonSet((_ds, pod) => Object.assign(pod, { hostNetwork: false, hostPID: false, hostIPC: false })),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies hostNetwork, hostPID and hostIPC each at its field', () => {
      const ds = daemonSet((_ds, pod) => Object.assign(pod, { hostNetwork: true, hostPID: true, hostIPC: true }));
      expect(violationsOf(ds, 'baseline')).toEqual([
        `${P}.hostIPC hostNamespaces`,
        `${P}.hostNetwork hostNamespaces`,
        `${P}.hostPID hostNamespaces`,
      ]);
      expect(messagesOf(ds, 'baseline')[1]).toBe('host namespaces (hostNetwork=true)');
    });
  });

  describe('privileged', () => {
    it('allows privileged: false', () => {
      expect(
        violationsOf(
          daemonSet((_ds, _pod, c) => {
            c.securityContext = { privileged: false };
          }),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies a privileged init container at its field, in PSA wording', () => {
      const ds = daemonSet((_ds, pod) => {
        pod.initContainers = [{ name: 'init', image: 'x', securityContext: { privileged: true } }];
      });
      expect(violationsOf(ds, 'baseline')).toEqual([`${P}.initContainers[0].securityContext.privileged privileged`]);
      expect(messagesOf(ds, 'baseline')).toEqual([
        'privileged (container "init" must not set securityContext.privileged=true)',
      ]);
    });
  });

  describe('capabilities_baseline', () => {
    it('allows adding capabilities from the default set', () => {
      expect(
        violationsOf(
          daemonSet((_ds, _pod, c) => {
            c.securityContext = { capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'] } };
          }),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies each added capability outside the default set', () => {
      const ds = daemonSet((_ds, _pod, c) => {
        c.securityContext = { capabilities: { add: ['CHOWN', 'NET_ADMIN'] } };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([
        `${P}.containers[0].securityContext.capabilities.add[1] capabilities_baseline`,
      ]);
      expect(messagesOf(ds, 'baseline')).toEqual([
        'non-default capabilities (container "agent" must not include "NET_ADMIN" in securityContext.capabilities.add)',
      ]);
    });
  });

  describe('hostPathVolumes', () => {
    it('allows an emptyDir volume', () => {
      expect(
        violationsOf(
          daemonSet((_ds, pod) => {
            pod.volumes = [{ name: 'tmp', emptyDir: {} }];
          }),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies a hostPath volume at its hostPath field', () => {
      const ds = daemonSet((_ds, pod) => {
        pod.volumes = [
          { name: 'tmp', emptyDir: {} },
          { name: 'logs', hostPath: { path: '/var/log' } },
        ];
      });
      expect(violationsOf(ds, 'baseline')).toEqual([`${P}.volumes[1].hostPath hostPathVolumes`]);
      expect(messagesOf(ds, 'baseline')).toEqual(['hostPath volumes (volume "logs")']);
    });
  });

  describe('hostPorts', () => {
    it('allows a containerPort without hostPort, and hostPort 0', () => {
      expect(
        violationsOf(
          daemonSet((_ds, _pod, c) => {
            c.ports = [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }];
          }),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies a hostPort at its field', () => {
      const ds = daemonSet((_ds, _pod, c) => {
        c.ports = [{ containerPort: 80, hostPort: 8080 }];
      });
      expect(violationsOf(ds, 'baseline')).toEqual([`${P}.containers[0].ports[0].hostPort hostPorts`]);
      expect(messagesOf(ds, 'baseline')).toEqual(['hostPort (container "agent" uses hostPort 8080)']);
    });

    it('denies the hostPort that 1.27 defaults from containerPort under hostNetwork', () => {
      const ds = daemonSet((_ds, pod, c) => {
        pod.hostNetwork = true;
        c.ports = [{ containerPort: 9100 }];
      });
      expect(violationsOf(ds, 'baseline')).toEqual([
        `${P}.containers[0].ports[0].hostPort hostPorts`,
        `${P}.hostNetwork hostNamespaces`,
      ]);
      expect(messagesOf(ds, 'baseline')[0]).toBe(
        'hostPort (container "agent" uses hostPort 9100), defaulted from containerPort because hostNetwork=true',
      );
    });

    it('does not default hostPort for ephemeral containers', () => {
      const ds = daemonSet((_ds, pod) => {
        pod.hostNetwork = true;
        pod.ephemeralContainers = [{ name: 'debug', image: 'x', ports: [{ containerPort: 80 }] }];
      });
      expect(violationsOf(ds, 'baseline')).toEqual([`${P}.hostNetwork hostNamespaces`]);
    });
  });

  describe('appArmorProfile', () => {
    it('allows runtime/default, localhost/ profiles and an empty value', () => {
      const ds = daemonSet((ds) => {
        ds.spec.template.metadata.annotations = {
          'container.apparmor.security.beta.kubernetes.io/a': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/b': 'localhost/custom',
          'container.apparmor.security.beta.kubernetes.io/c': '',
        };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([]);
    });

    it('denies an unconfined profile at its annotation on the pod template', () => {
      const ds = daemonSet((ds) => {
        ds.spec.template.metadata.annotations = {
          'container.apparmor.security.beta.kubernetes.io/agent': 'unconfined',
        };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([
        'spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/agent] appArmorProfile',
      ]);
      expect(messagesOf(ds, 'baseline')).toEqual([
        'forbidden AppArmor profile (container.apparmor.security.beta.kubernetes.io/agent="unconfined")',
      ]);
    });

    it("ignores the DaemonSet's own annotations", () => {
      const ds = daemonSet((ds) => {
        ds.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/agent': 'unconfined' };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([]);
    });
  });

  describe('seLinuxOptions', () => {
    it('allows the container types and a level', () => {
      const ds = daemonSet((_ds, pod, c) => {
        pod.securityContext = { seLinuxOptions: { type: 'container_init_t', level: 's0:c123,c456' } };
        c.securityContext = { seLinuxOptions: { type: 'container_t' } };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([]);
    });

    it('denies a type, a user and a role each at its field', () => {
      const ds = daemonSet((_ds, pod, c) => {
        pod.securityContext = { seLinuxOptions: { type: 'spc_t' } };
        c.securityContext = { seLinuxOptions: { user: 'system_u', role: 'system_r' } };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([
        `${P}.containers[0].securityContext.seLinuxOptions.role seLinuxOptions`,
        `${P}.containers[0].securityContext.seLinuxOptions.user seLinuxOptions`,
        `${P}.securityContext.seLinuxOptions.type seLinuxOptions`,
      ]);
      expect(messagesOf(ds, 'baseline')).toEqual([
        'seLinuxOptions (container "agent" set forbidden securityContext.seLinuxOptions: role may not be set)',
        'seLinuxOptions (container "agent" set forbidden securityContext.seLinuxOptions: user may not be set)',
        'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t")',
      ]);
    });
  });

  describe('procMount', () => {
    it('allows procMount Default', () => {
      expect(
        violationsOf(
          daemonSet((_ds, _pod, c) => {
            c.securityContext = { procMount: 'Default' };
          }),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies procMount Unmasked', () => {
      const ds = daemonSet((_ds, _pod, c) => {
        c.securityContext = { procMount: 'Unmasked' };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([`${P}.containers[0].securityContext.procMount procMount`]);
      expect(messagesOf(ds, 'baseline')).toEqual([
        'procMount (container "agent" must not set securityContext.procMount to "Unmasked")',
      ]);
    });
  });

  describe('seccompProfile_baseline', () => {
    it('allows RuntimeDefault and Localhost profiles from v1.19', () => {
      const ds = daemonSet((_ds, pod, c) => {
        pod.securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
        c.securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } };
      });
      expect(violationsOf(ds, 'baseline', 'v1.19')).toEqual([]);
    });

    it('denies an Unconfined profile from v1.19', () => {
      const ds = daemonSet((_ds, pod) => {
        pod.securityContext = { seccompProfile: { type: 'Unconfined' } };
      });
      expect(violationsOf(ds, 'baseline', 'v1.19')).toEqual([
        `${P}.securityContext.seccompProfile.type seccompProfile_baseline`,
      ]);
      expect(messagesOf(ds, 'baseline', 'v1.19')).toEqual([
        'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
      ]);
    });

    it('reads the alpha annotations, not the fields, before v1.19', () => {
      const ds = daemonSet((ds, pod) => {
        pod.securityContext = { seccompProfile: { type: 'Unconfined' } };
        ds.spec.template.metadata.annotations = {
          'container.seccomp.security.alpha.kubernetes.io/agent': 'unconfined',
        };
      });
      expect(violationsOf(ds, 'baseline', 'v1.18')).toEqual([
        'spec.template.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/agent] seccompProfile_baseline',
      ]);
      expect(messagesOf(ds, 'baseline', 'v1.18')).toEqual([
        'seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/agent="unconfined")',
      ]);
      expect(violationsOf(ds, 'baseline', 'v1.19')).toEqual([
        `${P}.securityContext.seccompProfile.type seccompProfile_baseline`,
      ]);
    });

    it('ignores container annotations naming no container of the pod', () => {
      const ds = daemonSet((ds) => {
        ds.spec.template.metadata.annotations = {
          'container.seccomp.security.alpha.kubernetes.io/other': 'unconfined',
        };
      });
      expect(violationsOf(ds, 'baseline', 'v1.18')).toEqual([]);
    });
  });

  describe('sysctls', () => {
    const withSysctl = (name: string) =>
      daemonSet((_ds, pod) => {
        pod.securityContext = { sysctls: [{ name, value: '1' }] };
      });

    it('allows net.ipv4.ip_local_reserved_ports from v1.27', () => {
      expect(violationsOf(withSysctl('net.ipv4.ip_local_reserved_ports'), 'baseline', 'v1.27')).toEqual([]);
    });

    it('denies net.ipv4.ip_local_reserved_ports before v1.27', () => {
      expect(violationsOf(withSysctl('net.ipv4.ip_local_reserved_ports'), 'baseline', 'v1.26')).toEqual([
        `${P}.securityContext.sysctls[0].name sysctls`,
      ]);
    });

    it('denies an unsafe sysctl in PSA wording', () => {
      expect(messagesOf(withSysctl('kernel.msgmax'), 'baseline')).toEqual(['forbidden sysctls (kernel.msgmax)']);
    });
  });

  describe('windowsHostProcess', () => {
    it('allows hostProcess: false', () => {
      expect(
        violationsOf(
          daemonSet((_ds, pod) => {
            pod.securityContext = { windowsOptions: { hostProcess: false } };
          }),
          'baseline',
        ),
      ).toEqual([]);
    });

    it('denies hostProcess on the pod and on a container', () => {
      const ds = daemonSet((_ds, pod, c) => {
        pod.securityContext = { windowsOptions: { hostProcess: true } };
        c.securityContext = { windowsOptions: { hostProcess: true } };
      });
      expect(violationsOf(ds, 'baseline')).toEqual([
        `${P}.containers[0].securityContext.windowsOptions.hostProcess windowsHostProcess`,
        `${P}.securityContext.windowsOptions.hostProcess windowsHostProcess`,
      ]);
      expect(messagesOf(ds, 'baseline')[1]).toBe(
        'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)',
      );
    });
  });
});

import { describe, expect, it } from 'vitest';
import { hostNamespacesRules } from '../../../src/validate/rules/host-namespaces';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Table-driven cases at the minors where the checks flip (each checked against that minor's API
// server where the oracle is present).
const at = pipelineIssues({ rules: [hostNamespacesRules] });
const S = 'spec.template.spec';
const sysctls = (host: Record<string, boolean>, ...names: string[]) =>
  daemonSet((_d, p) => {
    Object.assign(p, host);
    p.securityContext = { sysctls: names.map((name) => ({ name, value: '1' })) };
  });
const SY = (i: number) => `${S}.securityContext.sysctls[${i}].name pod/sysctl-host-namespace`;

ruleCases(
  'namespaced sysctls of a shared host namespace (ValidateHostSysctl, 1.29+)',
  [
    {
      name: 'says a net sysctl would change the node under hostNetwork',
      manifest: sysctls({ hostNetwork: true }, 'net.ipv4.ip_forward'),
      want: [SY(0)],
      message:
        "Invalid value \"net.ipv4.ip_forward\": may not be specified when 'hostNetwork' is true: the pod shares the host's network namespace, so this sysctl would change the node; drop it or set it on the node",
      version: '1.29',
    },
    {
      name: 'reads a slashed net sysctl as a net one',
      manifest: sysctls({ hostNetwork: true }, 'net/ipv4/ip_forward'),
      want: [SY(0)],
      version: '1.29',
    },
    {
      name: 'says an IPC sysctl would change the node under hostIPC, for each IPC family',
      manifest: sysctls(
        { hostIPC: true },
        'kernel.shm_rmid_forced',
        'kernel.sem',
        'kernel.msgmax',
        'fs.mqueue.msg_max',
      ),
      want: [SY(0), SY(1), SY(2), SY(3)],
      message:
        "Invalid value \"kernel.shm_rmid_forced\": may not be specified when 'hostIPC' is true: the pod shares the host's IPC namespace, so this sysctl would change the node; drop it or set it on the node",
      version: '1.29',
    },
    {
      name: 'lets an IPC sysctl be under hostNetwork, and a net one under hostIPC',
      manifest: daemonSet((_d, p) => {
        p.hostNetwork = true;
        p.securityContext = { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] };
      }),
      want: [],
      version: '1.29',
    },
    {
      name: 'lets a net sysctl be under hostIPC',
      manifest: sysctls({ hostIPC: true }, 'net.ipv4.ip_forward', 'kernel.semmni', 'fs.mqueue'),
      want: [],
      version: '1.29',
    },
    {
      name: 'lets a sysctl of neither the net nor the IPC namespace be under hostNetwork',
      manifest: sysctls({ hostNetwork: true }, 'kernel.domainname', 'vm.overcommit_memory'),
      want: [],
      version: '1.29',
    },
    {
      name: 'lets namespaced sysctls be without host namespaces',
      manifest: sysctls({ hostNetwork: false }, 'net.ipv4.ip_forward', 'kernel.shm_rmid_forced'),
      want: [],
      version: '1.29',
    },
    {
      name: 'accepts a net sysctl under hostNetwork before 1.29',
      manifest: sysctls({ hostNetwork: true }, 'net.ipv4.ip_forward'),
      want: [],
      version: '1.28',
    },
  ],
  at,
);

const userNs = (edit: (p: any) => void) =>
  daemonSet((_d, p) => {
    p.hostUsers = false;
    edit(p);
  });
const withDevices = (p: any) => {
  p.volumes = [{ name: 'b', persistentVolumeClaim: { claimName: 'blk' } }];
  p.containers[0].volumeDevices = [{ name: 'b', devicePath: '/dev/xvdb' }];
  p.initContainers = [{ name: 'init', image: 'x', volumeDevices: [{ name: 'b', devicePath: '/dev/xvdc' }] }];
};

ruleCases(
  'user namespaces (validateHostUsers)',
  [
    {
      name: 'says a user-namespaced pod cannot share the host network (1.33 wording)',
      manifest: userNs((p) => (p.hostNetwork = true)),
      want: [`${S}.hostNetwork pod/host-users-host-namespace`],
      message:
        "Forbidden: when `pod.Spec.HostUsers` is false: a user-namespaced pod cannot share the host's namespaces; set hostNetwork to false or drop hostUsers",
      version: '1.33',
    },
    {
      name: 'reports hostPID and hostIPC at the capitalised paths the server prints (1.34 wording)',
      manifest: userNs((p) => {
        p.hostPID = true;
        p.hostIPC = true;
      }),
      want: [`${S}.HostIPC pod/host-users-host-namespace`, `${S}.HostPID pod/host-users-host-namespace`],
      message:
        "Forbidden: when `hostUsers` is false: a user-namespaced pod cannot share the host's namespaces; set hostIPC to false or drop hostUsers",
      version: '1.34',
    },
    {
      name: 'forbids block devices in every container list from a user namespace (1.34)',
      manifest: userNs(withDevices),
      want: [
        `${S}.containers[0].volumeDevices pod/host-users-volume-devices`,
        `${S}.initContainers[0].volumeDevices pod/host-users-volume-devices`,
      ],
      message:
        'Forbidden: when `hostUsers` is false: block devices cannot be used from a user namespace; drop volumeDevices or hostUsers',
      version: '1.34',
    },
    {
      name: 'allows block devices from a user namespace in 1.33',
      manifest: userNs(withDevices),
      want: [],
      version: '1.33',
    },
    {
      name: 'allows host namespaces with hostUsers true',
      manifest: daemonSet((_d, p) => {
        p.hostUsers = true;
        p.hostNetwork = true;
        withDevices(p);
      }),
      want: [],
      version: '1.34',
    },
  ],
  at,
);

describe('host namespace values of a wrong type', () => {
  it('are left to the type rules', () => {
    const m = daemonSet((_d, p) => {
      p.hostNetwork = true;
      p.securityContext = { sysctls: [{ name: 1 }, { name: '' }] };
    });
    expect(at(m, '1.29').lines).toEqual([]);
  });
});

import type { FieldPath, Issue } from '../issue';
import { get, goString, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';

/**
 * What a pod sharing a host namespace may not ask for, as each minor decides it:
 *  - namespaced sysctls of a shared namespace (validateSysctls → ValidateHostSysctl, 1.29+, when
 *    AllowNamespacedSysctlsForHostNetAndHostIPC is false, i.e. on every create);
 *  - host namespaces and, since 1.34, volumeDevices with `hostUsers: false` (validateHostUsers,
 *    reached only where UserNamespacesSupport keeps the field: dropDisabledFields removes it otherwise).
 */

type SysctlNamespace = 'net' | 'ipc' | undefined;

// component-helpers/node/util/sysctl GetNamespace (1.29 … 1.34).
function namespaceOf(name: string): SysctlNamespace {
  const n = name.replaceAll('/', '.');
  if (n === 'kernel.sem' || n.startsWith('kernel.shm') || n.startsWith('kernel.msg') || n.startsWith('fs.mqueue.'))
    return 'ipc';
  return n.startsWith('net.') ? 'net' : undefined;
}

const hostSysctls: Rule = (spec, path, ctx) => {
  const sysctls = list(get(get(spec, 'securityContext'), 'sysctls'));
  if (sysctls.length === 0 || ctx.profile.options.AllowNamespacedSysctlsForHostNetAndHostIPC) return NO_ISSUES;
  const hostNetwork = get(spec, 'hostNetwork') === true;
  const hostIPC = get(spec, 'hostIPC') === true;
  if (!hostNetwork && !hostIPC) return NO_ISSUES;
  const out: Issue[] = [];
  sysctls.forEach((s, i) => {
    const name = goString(get(s, 'name'));
    if (!name) return;
    const ns = namespaceOf(name);
    const shared = ns === 'net' && hostNetwork ? 'hostNetwork' : ns === 'ipc' && hostIPC ? 'hostIPC' : undefined;
    if (shared)
      out.push({
        path: [...path, 'securityContext', 'sysctls', i, 'name'],
        code: 'pod/sysctl-host-namespace',
        message: `Invalid value ${show(name)}: may not be specified when '${shared}' is true: the pod shares the host's ${ns === 'net' ? 'network' : 'IPC'} namespace, so this sysctl would change the node; drop it or set it on the node`,
      });
  });
  return out;
};

// validateHostUsers (1.33: "when `pod.Spec.HostUsers` is false"; 1.34 words it "when `hostUsers` is false").
const hostUsers: Rule = (spec, path, ctx) => {
  if (get(spec, 'hostUsers') !== false) return NO_ISSUES;
  const when = ctx.profile.switches.userNamespacesForbidVolumeDevices
    ? 'when `hostUsers` is false'
    : 'when `pod.Spec.HostUsers` is false';
  const out: Issue[] = [];
  // The upstream paths of hostPID and hostIPC are capitalised (fldPath.Child("HostPID")), sic.
  const fields: [string, string][] = [
    ['hostNetwork', 'hostNetwork'],
    ['hostPID', 'HostPID'],
    ['hostIPC', 'HostIPC'],
  ];
  for (const [name, at] of fields) {
    if (get(spec, name) === true)
      out.push({
        path: [...path, at],
        code: 'pod/host-users-host-namespace',
        message: `Forbidden: ${when}: a user-namespaced pod cannot share the host's namespaces; set ${name} to false or drop hostUsers`,
      });
  }
  if (!ctx.profile.options.AllowUserNamespacesWithVolumeDevices) {
    for (const listName of ['initContainers', 'containers']) {
      list(get(spec, listName)).forEach((c, i) => {
        if (list(get(c, 'volumeDevices')).length > 0)
          out.push({
            path: [...path, listName, i, 'volumeDevices'] as FieldPath,
            code: 'pod/host-users-volume-devices',
            message: `Forbidden: ${when}: block devices cannot be used from a user namespace; drop volumeDevices or hostUsers`,
          });
      });
    }
  }
  return out;
};

export const hostNamespacesRules: RuleSet = {
  podSpec: [hostSysctls, hostUsers],
};

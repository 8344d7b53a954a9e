import { get, isObject, list, str } from '../validate/read';
import { forbidden, podSecurityContext, type PodView, type PssCheck, type PssFinding } from './_check';

/** sysctls_allowed_1_0 (policy/check_sysctls.go). */
const ALLOWED_1_0: readonly string[] = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];

/** sysctls_allowed_1_27 (policy/check_sysctls.go): 1.27 adds net.ipv4.ip_local_reserved_ports. */
const ALLOWED_1_27: readonly string[] = [...ALLOWED_1_0, 'net.ipv4.ip_local_reserved_ports'];

// sysctls (policy/check_sysctls.go, v0.27.16): every spec.securityContext.sysctls[*].name outside the set.
function sysctlsWith(allowed: ReadonlySet<string>) {
  return (pod: PodView): PssFinding[] => {
    const out: PssFinding[] = [];
    list(get(podSecurityContext(pod), 'sysctls')).forEach((s, i) => {
      if (!isObject(s)) return;
      const name = str(get(s, 'name')) ?? '';
      if (allowed.has(name)) return;
      out.push(forbidden([...pod.specPath, 'securityContext', 'sysctls', i, 'name'], 'forbidden sysctls', name));
    });
    return out;
  };
}

/** CheckSysctls (policy/check_sysctls.go): only the namespaced, isolated "safe" sysctls. */
export const sysctls: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  versions: [
    { minimumVersion: 0, checkPod: sysctlsWith(new Set(ALLOWED_1_0)) }, // sysctls_1_0
    { minimumVersion: 27, checkPod: sysctlsWith(new Set(ALLOWED_1_27)) }, // sysctls_1_27
  ],
};

import { get } from '../validate/read';
import { forbidden, type PodView, type PssCheck, type PssFinding } from './_check';

// hostNamespaces_1_0 (policy/check_hostNamespaces.go, v0.27.16)
function hostNamespaces10(pod: PodView): PssFinding[] {
  return ['hostNetwork', 'hostPID', 'hostIPC']
    .filter((f) => get(pod.spec, f) === true)
    .map((f) => forbidden([...pod.specPath, f], 'host namespaces', `${f}=true`));
}

/** CheckHostNamespaces (policy/check_hostNamespaces.go): no host network, PID or IPC namespace. */
export const hostNamespaces: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: hostNamespaces10 }],
};

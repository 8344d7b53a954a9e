import { get } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  podSecurityContext,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

// runAsUser_1_23 (policy/check_runAsUser.go, v0.27.16): explicit 0 only; unset is allowed.
function runAsUser123(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  if (get(podSecurityContext(pod), 'runAsUser') === 0) {
    out.push(
      forbidden([...pod.specPath, 'securityContext', 'runAsUser'], 'runAsUser=0', 'pod must not set runAsUser=0'),
    );
  }
  for (const c of containersOf(pod)) {
    if (get(c.securityContext, 'runAsUser') !== 0) continue;
    out.push(
      forbidden(
        [...c.path, 'securityContext', 'runAsUser'],
        'runAsUser=0',
        `${containerLabel(c.name)} must not set runAsUser=0`,
      ),
    );
  }
  return out;
}

/** CheckRunAsUser (policy/check_runAsUser.go): no runAsUser=0, from 1.23. */
export const runAsUser: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [{ minimumVersion: 23, checkPod: runAsUser123 }],
};

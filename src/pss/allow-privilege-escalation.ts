import { get } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  isWindowsPod,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

// allowPrivilegeEscalation_1_8 (policy/check_allowPrivilegeEscalation.go, v0.27.16): unset counts as true.
function allowPrivilegeEscalation18(pod: PodView): PssFinding[] {
  return containersOf(pod)
    .filter((c) => get(c.securityContext, 'allowPrivilegeEscalation') !== false)
    .map((c) =>
      forbidden(
        [...c.path, 'securityContext', 'allowPrivilegeEscalation'],
        'allowPrivilegeEscalation != false',
        `${containerLabel(c.name)} must set securityContext.allowPrivilegeEscalation=false`,
      ),
    );
}

// allowPrivilegeEscalation_1_25 (policy/check_allowPrivilegeEscalation.go): Windows pods are exempt.
function allowPrivilegeEscalation125(pod: PodView): PssFinding[] {
  return isWindowsPod(pod) ? [] : allowPrivilegeEscalation18(pod);
}

/** CheckAllowPrivilegeEscalation (policy/check_allowPrivilegeEscalation.go): every container sets it false, from 1.8. */
export const allowPrivilegeEscalation: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [
    { minimumVersion: 8, checkPod: allowPrivilegeEscalation18 },
    { minimumVersion: 25, checkPod: allowPrivilegeEscalation125 },
  ],
};

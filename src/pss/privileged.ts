import { get } from '../validate/read';
import { containerLabel, containersOf, forbidden, type PodView, type PssCheck, type PssFinding } from './_check';

// privileged_1_0 (policy/check_privileged.go, v0.27.16)
function privileged10(pod: PodView): PssFinding[] {
  return containersOf(pod)
    .filter((c) => get(c.securityContext, 'privileged') === true)
    .map((c) =>
      forbidden(
        [...c.path, 'securityContext', 'privileged'],
        'privileged',
        `${containerLabel(c.name)} must not set securityContext.privileged=true`,
      ),
    );
}

/** CheckPrivileged (policy/check_privileged.go): no privileged containers. */
export const privileged: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: privileged10 }],
};

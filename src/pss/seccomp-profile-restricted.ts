import {
  containerLabel,
  containersOf,
  forbidden,
  isWindowsPod,
  joinQuote,
  podSecurityContext,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';
import { SECCOMP_BASELINE_ID, seccompType, validSeccomp } from './seccomp-profile-baseline';

// seccompProfileRestricted_1_19 (policy/check_seccompProfile_restricted.go, v0.27.16).
// PSA words only the explicit offenders while there are any; we report the implicit ones too,
// so one pass shows every field to fix (the verdict is the same).
function seccompProfileRestricted119(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  const podType = seccompType(podSecurityContext(pod));
  const podSet = podType !== undefined && validSeccomp(podType);
  if (podType !== undefined && !podSet) {
    out.push(
      forbidden(
        [...pod.specPath, 'securityContext', 'seccompProfile', 'type'],
        'seccompProfile',
        `pod must not set securityContext.seccompProfile.type to ${joinQuote([podType])}`,
      ),
    );
  }
  for (const c of containersOf(pod)) {
    const type = seccompType(c.securityContext);
    const path = [...c.path, 'securityContext', 'seccompProfile', 'type'];
    if (type !== undefined) {
      if (!validSeccomp(type)) {
        out.push(
          forbidden(
            path,
            'seccompProfile',
            `${containerLabel(c.name)} must not set securityContext.seccompProfile.type to ${joinQuote([type])}`,
          ),
        );
      }
    } else if (!podSet) {
      out.push(
        forbidden(
          path,
          'seccompProfile',
          `pod or ${containerLabel(c.name)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
        ),
      );
    }
  }
  return out;
}

// seccompProfileRestricted_1_25 (policy/check_seccompProfile_restricted.go): Windows pods are exempt.
function seccompProfileRestricted125(pod: PodView): PssFinding[] {
  return isWindowsPod(pod) ? [] : seccompProfileRestricted119(pod);
}

/** CheckSeccompProfileRestricted (policy/check_seccompProfile_restricted.go): a valid profile must be set. */
export const seccompProfileRestricted: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  versions: [
    { minimumVersion: 19, checkPod: seccompProfileRestricted119, overrideCheckIds: [SECCOMP_BASELINE_ID] },
    { minimumVersion: 25, checkPod: seccompProfileRestricted125, overrideCheckIds: [SECCOMP_BASELINE_ID] },
  ],
};

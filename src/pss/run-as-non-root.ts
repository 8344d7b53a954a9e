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

// runAsNonRoot_1_0 (policy/check_runAsNonRoot.go, v0.27.16). No Windows exemption at 1.27.
// PSA words only the explicit offenders while there are any; we report the implicit ones too,
// so one pass shows every field to fix (the verdict is the same).
function runAsNonRoot10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  const podValue = get(podSecurityContext(pod), 'runAsNonRoot');
  if (podValue === false) {
    out.push(
      forbidden(
        [...pod.specPath, 'securityContext', 'runAsNonRoot'],
        'runAsNonRoot != true',
        'pod must not set securityContext.runAsNonRoot=false',
      ),
    );
  }
  for (const c of containersOf(pod)) {
    const value = get(c.securityContext, 'runAsNonRoot');
    const path = [...c.path, 'securityContext', 'runAsNonRoot'];
    if (value === false) {
      out.push(
        forbidden(
          path,
          'runAsNonRoot != true',
          `${containerLabel(c.name)} must not set securityContext.runAsNonRoot=false`,
        ),
      );
    } else if (value !== true && podValue !== true) {
      out.push(
        forbidden(
          path,
          'runAsNonRoot != true',
          `pod or ${containerLabel(c.name)} must set securityContext.runAsNonRoot=true`,
        ),
      );
    }
  }
  return out;
}

/** CheckRunAsNonRoot (policy/check_runAsNonRoot.go): pod or every container sets runAsNonRoot=true. */
export const runAsNonRoot: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  versions: [{ minimumVersion: 0, checkPod: runAsNonRoot10 }],
};

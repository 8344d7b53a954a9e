import type { FieldPath } from '../validate/issue';
import { field } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  podSecurityContext,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

// windowsHostProcess_1_0 (policy/check_windowsHostProcess.go, v0.27.16)
function windowsHostProcess10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  const check = (securityContext: unknown, path: FieldPath, setter: string): void => {
    if (field(securityContext, 'windowsOptions', 'hostProcess') !== true) return;
    out.push(
      forbidden(
        [...path, 'securityContext', 'windowsOptions', 'hostProcess'],
        'hostProcess',
        `${setter} must not set securityContext.windowsOptions.hostProcess=true`,
      ),
    );
  };
  check(podSecurityContext(pod), pod.specPath, 'pod');
  for (const c of containersOf(pod)) check(c.securityContext, c.path, containerLabel(c.name));
  return out;
}

/** CheckWindowsHostProcess (policy/check_windowsHostProcess.go): no Windows HostProcess pods or containers. */
export const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: windowsHostProcess10 }],
};

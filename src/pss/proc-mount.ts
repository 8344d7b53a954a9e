import { get } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  joinQuote,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

// procMount_1_0 (policy/check_procMount.go, v0.27.16): unset or "Default" (corev1.DefaultProcMount).
function procMount10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  for (const c of containersOf(pod)) {
    const procMount = get(c.securityContext, 'procMount');
    if (typeof procMount !== 'string' || procMount === 'Default') continue;
    out.push(
      forbidden(
        [...c.path, 'securityContext', 'procMount'],
        'procMount',
        `${containerLabel(c.name)} must not set securityContext.procMount to ${joinQuote([procMount])}`,
      ),
    );
  }
  return out;
}

/** CheckProcMount (policy/check_procMount.go): keep the default /proc masks. */
export const procMount: PssCheck = {
  id: 'procMount',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: procMount10 }],
};

import type { FieldPath } from '../validate/issue';
import { asObject, get, str } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  joinQuote,
  podSecurityContext,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

/** selinux_allowed_types_1_0 (policy/check_seLinuxOptions.go). */
const ALLOWED_TYPES_1_0: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

// validSELinuxOptions inside seLinuxOptions_1_0: a type outside the set, any user, any role.
function badOptions(opts: unknown, path: FieldPath, setter: string): PssFinding[] {
  const o = asObject(opts);
  if (o === undefined) return [];
  const out: PssFinding[] = [];
  const bad = (f: string, data: string): void => {
    out.push(
      forbidden([...path, f], 'seLinuxOptions', `${setter} set forbidden securityContext.seLinuxOptions: ${data}`),
    );
  };
  const type = str(get(o, 'type')) ?? '';
  if (!ALLOWED_TYPES_1_0.has(type)) bad('type', `type ${joinQuote([type])}`);
  if ((str(get(o, 'user')) ?? '') !== '') bad('user', 'user may not be set');
  if ((str(get(o, 'role')) ?? '') !== '') bad('role', 'role may not be set');
  return out;
}

// seLinuxOptions_1_0 (policy/check_seLinuxOptions.go, v0.27.16)
function seLinuxOptions10(pod: PodView): PssFinding[] {
  const out = badOptions(
    get(podSecurityContext(pod), 'seLinuxOptions'),
    [...pod.specPath, 'securityContext', 'seLinuxOptions'],
    'pod',
  );
  for (const c of containersOf(pod)) {
    out.push(
      ...badOptions(
        get(c.securityContext, 'seLinuxOptions'),
        [...c.path, 'securityContext', 'seLinuxOptions'],
        containerLabel(c.name),
      ),
    );
  }
  return out;
}

/** CheckSELinuxOptions (policy/check_seLinuxOptions.go): container SELinux types only, no user or role. */
export const seLinuxOptions: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: seLinuxOptions10 }],
};

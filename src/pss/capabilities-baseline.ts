import { field, list } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  joinQuote,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

/** capabilities_allowed_1_0 (policy/check_capabilities_baseline.go): the container runtime's default set. */
const ALLOWED_1_0: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

// capabilitiesBaseline_1_0 (policy/check_capabilities_baseline.go, v0.27.16)
function capabilitiesBaseline10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  for (const c of containersOf(pod)) {
    list(field(c.securityContext, 'capabilities', 'add')).forEach((cap, j) => {
      if (typeof cap !== 'string' || ALLOWED_1_0.has(cap)) return;
      out.push(
        forbidden(
          [...c.path, 'securityContext', 'capabilities', 'add', j],
          'non-default capabilities',
          `${containerLabel(c.name)} must not include ${joinQuote([cap])} in securityContext.capabilities.add`,
        ),
      );
    });
  }
  return out;
}

export const CAPABILITIES_BASELINE_ID = 'capabilities_baseline';

/** CheckCapabilitiesBaseline (policy/check_capabilities_baseline.go): add only capabilities from the default set. */
export const capabilitiesBaseline: PssCheck = {
  id: CAPABILITIES_BASELINE_ID,
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: capabilitiesBaseline10 }],
};

import { asObject, get, list } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  isWindowsPod,
  joinQuote,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';
import { CAPABILITIES_BASELINE_ID } from './capabilities-baseline';

// capabilitiesRestricted_1_22 (policy/check_capabilities_restricted.go, v0.27.16): drop must hold "ALL",
// add may hold only "NET_BIND_SERVICE".
function capabilitiesRestricted122(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  for (const c of containersOf(pod)) {
    const capsPath = [...c.path, 'securityContext', 'capabilities'];
    const caps = asObject(get(c.securityContext, 'capabilities'));
    if (!list(get(caps, 'drop')).includes('ALL')) {
      out.push(
        forbidden(
          [...capsPath, 'drop'],
          'unrestricted capabilities',
          `${containerLabel(c.name)} must set securityContext.capabilities.drop=["ALL"]`,
        ),
      );
    }
    list(get(caps, 'add')).forEach((cap, j) => {
      if (typeof cap !== 'string' || cap === 'NET_BIND_SERVICE') return;
      out.push(
        forbidden(
          [...capsPath, 'add', j],
          'unrestricted capabilities',
          `${containerLabel(c.name)} must not include ${joinQuote([cap])} in securityContext.capabilities.add`,
        ),
      );
    });
  }
  return out;
}

// capabilitiesRestricted_1_25 (policy/check_capabilities_restricted.go): Windows pods are exempt.
function capabilitiesRestricted125(pod: PodView): PssFinding[] {
  return isWindowsPod(pod) ? [] : capabilitiesRestricted122(pod);
}

/** CheckCapabilitiesRestricted (policy/check_capabilities_restricted.go): from 1.22; replaces capabilities_baseline. */
export const capabilitiesRestricted: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  versions: [
    { minimumVersion: 22, checkPod: capabilitiesRestricted122, overrideCheckIds: [CAPABILITIES_BASELINE_ID] },
    { minimumVersion: 25, checkPod: capabilitiesRestricted125, overrideCheckIds: [CAPABILITIES_BASELINE_ID] },
  ],
};

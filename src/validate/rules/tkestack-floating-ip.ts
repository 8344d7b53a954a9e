/**
 * TKEStack Galaxy's FloatingIP release policy (docs/tkestack.md §1). Galaxy keeps floating IPs only
 * for Deployments, StatefulSets and pods named `<name>-<index>` (`supportReserveIPPolicy`,
 * pkg/ipam/schedulerplugin/floatingip_plugin.go, tkestack/galaxy @1b17268): a DaemonSet pod whose
 * policy is `immutable` or `never` fails scheduling and stays Pending.
 */
import { key } from '../issue';
import { get, issue } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { GALAXY_RELEASE_POLICY_ANNOTATION, RELEASE_POLICY_VALUES } from '../../tkestack/floating-ip';

/** The policies Galaxy cannot honour for a DaemonSet, by annotation value (`ConvertReleasePolicy`, case-sensitive). */
const KEEPING_POLICIES: ReadonlyMap<string, string> = new Map([
  [RELEASE_POLICY_VALUES.Immutable, 'Immutable'],
  [RELEASE_POLICY_VALUES.Never, 'Never'],
]);

const releasePolicy: Rule = (meta, path, ctx) => {
  // Of the kinds the engine checks (VALIDATED_KINDS), only a DaemonSet has a pod template.
  if (ctx.metadataOf !== 'podTemplate') return NO_ISSUES;
  const value = get(get(meta, 'annotations'), GALAXY_RELEASE_POLICY_ANNOTATION);
  const policy = typeof value === 'string' ? KEEPING_POLICIES.get(value) : undefined;
  if (policy === undefined) return NO_ISSUES;
  return [
    issue(
      [...path, 'annotations', key(GALAXY_RELEASE_POLICY_ANNOTATION)],
      'network/floating-ip-policy-unsupported',
      `Galaxy keeps floating IPs only for Deployments, StatefulSets and pods named "<name>-<index>" ` +
        `(supportReserveIPPolicy), so a DaemonSet pod with release policy ${policy} is never scheduled: ` +
        "use OnPodDelete (the IP is kept for the pod's lifetime)",
    ),
  ];
};

export const tkestackFloatingIpRules: RuleSet = { objectMeta: [releasePolicy] };

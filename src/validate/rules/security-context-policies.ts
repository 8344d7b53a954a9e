/**
 * Security-context fields later minors add and keep only where their gate is on (dropDisabledFields
 * removes them, or forces procMount to Default, elsewhere): seLinuxChangePolicy and
 * supplementalGroupsPolicy of the pod, procMount of each container.
 */
import type { FieldPath } from '../issue';
import { field, get, issue, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { notSupported } from './_shared/values';

const SELINUX_CHANGE_POLICIES = ['MountOption', 'Recursive'];
const ONLY_RECURSIVE = ['Recursive'];
const SUPPLEMENTAL_GROUPS_POLICIES = ['Merge', 'Strict'];
const PROC_MOUNT_TYPES = ['Default', 'Unmasked'];

/**
 * validateSELinuxChangePolicy (1.33): while SELinuxMount is off (AllowOnlyRecursiveSELinuxChangePolicy)
 * only Recursive; MountOption needs the SELinuxMount gate.
 */
const seLinuxChangePolicy: Rule = (spec, path, ctx) => {
  const v = field(spec, 'securityContext', 'seLinuxChangePolicy');
  // The gate too: engine-only callers (no drop phase) must not see a field the minor drops.
  if (typeof v !== 'string' || !ctx.profile.gates.SELinuxChangePolicy) return NO_ISSUES;
  const allowed = ctx.profile.options.AllowOnlyRecursiveSELinuxChangePolicy ? ONLY_RECURSIVE : SELINUX_CHANGE_POLICIES;
  if (allowed.includes(v)) return NO_ISSUES;
  const hint =
    v === 'MountOption' && allowed === ONLY_RECURSIVE
      ? ` (MountOption needs the SELinuxMount feature gate, off in Kubernetes ${ctx.profile.version})`
      : '';
  return [
    issue(
      [...path, 'securityContext', 'seLinuxChangePolicy'],
      'pod/selinux-change-policy-unsupported',
      `${notSupported(v, allowed)}${hint}`,
    ),
  ];
};

// validateSupplementalGroupsPolicy (1.31, kept from 1.33 where SupplementalGroupsPolicy is on).
const supplementalGroupsPolicy: Rule = (spec, path, ctx) => {
  const v = field(spec, 'securityContext', 'supplementalGroupsPolicy');
  if (typeof v !== 'string' || !ctx.profile.gates.SupplementalGroupsPolicy || SUPPLEMENTAL_GROUPS_POLICIES.includes(v))
    return NO_ISSUES;
  return [
    issue(
      [...path, 'securityContext', 'supplementalGroupsPolicy'],
      'pod/supplemental-groups-policy-unsupported',
      notSupported(v, SUPPLEMENTAL_GROUPS_POLICIES),
    ),
  ];
};

/**
 * ValidateSecurityContext's procMount checks (1.30 wording; reached from 1.33, where ProcMountType
 * is on: before, the drop phase stores Default): a known type, and Unmasked only in a user
 * namespace (`hostUsers: false`).
 */
const procMount: Rule = (c, path, ctx) => {
  const v = field(c, 'securityContext', 'procMount');
  if (typeof v !== 'string' || !ctx.profile.gates.ProcMountType) return NO_ISSUES;
  const p: FieldPath = [...path, 'securityContext', 'procMount'];
  if (!PROC_MOUNT_TYPES.includes(v))
    return [issue(p, 'security-context/proc-mount-unsupported', notSupported(v, PROC_MOUNT_TYPES))];
  if (v === 'Unmasked' && get(ctx.podSpec, 'hostUsers') !== false)
    return [
      issue(
        p,
        'security-context/proc-mount-unmasked-host-users',
        `Invalid value ${show(v)}: \`hostUsers\` must be false to use \`Unmasked\`: set spec.hostUsers to false, or use Default`,
      ),
    ];
  return NO_ISSUES;
};

export const securityContextPoliciesRules: RuleSet = {
  podSpec: [seLinuxChangePolicy, supplementalGroupsPolicy],
  container: [procMount],
};

import type { CheckPodFn, PssCheck, PssLevel, VersionedCheck } from './_check';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { appArmorProfile } from './app-armor-profile';
import { capabilitiesBaseline } from './capabilities-baseline';
import { capabilitiesRestricted } from './capabilities-restricted';
import { hostNamespaces } from './host-namespaces';
import { hostPathVolumes } from './host-path-volumes';
import { hostPorts } from './host-ports';
import { privileged } from './privileged';
import { procMount } from './proc-mount';
import { restrictedVolumes } from './restricted-volumes';
import { runAsNonRoot } from './run-as-non-root';
import { runAsUser } from './run-as-user';
import { seLinuxOptions } from './se-linux-options';
import { seccompProfileBaseline } from './seccomp-profile-baseline';
import { seccompProfileRestricted } from './seccomp-profile-restricted';
import { sysctls } from './sysctls';
import { windowsHostProcess } from './windows-host-process';

/** policy.DefaultChecks() at v0.27.16: every check file's init() registration. 1.27 has no experimental checks. */
export const PSS_CHECKS: readonly PssCheck[] = [
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  privileged,
  procMount,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seLinuxOptions,
  seccompProfileBaseline,
  seccompProfileRestricted,
  sysctls,
  windowsHostProcess,
];

/**
 * checkRegistry.maxVersion (policy/registry.go populate): the newest MinimumVersion of any check,
 * 1.27 here. Newer policy versions and "latest" evaluate as this one.
 */
export const PSS_MAX_MINOR = Math.max(...PSS_CHECKS.flatMap((c) => c.versions.map((v) => v.minimumVersion)));

/** The versioned check in force at `minor`: the last one whose MinimumVersion is not newer (inflateVersions). */
function inForce(check: PssCheck, minor: number): VersionedCheck | undefined {
  return [...check.versions].reverse().find((v) => v.minimumVersion <= minor);
}

/** One check as it runs at a level and version. */
export interface ActiveCheck {
  readonly id: string;
  readonly checkPod: CheckPodFn;
}

/**
 * The checks a level runs at policy version 1.`minor`, as checkRegistry.EvaluatePod picks them
 * (policy/registry.go populate): none for privileged; baseline's own for baseline; for restricted,
 * restricted's plus baseline's minus those a restricted check in force overrides. Baseline IDs
 * first, then restricted, each sorted.
 */
export function activeChecks(level: PssLevel, minor: number): ActiveCheck[] {
  if (level === 'privileged') return [];
  const v = Math.min(minor, PSS_MAX_MINOR);
  const pick = (l: PssCheck['level']) =>
    PSS_CHECKS.filter((c) => c.level === l)
      .flatMap((c) => {
        const versioned = inForce(c, v);
        return versioned === undefined
          ? []
          : [{ id: c.id, checkPod: versioned.checkPod, overrides: versioned.overrideCheckIds ?? [] }];
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const baseline = pick('baseline');
  if (level === 'baseline') return baseline;
  const restricted = pick('restricted');
  const overridden = new Set(restricted.flatMap((c) => c.overrides));
  return [...baseline.filter((c) => !overridden.has(c.id)), ...restricted];
}

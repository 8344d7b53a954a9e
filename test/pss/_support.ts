import { checkPodSecurity, type PssLevel, type PssVersion } from '../../src/pss';
import { toFieldPath } from '../../src/validate/issue';
import { daemonSet } from '../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The unexempted violations of a manifest as `path check` lines. */
export function violationsOf(manifest: unknown, level: PssLevel, version?: PssVersion): string[] {
  return checkPodSecurity(manifest, { level, version }).violations.map((v) => `${toFieldPath(v.path)} ${v.check}`);
}

/** The messages of a manifest's violations. */
export function messagesOf(manifest: unknown, level: PssLevel, version?: PssVersion): string[] {
  return checkPodSecurity(manifest, { level, version }).violations.map((v) => v.message);
}

/** A DaemonSet that passes restricted at every version; `edit` changes it in place. */
export function restrictedDaemonSet(edit?: (ds: any, pod: any, container: any) => void): any {
  return daemonSet((ds, pod, c) => {
    pod.securityContext = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
    c.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    edit?.(ds, pod, c);
  });
}

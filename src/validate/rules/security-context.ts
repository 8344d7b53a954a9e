import type { FieldPath, Issue } from '../issue';
import { get, goString, intText, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { isValidUnixId, UNIX_ID_RANGE_ERROR } from './_shared/container-names';
import { windowsOptionsIssues } from './_shared/windows-options';

/** A path with no `..` element (validateLocalDescendingPath, 1.27), for seccomp localhost profiles. */
function localDescendingPathIssues(p: string, path: FieldPath, code: string): Issue[] {
  const out: Issue[] = [];
  if (p.startsWith('/')) out.push(issue(path, code, `Invalid value ${show(p)}: must be a relative path`));
  if (p.split('/').includes('..')) out.push(issue(path, code, `Invalid value ${show(p)}: must not contain '..'`));
  return out;
}

// validateSeccompProfileField (1.27).
function seccompProfile(sp: unknown, path: FieldPath): readonly Issue[] {
  if (!isSet(sp)) return NO_ISSUES;
  const out: Issue[] = [];
  const type = goString(get(sp, 'type'));
  if (type === '')
    out.push(
      issue(
        [...path, 'type'],
        'security-context/seccomp-type-required',
        'Required value: type is required when seccompProfile is set: RuntimeDefault, Localhost or Unconfined',
      ),
    );
  else if (type !== undefined && !['Localhost', 'RuntimeDefault', 'Unconfined'].includes(type)) {
    out.push(
      issue(
        [...path, 'type'],
        'security-context/seccomp-type-unsupported',
        `Unsupported value ${show(type)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
      ),
    );
  }
  const lp = get(sp, 'localhostProfile');
  if (type === 'Localhost') {
    if (!isSet(lp))
      out.push(
        issue(
          [...path, 'localhostProfile'],
          'security-context/seccomp-localhost-profile-required',
          'Required value: must be set when seccomp type is Localhost',
        ),
      );
    else if (typeof lp === 'string')
      out.push(
        ...localDescendingPathIssues(
          lp,
          [...path, 'localhostProfile'],
          'security-context/seccomp-localhost-profile-invalid',
        ),
      );
  } else if (isSet(lp) && type !== undefined) {
    out.push(
      issue(
        [...path, 'localhostProfile'],
        'security-context/seccomp-localhost-profile-forbidden',
        `Invalid value ${show(lp)}: can only be set when seccomp type is Localhost`,
      ),
    );
  }
  return out;
}

// ValidateSecurityContext (1.27). procMount is not checked: the ProcMountType gate is off in 1.27,
// so the field is dropped before validation. `privileged: true` depends on the apiserver's
// --allow-privileged, which kubeadm, kind and managed clusters turn on, so it is accepted.
const securityContext: Rule = (c, path) => {
  const sc = get(c, 'securityContext');
  if (!isSet(sc)) return NO_ISSUES;
  const p: FieldPath = [...path, 'securityContext'];
  const out: Issue[] = [];
  for (const f of ['runAsUser', 'runAsGroup']) {
    const v = get(sc, f);
    if (typeof v === 'number' && Number.isInteger(v) && !isValidUnixId(v)) {
      out.push(
        issue(
          [...p, f],
          'security-context/id-out-of-range',
          `Invalid value ${intText(sc as object, f, v)}: ${UNIX_ID_RANGE_ERROR}`,
        ),
      );
    }
  }
  out.push(...seccompProfile(get(sc, 'seccompProfile'), [...p, 'seccompProfile']));
  if (get(sc, 'allowPrivilegeEscalation') === false) {
    if (get(sc, 'privileged') === true) {
      out.push(
        issue(
          p,
          'security-context/privileged-without-escalation',
          'Invalid value: cannot set `allowPrivilegeEscalation` to false and `privileged` to true: drop one of them',
        ),
      );
    }
    for (const cap of list(get(get(sc, 'capabilities'), 'add'))) {
      if (cap === 'CAP_SYS_ADMIN') {
        out.push(
          issue(
            p,
            'security-context/sys-admin-without-escalation',
            'Invalid value: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          ),
        );
      }
    }
  }
  out.push(...windowsOptionsIssues(get(sc, 'windowsOptions'), [...p, 'windowsOptions']));
  return out;
};

export const securityContextRules: RuleSet = {
  container: [securityContext],
};

import type { Issue } from '../issue';
import { get, list } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';

/**
 * ValidateReadOnlyPersistentDisks (apps ValidateDaemonSetSpec, 1.27 … 1.30): a DaemonSet runs a
 * pod per node, and a GCE PD can only be attached to several machines read-only. 1.29 turned
 * SkipReadOnlyValidationGCE on and 1.31 deleted the check, so it rejects only in 1.27 and 1.28.
 */
const gcePdReadOnly: Rule = (spec, path, ctx) => {
  if (ctx.podSpecPath?.length !== 3 || ctx.profile.gates.SkipReadOnlyValidationGCE) return NO_ISSUES; // templates only
  const out: Issue[] = [];
  list(get(spec, 'volumes')).forEach((v, i) => {
    const pd = get(v, 'gcePersistentDisk');
    if (pd === undefined || pd === null || get(pd, 'readOnly') === true) return;
    out.push({
      path: [...path, 'volumes', i, 'gcePersistentDisk', 'readOnly'],
      code: 'daemonset/gce-pd-not-read-only',
      message:
        'Invalid value false: must be true for replicated pods > 1; GCE PD can only be mounted on multiple machines if it is read-only: set readOnly: true',
    });
  });
  return out;
};

export const gcePdReadOnlyRules: RuleSet = {
  podSpec: [gcePdReadOnly],
};

import type { Issue } from '../issue';
import { get, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { labelValueErrors } from './_shared/names';

/**
 * ValidateNodeSelectorRequirement (1.33+, #128212): in required node-affinity terms every value
 * must be a label value, whatever the operator (so Gt/Lt's "-1" too), unless
 * AllowInvalidLabelValueInRequiredNodeAffinity, which is false on create. Preferred terms only
 * get a warning (phases/warnings.ts).
 */
const requiredNodeAffinityValues: Rule = (spec, path, ctx) => {
  const terms = list(
    get(
      get(get(get(spec, 'affinity'), 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution'),
      'nodeSelectorTerms',
    ),
  );
  if (terms.length === 0 || ctx.profile.options.AllowInvalidLabelValueInRequiredNodeAffinity) return NO_ISSUES;
  const out: Issue[] = [];
  terms.forEach((t, i) => {
    list(get(t, 'matchExpressions')).forEach((e, j) => {
      list(get(e, 'values')).forEach((v, k) => {
        if (typeof v !== 'string') return;
        for (const msg of labelValueErrors(v))
          out.push({
            path: [
              ...path,
              'affinity',
              'nodeAffinity',
              'requiredDuringSchedulingIgnoredDuringExecution',
              'nodeSelectorTerms',
              i,
              'matchExpressions',
              j,
              'values',
              k,
            ],
            code: 'scheduling/node-affinity-value-invalid',
            message: `Invalid value ${show(v)}: ${msg}`,
          });
      });
    });
  });
  return out;
};

export const nodeAffinityValuesRules: RuleSet = {
  podSpec: [requiredNodeAffinityValues],
};

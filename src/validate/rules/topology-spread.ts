/**
 * validateTopologySpreadConstraints (1.27). Part of the pod rules (`pod.ts`).
 */
import type { FieldPath, Issue } from '../issue';
import { get, goString, isObject, isSet, list, show } from '../read';
import { NO_ISSUES, type Rule } from '../rule';
import { qualifiedNameErrors, validateLabelSelector } from './_shared/names';
import { notSupported } from './_shared/values';
import { matchLabelKeysIssues } from './_shared/match-label-keys';

const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];

// validateTopologySpreadConstraints (1.27; minDomains, node inclusion policies and matchLabelKeys are beta and on;
// 1.34 checks matchLabelKeys with validateMatchLabelKeysAndMismatchLabelKeys)
export const topologySpread: Rule = (spec, path, ctx) => {
  const all = list(get(spec, 'topologySpreadConstraints'));
  if (all.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  all.forEach((c, i) => {
    const p: FieldPath = [...path, 'topologySpreadConstraints', i];
    const maxSkew = get(c, 'maxSkew') ?? 0;
    if (typeof maxSkew === 'number' && maxSkew <= 0)
      out.push({
        path: [...p, 'maxSkew'],
        code: 'pod/spread-max-skew-not-positive',
        message: `must be greater than zero, got ${maxSkew}`,
      });
    const tk = goString(get(c, 'topologyKey'));
    if (tk === '')
      out.push({
        path: [...p, 'topologyKey'],
        code: 'pod/spread-topology-key-required',
        message: 'can not be empty: set a node label key such as "topology.kubernetes.io/zone"',
      });
    const wu = goString(get(c, 'whenUnsatisfiable'));
    if (wu !== undefined && !WHEN_UNSATISFIABLE.includes(wu))
      out.push({
        path: [...p, 'whenUnsatisfiable'],
        code: 'pod/spread-when-unsatisfiable-invalid',
        message: notSupported(wu, WHEN_UNSATISFIABLE),
      });
    if (
      tk !== undefined &&
      wu !== undefined &&
      all
        .slice(i + 1)
        .some((o) => goString(get(o, 'topologyKey')) === tk && goString(get(o, 'whenUnsatisfiable')) === wu)
    ) {
      out.push({
        path: [...p, '{topologyKey, whenUnsatisfiable}'],
        code: 'pod/spread-constraint-duplicate',
        message: `Duplicate value: "{${tk}, ${wu}}"`,
      });
    }
    const minDomains = get(c, 'minDomains');
    if (typeof minDomains === 'number') {
      if (minDomains <= 0)
        out.push({
          path: [...p, 'minDomains'],
          code: 'pod/spread-min-domains-not-positive',
          message: `must be greater than zero, got ${minDomains}`,
        });
      if (wu !== 'DoNotSchedule') {
        out.push({
          path: [...p, 'minDomains'],
          code: 'pod/spread-min-domains-needs-do-not-schedule',
          message: `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${wu ?? show(get(c, 'whenUnsatisfiable'))}`,
        });
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = get(c, policy);
      if (typeof v === 'string' && !NODE_INCLUSION_POLICIES.includes(v))
        out.push({
          path: [...p, policy],
          code: 'pod/spread-node-policy-invalid',
          message: notSupported(v, NODE_INCLUSION_POLICIES),
        });
    }
    const selector = get(c, 'labelSelector');
    const keys = list(get(c, 'matchLabelKeys'));
    if (ctx.profile.options.AllowMatchLabelKeysInPodTopologySpreadSelectorMerge) {
      // 1.34: the pod affinity's check; the Pod's selector gets the keys merged in at create.
      out.push(...matchLabelKeysIssues(c, p, 'pod/spread-', false));
    } else if (keys.length > 0) {
      const selectorKeys = new Set<unknown>([
        ...Object.keys(isObject(get(selector, 'matchLabels')) ? (get(selector, 'matchLabels') as object) : {}),
        ...list(get(selector, 'matchExpressions')).map((e) => get(e, 'key')),
      ]);
      if (!isSet(selector))
        out.push({
          path: [...p, 'matchLabelKeys'],
          code: 'pod/spread-match-label-keys-without-selector',
          message: 'must not be specified when labelSelector is not set',
        });
      keys.forEach((k, j) => {
        if (typeof k !== 'string') return;
        const errs = qualifiedNameErrors(k);
        if (errs.length > 0)
          out.push({
            path: [...p, 'matchLabelKeys', j],
            code: 'pod/spread-match-label-key-invalid',
            message: `${show(k)}: ${errs.join('; ')}`,
          });
        if (selectorKeys.has(k))
          out.push({
            path: [...p, 'matchLabelKeys', j],
            code: 'pod/spread-match-label-key-in-selector',
            message: `${show(k)} exists in both matchLabelKeys and labelSelector`,
          });
      });
    }
    out.push(...validateLabelSelector(selector, [...p, 'labelSelector']));
  });
  return out;
};

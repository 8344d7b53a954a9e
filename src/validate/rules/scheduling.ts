/**
 * Scheduling rules of ValidatePodSpec (Kubernetes 1.27 pkg/apis/core/validation/validation.go):
 * nodeSelector, affinity and tolerations.
 */
import type { FieldPath, Issue } from '../issue';
import { get, goString, isObject, isSet, list, num, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { matchLabelKeysIssues } from './_shared/match-label-keys';
import {
  nameIsDnsLabel,
  nameIsDnsSubdomain,
  qualifiedNameErrors,
  labelValueErrors,
  validateLabels,
  validateLabelSelector,
} from './_shared/names';

// ValidatePodSpec: unversionedvalidation.ValidateLabels(spec.NodeSelector, "nodeSelector")
const nodeSelectorLabels: Rule = (spec, path) => {
  const ns = get(spec, 'nodeSelector');
  return isObject(ns) ? validateLabels(ns, [...path, 'nodeSelector']) : NO_ISSUES;
};

// ValidateNodeSelectorRequirement (1.27)
function validateNodeSelectorRequirement(rq: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const op = goString(get(rq, 'operator'));
  const values = list(get(rq, 'values'));
  switch (op) {
    case undefined:
      break;
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        out.push({
          path: [...path, 'values'],
          code: 'scheduling/node-selector-values-required',
          message: "must be specified when `operator` is 'In' or 'NotIn'",
        });
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        out.push({
          path: [...path, 'values'],
          code: 'scheduling/node-selector-values-forbidden',
          message: `may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', got ${show(values)}`,
        });
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        out.push({
          path: [...path, 'values'],
          code: 'scheduling/node-selector-values-not-single',
          message: `must be specified single value when \`operator\` is 'Lt' or 'Gt', got ${values.length} values`,
        });
      }
      break;
    default:
      out.push({
        path: [...path, 'operator'],
        code: 'scheduling/node-selector-operator-invalid',
        message: `${show(op)} is not a valid selector operator: use In, NotIn, Exists, DoesNotExist, Gt or Lt`,
      });
  }
  const k = goString(get(rq, 'key'));
  if (k !== undefined) {
    const errs = qualifiedNameErrors(k);
    if (errs.length > 0) {
      out.push({
        path: [...path, 'key'],
        code: 'scheduling/node-selector-key-invalid',
        message: `${show(k)}: ${errs.join('; ')}`,
      });
    }
  }
  return out;
}

// ValidateNodeFieldSelectorRequirement (1.27): the only field is metadata.name, with In or NotIn
// and exactly one value, a node name (DNS subdomain).
function validateNodeFieldSelectorRequirement(rq: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const op = goString(get(rq, 'operator'));
  const values = list(get(rq, 'values'));
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) {
      out.push({
        path: [...path, 'values'],
        code: 'scheduling/node-field-selector-values-not-single',
        message: `must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector, got ${values.length}`,
      });
    }
  } else if (op !== undefined) {
    out.push({
      path: [...path, 'operator'],
      code: 'scheduling/node-field-selector-operator-invalid',
      message: `${show(op)} is not a valid selector operator for a node field selector: use In or NotIn`,
    });
  }
  const k = goString(get(rq, 'key'));
  if (k === undefined) return out;
  if (k !== 'metadata.name') {
    out.push({
      path: [...path, 'key'],
      code: 'scheduling/node-field-selector-key-invalid',
      message: `${show(k)} is not a valid field selector key: the only one is "metadata.name"`,
    });
    return out;
  }
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const errs = nameIsDnsSubdomain(v, false);
    if (errs.length > 0) {
      out.push({
        path: [...path, 'values', i],
        code: 'scheduling/node-field-selector-value-invalid',
        message: `${show(v)} is not a node name: ${errs.join('; ')}`,
      });
    }
  });
  return out;
}

// ValidateNodeSelectorTerm (1.27)
function validateNodeSelectorTerm(term: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  list(get(term, 'matchExpressions')).forEach((rq, j) => {
    out.push(...validateNodeSelectorRequirement(rq, [...path, 'matchExpressions', j]));
  });
  list(get(term, 'matchFields')).forEach((rq, j) => {
    out.push(...validateNodeFieldSelectorRequirement(rq, [...path, 'matchFields', j]));
  });
  return out;
}

// validateNodeAffinity + ValidateNodeSelector + ValidatePreferredSchedulingTerms (1.27)
function validateNodeAffinity(na: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const required = get(na, 'requiredDuringSchedulingIgnoredDuringExecution');
  if (isObject(required)) {
    const termsPath: FieldPath = [...path, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
    const terms = list(get(required, 'nodeSelectorTerms'));
    if (terms.length === 0) {
      out.push({
        path: termsPath,
        code: 'scheduling/node-selector-terms-required',
        message: 'must have at least one node selector term',
      });
    }
    terms.forEach((t, i) => {
      out.push(...validateNodeSelectorTerm(t, [...termsPath, i]));
    });
  }
  list(get(na, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
    const p: FieldPath = [...path, 'preferredDuringSchedulingIgnoredDuringExecution', i];
    out.push(...weightInRange(get(t, 'weight'), [...p, 'weight']));
    out.push(...validateNodeSelectorTerm(get(t, 'preference'), [...p, 'preference']));
  });
  return out;
}

// ValidatePreferredSchedulingTerms / validateWeightedPodAffinityTerms: a missing weight is 0.
function weightInRange(w: unknown, path: FieldPath): readonly Issue[] {
  const n = w === undefined || w === null ? 0 : num(w);
  if (n === undefined || (n > 0 && n <= 100)) return NO_ISSUES;
  return [{ path, code: 'scheduling/weight-out-of-range', message: `must be in the range 1-100, got ${n}` }];
}

// validatePodAffinityTerm + ValidatePodAffinityTermSelector (1.27; 1.31 adds the match/mismatch
// label keys where MatchLabelKeysInPodAffinity keeps them: dropDisabledFields removes them before)
function validatePodAffinityTerm(term: unknown, path: FieldPath, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  out.push(...validateLabelSelector(get(term, 'labelSelector'), [...path, 'labelSelector']));
  out.push(...validateLabelSelector(get(term, 'namespaceSelector'), [...path, 'namespaceSelector']));
  if (ctx.profile.gates.MatchLabelKeysInPodAffinity)
    out.push(...matchLabelKeysIssues(term, path, 'scheduling/affinity-', true));
  for (const ns of list(get(term, 'namespaces'))) {
    if (typeof ns !== 'string') continue;
    const errs = nameIsDnsLabel(ns, false);
    // The 1.27 server reports these at `namespace` (sic), not `namespaces[i]`.
    if (errs.length > 0) {
      out.push({
        path: [...path, 'namespace'],
        code: 'scheduling/affinity-namespace-invalid',
        message: `${show(ns)} is not a namespace name: ${errs.join('; ')}`,
      });
    }
  }
  const tk = goString(get(term, 'topologyKey'));
  if (tk === '') {
    out.push({
      path: [...path, 'topologyKey'],
      code: 'scheduling/topology-key-required',
      message: 'can not be empty: set a node label key such as "kubernetes.io/hostname"',
    });
  } else if (tk !== undefined) {
    const errs = qualifiedNameErrors(tk);
    if (errs.length > 0) {
      out.push({
        path: [...path, 'topologyKey'],
        code: 'scheduling/topology-key-invalid',
        message: `${show(tk)}: ${errs.join('; ')}`,
      });
    }
  }
  return out;
}

// validatePodAffinity / validatePodAntiAffinity (1.27)
function validatePodAffinity(pa: unknown, path: FieldPath, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  list(get(pa, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
    out.push(...validatePodAffinityTerm(t, [...path, 'requiredDuringSchedulingIgnoredDuringExecution', i], ctx));
  });
  list(get(pa, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
    const p: FieldPath = [...path, 'preferredDuringSchedulingIgnoredDuringExecution', i];
    out.push(...weightInRange(get(t, 'weight'), [...p, 'weight']));
    out.push(...validatePodAffinityTerm(get(t, 'podAffinityTerm'), [...p, 'podAffinityTerm'], ctx));
  });
  return out;
}

// validateAffinity (1.27)
const affinity: Rule = (spec, path, ctx) => {
  const a = get(spec, 'affinity');
  if (!isObject(a)) return NO_ISSUES;
  const p: FieldPath = [...path, 'affinity'];
  const out: Issue[] = [];
  if (isObject(get(a, 'nodeAffinity')))
    out.push(...validateNodeAffinity(get(a, 'nodeAffinity'), [...p, 'nodeAffinity']));
  if (isObject(get(a, 'podAffinity')))
    out.push(...validatePodAffinity(get(a, 'podAffinity'), [...p, 'podAffinity'], ctx));
  if (isObject(get(a, 'podAntiAffinity')))
    out.push(...validatePodAffinity(get(a, 'podAntiAffinity'), [...p, 'podAntiAffinity'], ctx));
  return out;
};

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * ValidateTolerations (1.27), for `spec.tolerations` and for the tolerations annotation.
 * Codes under `scheduling/toleration-`.
 */
export function validateTolerations(tolerations: readonly unknown[], path: FieldPath): Issue[] {
  const out: Issue[] = [];
  tolerations.forEach((t, i) => {
    const p: FieldPath = [...path, i];
    const k = goString(get(t, 'key'));
    const op = goString(get(t, 'operator'));
    const value = goString(get(t, 'value'));
    const effect = goString(get(t, 'effect'));
    if (k !== undefined && k.length > 0) {
      const errs = qualifiedNameErrors(k);
      if (errs.length > 0) {
        out.push({
          path: [...p, 'key'],
          code: 'scheduling/toleration-key-invalid',
          message: `${show(k)}: ${errs.join('; ')}`,
        });
      }
    }
    if (k === '' && op !== undefined && op !== 'Exists') {
      out.push({
        path: [...p, 'operator'],
        code: 'scheduling/toleration-operator-not-exists',
        message: `operator must be Exists when \`key\` is empty, which means "match all values and all keys", got ${show(op)}`,
      });
    }
    if (isSet(get(t, 'tolerationSeconds')) && effect !== undefined && effect !== 'NoExecute') {
      out.push({
        path: [...p, 'effect'],
        code: 'scheduling/toleration-seconds-needs-no-execute',
        message: `effect must be 'NoExecute' when \`tolerationSeconds\` is set, got ${show(effect)}`,
      });
    }
    if (op === 'Equal' || op === '') {
      const errs = value === undefined ? [] : labelValueErrors(value);
      // The 1.27 server reports a bad value at `operator`.
      if (errs.length > 0) {
        out.push({
          path: [...p, 'operator'],
          code: 'scheduling/toleration-value-invalid',
          message: `value ${show(value)}: ${errs.join('; ')}`,
        });
      }
    } else if (op === 'Exists') {
      if (value !== undefined && value.length > 0) {
        out.push({
          path: [...p, 'operator'],
          code: 'scheduling/toleration-value-with-exists',
          message: `value must be empty when \`operator\` is 'Exists', got ${show(value)}`,
        });
      }
    } else if (op !== undefined) {
      out.push({
        path: [...p, 'operator'],
        code: 'scheduling/toleration-operator-invalid',
        message: `Unsupported value: ${show(op)}: supported values: "Equal", "Exists"`,
      });
    }
    if (effect !== undefined && effect.length > 0 && !TAINT_EFFECTS.includes(effect)) {
      out.push({
        path: [...p, 'effect'],
        code: 'scheduling/toleration-effect-invalid',
        message: `Unsupported value: ${show(effect)}: supported values: "NoSchedule", "PreferNoSchedule", "NoExecute" (or empty for all)`,
      });
    }
  });
  return out;
}

const tolerations: Rule = (spec, path) => {
  const ts = list(get(spec, 'tolerations'));
  return ts.length === 0 ? NO_ISSUES : validateTolerations(ts, [...path, 'tolerations']);
};

export const schedulingRules: RuleSet = {
  podSpec: [nodeSelectorLabels, affinity, tolerations],
};

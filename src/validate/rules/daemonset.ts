/**
 * DaemonSet spec rules: ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy and
 * ValidateRollingUpdateDaemonSet (Kubernetes 1.27 pkg/apis/apps/validation/validation.go), after
 * apps/v1 SetDefaults_DaemonSet (updateStrategy.type RollingUpdate, rollingUpdate maxUnavailable 1
 * and maxSurge 0, revisionHistoryLimit 10) and SetDefaults_PodSpec (restartPolicy Always).
 */
import type { FieldPath, Issue } from '../issue';
import { field, get, goString, isObject, isSet, list, num, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { validateLabelSelector } from './_shared/names';
import { parseIntOrPercent, type IntOrPercent } from './_shared/values';

/** Runs a rule only on a DaemonSet (the engine also hands Pods to manifest rules). */
function onDaemonSet(rule: Rule): Rule {
  return (m, path, ctx) => (field(m, 'kind') === 'DaemonSet' ? rule(m, path, ctx) : NO_ISSUES);
}

/**
 * The template's labels as the server decodes them: a null value of a map[string]string is ""
 * (goString), the key kept; other types are the type rules' job.
 */
function templateLabels(m: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  const raw = field(m, 'spec', 'template', 'metadata', 'labels');
  if (!isObject(raw)) return labels;
  for (const k of Object.keys(raw)) {
    const v = goString(raw[k]);
    if (v !== undefined) labels.set(k, v);
  }
  return labels;
}

/** labels.Selector.Matches for a selector that converted without error. */
function selectorMatches(sel: unknown, labels: Map<string, string>): boolean {
  const matchLabels = get(sel, 'matchLabels');
  if (isObject(matchLabels)) {
    for (const k of Object.keys(matchLabels)) {
      const want = goString(matchLabels[k]); // `tier:` (null) selects tier ""
      if (want === undefined || labels.get(k) !== want) return false;
    }
  }
  for (const e of list(get(sel, 'matchExpressions'))) {
    const k = goString(get(e, 'key')) ?? '';
    const values = list(get(e, 'values')).map(goString);
    const has = labels.has(k);
    switch (get(e, 'operator')) {
      case 'In':
        if (!has || !values.includes(labels.get(k))) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels.get(k))) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// ValidateDaemonSetSpec (1.27): the selector is validated, must not be empty, and must match the
// template's labels. LabelSelectorAsSelector turns a missing selector into one matching nothing, so
// the server reports a missing selector only as a mismatch at spec.template.metadata.labels.
const selector: Rule = (m) => {
  const sel = field(m, 'spec', 'selector');
  const p: FieldPath = ['spec', 'selector'];
  const out: Issue[] = validateLabelSelector(sel, p);
  const invalid = out.length > 0;
  const matchLabels = get(sel, 'matchLabels');
  const empty =
    isObject(sel) &&
    (isObject(matchLabels) ? Object.keys(matchLabels).length : 0) + list(get(sel, 'matchExpressions')).length === 0;
  if (isSet(sel) && empty) {
    out.push({
      path: p,
      code: 'daemonset/selector-empty',
      message: 'empty selector is invalid for daemonset: set matchLabels such as {app: my-agent}',
    });
  }
  if (
    !invalid &&
    !empty &&
    (!isSet(sel) || isObject(sel)) &&
    !(isSet(sel) && selectorMatches(sel, templateLabels(m)))
  ) {
    out.push({
      path: ['spec', 'template', 'metadata', 'labels'],
      code: 'daemonset/selector-mismatch',
      message: isSet(sel)
        ? `\`selector\` does not match template \`labels\`: labels ${show(field(m, 'spec', 'template', 'metadata', 'labels') ?? {})} must satisfy spec.selector`
        : '`selector` does not match template `labels`: spec.selector is missing; set it to match the template labels',
    });
  }
  return out;
};

// ValidateDaemonSetSpec (1.27): a DaemonSet's pods must restart Always ("" is defaulted to Always).
const restartPolicy: Rule = (m) => {
  const v = goString(field(m, 'spec', 'template', 'spec', 'restartPolicy'));
  if (v === undefined || v === '' || v === 'Always') return NO_ISSUES;
  return [
    {
      path: ['spec', 'template', 'spec', 'restartPolicy'],
      code: 'daemonset/restart-policy-not-always',
      message: `Unsupported value: ${show(v)}: supported values: "Always"`,
    },
  ];
};

// ValidateDaemonSetSpec (1.27)
const activeDeadlineSeconds: Rule = (m) => {
  if (!isSet(field(m, 'spec', 'template', 'spec', 'activeDeadlineSeconds'))) return NO_ISSUES;
  return [
    {
      path: ['spec', 'template', 'spec', 'activeDeadlineSeconds'],
      code: 'daemonset/active-deadline-forbidden',
      message: 'activeDeadlineSeconds in DaemonSet is not Supported: remove it',
    },
  ];
};

// ValidateDaemonSetSpec (1.27): ValidateNonnegativeField for minReadySeconds and revisionHistoryLimit.
const NON_NEGATIVE = ['minReadySeconds', 'revisionHistoryLimit'];
const nonNegative: Rule = (m) => {
  let out: Issue[] | undefined;
  const spec = get(m, 'spec');
  for (const f of NON_NEGATIVE) {
    const n = num(get(spec, f));
    if (n !== undefined && n < 0) {
      out ??= [];
      out.push({
        path: ['spec', f],
        code: 'daemonset/negative-value',
        message: `must be greater than or equal to 0, got ${n}`,
      });
    }
  }
  return out ?? NO_ISSUES;
};

/** getIntOrPercentValue (1.27 apps validation): a percent's number, an int, or Atoi of another string (0 on error). */
function intOrPercentValue(v: IntOrPercent): number {
  if (v.kind !== 'invalid') return v.value;
  return /^[+-]?[0-9]+$/.test(v.raw) ? Number(v.raw) : 0;
}

// ValidatePositiveIntOrPercent + IsNotMoreThan100Percent (1.27)
function intOrPercentIssues(v: IntOrPercent, p: () => FieldPath): readonly Issue[] {
  if (v.kind === 'invalid') {
    return [
      {
        path: p(),
        code: 'daemonset/int-or-percent-invalid',
        message: `${show(v.raw)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%'), or an integer`,
      },
    ];
  }
  if (v.kind === 'int' && v.value < 0)
    return [
      { path: p(), code: 'daemonset/negative-value', message: `must be greater than or equal to 0, got ${v.value}` },
    ];
  if (v.kind === 'percent' && v.value > 100)
    return [
      { path: p(), code: 'daemonset/percent-over-100', message: `must not be greater than 100%, got ${v.value}%` },
    ];
  return NO_ISSUES;
}

// ValidateDaemonSetUpdateStrategy + ValidateRollingUpdateDaemonSet (1.27), after defaulting.
const DEFAULT_MAX_UNAVAILABLE: IntOrPercent = { kind: 'int', value: 1 };
const DEFAULT_MAX_SURGE: IntOrPercent = { kind: 'int', value: 0 };
const RU_PATH: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
const atRollingUpdate = (f: string) => (): FieldPath => [...RU_PATH, f];
const MAX_UNAVAILABLE_PATH = atRollingUpdate('maxUnavailable');
const MAX_SURGE_PATH = atRollingUpdate('maxSurge');

const updateStrategy: Rule = (m) => {
  const s = field(m, 'spec', 'updateStrategy');
  const type = goString(get(s, 'type'));
  if (type === undefined || type === 'OnDelete') return NO_ISSUES;
  if (type !== '' && type !== 'RollingUpdate') {
    return [
      {
        path: ['spec', 'updateStrategy'],
        code: 'daemonset/update-strategy-invalid',
        message: `Unsupported value: type ${show(type)}: supported values: "RollingUpdate", "OnDelete"`,
      },
    ];
  }
  const ru = get(s, 'rollingUpdate');
  const rawUnavailable = get(ru, 'maxUnavailable');
  const rawSurge = get(ru, 'maxSurge');
  const unavailable = isSet(rawUnavailable) ? parseIntOrPercent(rawUnavailable) : DEFAULT_MAX_UNAVAILABLE;
  const surge = isSet(rawSurge) ? parseIntOrPercent(rawSurge) : DEFAULT_MAX_SURGE;
  if (unavailable === undefined || surge === undefined) return NO_ISSUES;
  const out = [...intOrPercentIssues(unavailable, MAX_UNAVAILABLE_PATH), ...intOrPercentIssues(surge, MAX_SURGE_PATH)];
  const hasUnavailable = intOrPercentValue(unavailable) !== 0;
  const hasSurge = intOrPercentValue(surge) !== 0;
  if (hasUnavailable && hasSurge) {
    out.push({
      path: MAX_SURGE_PATH(),
      code: 'daemonset/max-surge-with-max-unavailable',
      message: `may not be set when maxUnavailable is non-zero (maxUnavailable defaults to 1): set maxUnavailable to 0 to surge, got maxSurge ${show(rawSurge)}`,
    });
  } else if (!hasUnavailable && !hasSurge) {
    out.push({
      path: MAX_UNAVAILABLE_PATH(),
      code: 'daemonset/max-unavailable-zero',
      message: 'cannot be 0 when maxSurge is 0: let one of them be positive',
    });
  }
  return out;
};

export const daemonsetRules: RuleSet = {
  manifest: [selector, restartPolicy, activeDeadlineSeconds, nonNegative, updateStrategy].map(onDaemonSet),
};

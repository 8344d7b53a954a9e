import type { FieldPath } from '../validate/issue';
import { arr, call, plain, props, val, type Expr } from './code';
import type { DocContext } from './context';
import { podAffinity } from './shapes';
import { has } from '../validate/read';
import { isNumber, isRecord, isString, isStringList, oneOf, onlyKeys, type Rec } from './values';

/** One node selector requirement as a `NodeRequirement` factory call, when one writes it as given. */
function requirement(r: unknown): Expr | undefined {
  if (!isRecord(r) || !isString(r.key)) return undefined;
  const k = val(r.key);
  const values = r.values;
  if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
    if (!onlyKeys(r, ['key', 'operator'])) return undefined;
    return call(r.operator === 'Exists' ? 'NodeRequirement.exists' : 'NodeRequirement.doesNotExist', k);
  }
  // In/NotIn take a non-empty tuple; an empty list (which the API server refuses) goes by escape hatch.
  if (!onlyKeys(r, ['key', 'operator', 'values']) || !isStringList(values) || values.length === 0) return undefined;
  switch (r.operator) {
    case 'In':
      return values.length === 1
        ? call('NodeRequirement.is', k, val(values[0]))
        : call('NodeRequirement.in', k, val(values));
    case 'NotIn':
      return call('NodeRequirement.notIn', k, val(values));
    case 'Gt':
    case 'Lt': {
      // The factories take a number and write String(n): only a value that prints back the same fits.
      if (values.length !== 1 || !/^-?\d+$/.test(values[0]) || String(Number(values[0])) !== values[0])
        return undefined;
      return call(
        r.operator === 'Gt' ? 'NodeRequirement.greaterThan' : 'NodeRequirement.lessThan',
        k,
        val(Number(values[0])),
      );
    }
  }
  return undefined;
}

/** A list of requirements (`matchExpressions`), or undefined when one doesn't fit. */
function requirements(list: unknown): Expr[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = list.map(requirement);
  return out.every((e): e is Expr => e !== undefined) ? out : undefined;
}

/** The node name of a term `NodeScheduling.onNodes` writes: one `metadata.name In [name]` field requirement. */
function nodeNameOf(term: Rec): string | undefined {
  const f = term.matchFields;
  if (!onlyKeys(term, ['matchFields']) || !Array.isArray(f) || f.length !== 1) return undefined;
  const r = f[0];
  if (!isRecord(r) || !onlyKeys(r, ['key', 'operator', 'values']) || r.key !== 'metadata.name' || r.operator !== 'In')
    return undefined;
  return isStringList(r.values) && r.values.length === 1 ? r.values[0] : undefined;
}

/** `nodeAffinity` as `NodeScheduling`, when a factory writes it exactly. */
function nodeScheduling(na: unknown): Expr | undefined {
  const REQ = 'requiredDuringSchedulingIgnoredDuringExecution';
  const PREF = 'preferredDuringSchedulingIgnoredDuringExecution';
  if (!isRecord(na) || !onlyKeys(na, [REQ, PREF]) || Object.keys(na).length === 0) return undefined;
  let terms: Rec[] = [];
  if (has(na, REQ)) {
    const req = na[REQ];
    if (!isRecord(req) || !onlyKeys(req, ['nodeSelectorTerms']) || !Array.isArray(req.nodeSelectorTerms))
      return undefined;
    if (req.nodeSelectorTerms.length === 0 || !req.nodeSelectorTerms.every(isRecord)) return undefined;
    terms = req.nodeSelectorTerms as Rec[];
    const names = terms.map(nodeNameOf);
    if (!has(na, PREF) && names.every((n): n is string => n !== undefined))
      return call('NodeScheduling.onNodes', val(names));
  }
  // byNodeLabels drops empty terms and writes matchExpressions only.
  const required = terms.map((t) =>
    onlyKeys(t, ['matchExpressions']) && Array.isArray(t.matchExpressions) && t.matchExpressions.length > 0
      ? requirements(t.matchExpressions)
      : undefined,
  );
  if (!required.every((r): r is Expr[] => r !== undefined)) return undefined;
  let preferred: Expr[] | undefined;
  if (has(na, PREF)) {
    const pref = na[PREF];
    if (!Array.isArray(pref) || pref.length === 0) return undefined;
    const rules = pref.map((p) => {
      if (!isRecord(p) || !onlyKeys(p, ['weight', 'preference']) || !isNumber(p.weight)) return undefined;
      const pr = p.preference;
      if (!isRecord(pr) || !onlyKeys(pr, ['matchExpressions'])) return undefined;
      const reqs = requirements(pr.matchExpressions);
      return reqs
        ? props([
            ['weight', val(p.weight)],
            ['requirements', arr(reqs)],
          ])
        : undefined;
    });
    if (!rules.every((r): r is Expr => r !== undefined)) return undefined;
    preferred = rules;
  }
  return call(
    'NodeScheduling.byNodeLabels',
    props([
      [
        'required',
        required.length === 0 ? undefined : required.length === 1 ? arr(required[0]) : arr(required.map(arr)),
      ],
      ['preferred', preferred ? arr(preferred) : undefined],
    ]),
  );
}

const NODE_AFFINITY_REASON =
  'node affinity NodeScheduling does not write as given (matchFields, empty terms, or mixed forms)';

/**
 * `affinity` as props: node affinity as `scheduling` (NodeScheduling), pod affinity and
 * anti-affinity as `podAffinity` / `podAntiAffinity`. A part no prop writes as given goes by
 * escape hatch at its own path, or, when no part maps (the constructs then write no `affinity`),
 * all of `affinity` does.
 */
export function mapAffinity(ctx: DocContext, a: unknown, path: FieldPath): Array<readonly [string, Expr]> {
  if (!isRecord(a)) {
    ctx.add(path, a, 'an affinity that is not an object');
    return [];
  }
  const out: Array<readonly [string, Expr]> = [];
  const known: string[] = [];
  const scheduling = has(a, 'nodeAffinity') ? nodeScheduling(a.nodeAffinity) : undefined;
  if (scheduling) {
    out.push(['scheduling', scheduling]);
    known.push('nodeAffinity');
  }
  for (const k of ['podAffinity', 'podAntiAffinity']) {
    if (has(a, k) && podAffinity(a[k])) {
      out.push([k, plain(a[k])]);
      known.push(k);
    }
  }
  if (out.length === 0) {
    ctx.add(
      path,
      a,
      has(a, 'nodeAffinity')
        ? NODE_AFFINITY_REASON
        : 'an affinity with no part PodAffinity writes as given (an empty map, or values of another type)',
    );
    return [];
  }
  ctx.rest(a, known, path, (k) =>
    k === 'nodeAffinity'
      ? NODE_AFFINITY_REASON
      : k === 'podAffinity' || k === 'podAntiAffinity'
        ? `${k} with a value PodAffinity does not allow`
        : `affinity.${k} has no construct property`,
  );
  return out;
}

const isToleration = (t: unknown): t is Rec =>
  isRecord(t) &&
  onlyKeys(t, ['key', 'operator', 'value', 'effect', 'tolerationSeconds']) &&
  (!has(t, 'key') || isString(t.key)) &&
  (!has(t, 'operator') || oneOf('Equal', 'Exists')(t.operator)) &&
  (!has(t, 'value') || isString(t.value)) &&
  (!has(t, 'effect') || oneOf('NoSchedule', 'PreferNoSchedule', 'NoExecute')(t.effect)) &&
  (!has(t, 'tolerationSeconds') || isNumber(t.tolerationSeconds));

export function mapTolerations(ctx: DocContext, t: unknown, path: FieldPath): Expr | undefined {
  if (!Array.isArray(t)) {
    ctx.add(path, t, 'tolerations that are not a list');
    return undefined;
  }
  return ctx.list(t, path, (x) =>
    isToleration(x) ? plain(x) : 'a toleration with a field or value Toleration does not allow',
  );
}

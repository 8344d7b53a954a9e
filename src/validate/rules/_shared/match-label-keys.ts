/**
 * validateMatchLabelKeysAndMismatchLabelKeys (pkg/apis/core/validation, 1.31; the same in 1.34):
 * pod (anti-)affinity terms from 1.31 (MatchLabelKeysInPodAffinity), and topology-spread
 * constraints from 1.34 (MatchLabelKeysInPodTopologySpreadSelectorMerge, without mismatch keys).
 */
import type { FieldPath, Issue } from '../../issue';
import { get, isObject, isSet, list, show } from '../../read';
import { NO_ISSUES } from '../../rule';
import { qualifiedNameErrors } from './names';

// validateLabelKeys: a selector is required, and each key must be a label name.
function labelKeys(
  keys: readonly unknown[],
  selector: unknown,
  p: FieldPath,
  code: string, // e.g. `pod/spread-match-label-key`
  out: Issue[],
): void {
  if (keys.length === 0) return;
  if (!isSet(selector)) {
    out.push({
      path: p,
      code: `${code}s-without-selector`,
      message: 'Forbidden: must not be specified when labelSelector is not set: add a labelSelector, or drop the keys',
    });
    return;
  }
  keys.forEach((k, i) => {
    if (typeof k !== 'string') return;
    const errs = qualifiedNameErrors(k);
    if (errs.length > 0)
      out.push({ path: [...p, i], code: `${code}-invalid`, message: `${show(k)}: ${errs.join('; ')}` });
  });
}

/**
 * The checks, in the server's order; codes are `prefix` + `match-label-key-invalid` and the like
 * (`scheduling/affinity-`, `pod/spread-`). `term` is the affinity term or spread constraint; errors of
 * a key found twice in the selector sit at `term[i]` (the server's path, without `matchLabelKeys`):
 * the server runs this on Pods whose selector already holds the merged key, so on a template only
 * a key the selector itself names twice (matchLabels and matchExpressions, or two expressions) is caught.
 */
export function matchLabelKeysIssues(term: unknown, p: FieldPath, prefix: string, withMismatch: boolean): Issue[] {
  const match = list(get(term, 'matchLabelKeys'));
  const mismatch = withMismatch ? list(get(term, 'mismatchLabelKeys')) : [];
  if (match.length === 0 && mismatch.length === 0) return NO_ISSUES;
  const selector = get(term, 'labelSelector');
  const out: Issue[] = [];
  labelKeys(match, selector, [...p, 'matchLabelKeys'], `${prefix}match-label-key`, out);
  labelKeys(mismatch, selector, [...p, 'mismatchLabelKeys'], `${prefix}mismatch-label-key`, out);
  if (isSet(selector)) {
    const index = new Map<unknown, number>();
    match.forEach((k, i) => {
      index.set(k, i);
    });
    const labels = get(selector, 'matchLabels');
    const seen = new Set<unknown>(isObject(labels) ? Object.keys(labels) : []);
    for (const e of list(get(selector, 'matchExpressions'))) {
      const key = get(e, 'key');
      const i = index.get(key);
      if (i !== undefined && seen.has(key))
        out.push({
          path: [...p, i],
          code: `${prefix}match-label-key-in-selector`,
          message: `Invalid value ${show(key)}: exists in both matchLabelKeys and labelSelector: the selector names it already`,
        });
      seen.add(key);
    }
  }
  if (mismatch.length > 0) {
    const mismatched = new Set(mismatch);
    match.forEach((k, i) => {
      if (mismatched.has(k))
        out.push({
          path: [...p, 'matchLabelKeys', i],
          code: `${prefix}match-label-key-in-mismatch`,
          message: `Invalid value ${show(k)}: exists in both matchLabelKeys and mismatchLabelKeys: keep it in one of them`,
        });
    });
  }
  return out;
}

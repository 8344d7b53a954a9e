/**
 * Dynamic resource allocation claims, validated where DynamicResourceAllocation keeps them (GA and
 * on in 1.34; dropDisabledFields removes them before): validatePodResourceClaim and
 * validateResourceClaimNames (pkg/apis/core/validation, 1.34). A template has no pod name, so the
 * generated claim name of a template claim is not checked (podMeta is nil there).
 */
import type { FieldPath, Issue } from '../issue';
import { get, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { dns1123LabelErrors, nameIsDnsSubdomain } from './_shared/names';

function refName(claim: unknown, f: string, at: FieldPath, out: Issue[]): void {
  const v = get(claim, f);
  if (typeof v !== 'string') return;
  for (const m of nameIsDnsSubdomain(v, false))
    out.push(issue([...at, f], 'resource-claim/name-invalid', `Invalid value ${show(v)}: ${m}`));
}

const podResourceClaims: Rule = (spec, path, ctx) => {
  const claims = list(get(spec, 'resourceClaims'));
  if (claims.length === 0 || !ctx.profile.gates.DynamicResourceAllocation) return NO_ISSUES;
  const names = new Set<string>();
  const out: Issue[] = [];
  claims.forEach((claim, i) => {
    const at: FieldPath = [...path, 'resourceClaims', i];
    const name = get(claim, 'name') ?? '';
    if (name === '') out.push(issue([...at, 'name'], 'resource-claim/name-required', 'Required value: name the claim'));
    else if (typeof name === 'string') {
      if (names.has(name))
        out.push(issue([...at, 'name'], 'resource-claim/name-duplicate', `Duplicate value: ${show(name)}`));
      else
        for (const m of dns1123LabelErrors(name))
          out.push(issue([...at, 'name'], 'resource-claim/name-invalid', `Invalid value ${show(name)}: ${m}`));
      names.add(name);
    }
    const byName = isSet(get(claim, 'resourceClaimName'));
    const byTemplate = isSet(get(claim, 'resourceClaimTemplateName'));
    if (byName && byTemplate)
      out.push(
        issue(
          at,
          'resource-claim/source-ambiguous',
          'Invalid value: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
        ),
      );
    else if (!byName && !byTemplate)
      out.push(
        issue(
          at,
          'resource-claim/source-required',
          'Invalid value: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`: name an existing ResourceClaim, or a ResourceClaimTemplate to create one per pod',
        ),
      );
    refName(claim, 'resourceClaimName', at, out);
    refName(claim, 'resourceClaimTemplateName', at, out);
  });
  return out;
};

/** The pod's claim names as the server collects them (every non-empty name, valid or not). */
function podClaimNames(spec: unknown): Set<string> {
  const names = new Set<string>();
  for (const c of list(get(spec, 'resourceClaims'))) {
    const n = get(c, 'name');
    if (typeof n === 'string' && n !== '') names.add(n);
  }
  return names;
}

/**
 * validateResourceClaimNames (1.34): each claim of a container's (or, from pod-resources.ts, the
 * pod-level) `resources.claims` names a pod claim, once per request; `at` is the claims list.
 */
export function claimNameIssues(claims: readonly unknown[], spec: unknown, at: FieldPath): Issue[] {
  const pod = podClaimNames(spec);
  const seen = new Set<string>();
  const out: Issue[] = [];
  claims.forEach((claim, i) => {
    const p: FieldPath = [...at, i];
    const name = get(claim, 'name') ?? '';
    const request = get(claim, 'request') ?? '';
    if (typeof name !== 'string' || typeof request !== 'string') return; // types: another rule
    if (name === '') {
      out.push(
        issue(p, 'resource-claim/container-claim-name-required', 'Required value: name a claim of spec.resourceClaims'),
      );
      return;
    }
    const key = request === '' ? name : `${name}/${request}`;
    if (seen.has(key)) out.push(issue(p, 'resource-claim/container-claim-duplicate', `Duplicate value: ${show(key)}`));
    seen.add(key);
    if (!pod.has(name))
      out.push(
        issue(
          p,
          'resource-claim/container-claim-not-found',
          `Not found: ${show(name)}: must be one of the names in pod.spec.resourceClaims${
            pod.size === 0 ? ' which is empty' : `: ${[...pod].sort().join(', ')}`
          }`,
        ),
      );
    if (request !== '')
      for (const m of dns1123LabelErrors(request))
        out.push(issue([...p, 'request'], 'resource-claim/request-invalid', `Invalid value ${show(request)}: ${m}`));
  });
  return out;
}

const containerClaims: Rule = (c, path, ctx) => {
  const claims = list(get(get(c, 'resources'), 'claims'));
  if (
    claims.length === 0 ||
    ctx.containerList === 'ephemeralContainers' ||
    !ctx.profile.gates.DynamicResourceAllocation
  )
    return NO_ISSUES;
  return claimNameIssues(claims, ctx.podSpec, [...path, 'resources', 'claims']);
};

export const resourceClaimsRules: RuleSet = {
  podSpec: [podResourceClaims],
  container: [containerClaims],
};

/**
 * Pod-level `spec.resources`, validated where PodLevelResources keeps the field (1.34; the field
 * exists from 1.32 and is dropped while the gate is off): validatePodResources and
 * validatePodResourceConsistency (pkg/apis/core/validation, 1.34), with the container
 * aggregation of component-helpers' AggregateContainerRequests/Limits (sidecars add up, each
 * init container counts with the sidecars started before it).
 */
import { key, type FieldPath, type Issue } from '../issue';
import { field, get, isObject, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { qualifiedNameErrors } from './_shared/names';
import { compareQuantity, type Quantity, quantityFromJson, quantityString } from './_shared/quantity';
import { claimNameIssues } from './resource-claims';

const SUPPORTED = ['cpu', 'hugepages-', 'memory'];
const isHugePages = (n: string): boolean => n.startsWith('hugepages-');
const isSupported = (n: string): boolean => n === 'cpu' || n === 'memory' || isHugePages(n);

type Amounts = Map<string, Quantity>; // the format too: the messages print a sum as the server does

function quantities(v: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isObject(v)) return out;
  for (const [name, raw] of Object.entries(v)) {
    const r = quantityFromJson(raw);
    if (r?.ok) out.set(name, r.quantity);
  }
  return out;
}

// addResourceList: a sum keeps the format of its first term (Quantity.Add), unless that term is
// zero, when it takes the format of what is added.
function add(into: Amounts, from: Amounts): void {
  for (const [n, q] of from) {
    const have = into.get(n);
    const format = have === undefined || have.nanos === 0n ? q.format : have.format;
    into.set(n, { nanos: (have?.nanos ?? 0n) + q.nanos, format });
  }
}

// maxResourceList: the larger quantity, as it was written.
function max(into: Amounts, from: Amounts): void {
  for (const [n, q] of from) if (!into.has(n) || q.nanos > (into.get(n) as Quantity).nanos) into.set(n, q);
}

function amounts(c: unknown, list: 'requests' | 'limits'): Amounts {
  return quantities(field(c, 'resources', list));
}

/** AggregateContainerRequests / AggregateContainerLimits (component-helpers resource, 1.34) for a template. */
function aggregate(spec: unknown, which: 'requests' | 'limits'): Amounts {
  const total: Amounts = new Map();
  for (const c of list(get(spec, 'containers'))) add(total, amounts(c, which));
  const sidecars: Amounts = new Map();
  const init: Amounts = new Map();
  for (const c of list(get(spec, 'initContainers'))) {
    const own = amounts(c, which);
    if (get(c, 'restartPolicy') === 'Always') {
      add(total, own);
      add(sidecars, own);
      max(init, sidecars);
    } else {
      add(own, sidecars);
      max(init, own);
    }
  }
  max(total, init);
  return total;
}

// validatePodResourceRequirements (1.34): names (cpu, memory, hugepages-*), values, requests <= limits.
function requirements(res: unknown, p: FieldPath, out: Issue[]): void {
  const limits = get(res, 'limits');
  const requests = get(res, 'requests');
  const limitQ = quantities(limits);
  for (const which of ['limits', 'requests'] as const) {
    const entries = which === 'limits' ? limits : requests;
    if (!isObject(entries)) continue;
    for (const [name, raw] of Object.entries(entries)) {
      const at: FieldPath = [...p, which, key(name)];
      // An invalid name is not also reported as unsupported: the server checks the name first and
      // stops there (one cause, as the 1.34 apiserver gives for `limits[bad name]`).
      const nameErrors = qualifiedNameErrors(name);
      for (const m of nameErrors)
        out.push(issue(at, 'pod-resources/name-invalid', `Invalid value ${show(name)}: ${m}`));
      if (nameErrors.length === 0 && !isSupported(name))
        out.push(
          issue(
            at,
            'pod-resources/name-unsupported',
            `Unsupported value: ${show(name)}: supported values: ${SUPPORTED.map((s) => `"${s}"`).join(', ')}: pod-level resources take cpu, memory and hugepages-<size>; keep others on the containers`,
          ),
        );
      const r = quantityFromJson(raw);
      if (!r?.ok) continue; // a malformed quantity fails decoding: types.ts reports it
      if (r.quantity.nanos < 0n)
        out.push(
          issue(
            at,
            'pod-resources/quantity-negative',
            `Invalid value ${show(quantityString(r.quantity))}: must be greater than or equal to 0`,
          ),
        );
      const lim = limitQ.get(name);
      if (which === 'requests' && lim !== undefined && compareQuantity(r.quantity, lim) > 0)
        out.push(
          issue(
            [...p, 'requests'],
            'pod-resources/request-exceeds-limit',
            `Invalid value ${show(quantityString(r.quantity))}: must be less than or equal to ${name} limit of ${quantityString(lim)}`,
          ),
        );
    }
  }
}

// validatePodResourceConsistency (1.34): pod requests cover the containers' (only where the pod
// sets one, #132551), pod hugepage limits cover the containers', no container limit above the pod's.
function consistency(spec: unknown, res: unknown, p: FieldPath, out: Issue[]): void {
  const podRequests = quantities(get(res, 'requests'));
  if (podRequests.size > 0)
    for (const [name, total] of aggregate(spec, 'requests')) {
      const pod = podRequests.get(name);
      if (pod !== undefined && total.nanos > pod.nanos)
        out.push(
          issue(
            [...p, 'requests', key(name)],
            'pod-resources/request-below-containers',
            `Invalid value ${show(quantityString(pod))}: must be greater than or equal to aggregate container requests of ${quantityString(total)}`,
          ),
        );
    }
  const podLimits = quantities(get(res, 'limits'));
  if (podLimits.size === 0) return;
  for (const [name, total] of aggregate(spec, 'limits')) {
    const pod = podLimits.get(name);
    if (isHugePages(name) && pod !== undefined && total.nanos > pod.nanos)
      out.push(
        issue(
          [...p, 'limits', key(name)],
          'pod-resources/hugepages-below-containers',
          `Invalid value ${show(quantityString(pod))}: must be greater than or equal to aggregate container limits of ${quantityString(total)}`,
        ),
      );
  }
  list(get(spec, 'containers')).forEach((c, i) => {
    const own = field(c, 'resources', 'limits');
    for (const [name, q] of quantities(own)) {
      const pod = podLimits.get(name);
      if (pod !== undefined && compareQuantity(q, pod) > 0)
        out.push(
          issue(
            // The server's path, sic: resources.containers[i][name].limits.
            [...p, 'containers', i, key(name), 'limits'],
            'pod-resources/container-limit-above-pod',
            `Invalid value ${show(quantityString(q))}: must be less than or equal to pod limits of ${quantityString(pod)}`,
          ),
        );
    }
  });
}

const podResources: Rule = (spec, path, ctx) => {
  const res = get(spec, 'resources');
  if (!isSet(res) || !ctx.profile.options.PodLevelResourcesEnabled) return NO_ISSUES;
  const p: FieldPath = [...path, 'resources'];
  if (field(spec, 'os', 'name') === 'windows')
    return [
      issue(p, 'pod-resources/windows', 'Forbidden: may not be set for a windows pod: set resources on the containers'),
    ];
  const out: Issue[] = [];
  const claims = get(res, 'claims');
  if (isSet(claims)) {
    out.push(
      issue(
        [...p, 'claims'],
        'pod-resources/claims-forbidden',
        'Forbidden: claims may not be set for Resources at pod-level: list them on the containers',
      ),
    );
    if (ctx.profile.gates.DynamicResourceAllocation) out.push(...claimNameIssues(list(claims), spec, [...p, 'claims']));
  }
  requirements(res, p, out);
  consistency(spec, res, p, out);
  return out;
};

export const podResourcesRules: RuleSet = {
  podSpec: [podResources],
};

import { key, type FieldPath, type Issue } from '../issue';
import { entries, get, isObject, show } from '../read';
import type { Rule, RuleContext, RuleSet } from '../rule';
import { qualifiedNameErrors } from './_names';
import { isPod, issue } from './_container-context';
import { compareQuantity, parseQuantity, quantityFromJson, scaledValue, type Quantity } from './_quantity';

// pkg/apis/core/helper (1.27): what kind of resource a name is.
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'quota', 'services',
  'replicationcontrollers', 'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports',
  'services.loadbalancers', 'requests.storage',
]);
const INTEGER_RESOURCES = new Set([
  'pods', 'quota', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
]);

const isHugePages = (n: string): boolean => n.startsWith('hugepages-');
const isNative = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
// IsExtendedResourceName: not native, not "requests.*", and "requests.<name>" a qualified name.
const isExtended = (n: string): boolean =>
  !isNative(n) && !n.startsWith('requests.') && qualifiedNameErrors(`requests.${n}`).length === 0;
// IsOvercommitAllowed: extended resources and hugepages must have requests equal to limits.
const overcommitAllowed = (n: string): boolean => isNative(n) && !isHugePages(n);
const isStandardResource = (n: string): boolean =>
  STANDARD_RESOURCES.has(n) || n.startsWith('hugepages-') || n.startsWith('requests.hugepages-');

// validateContainerResourceName (1.27): qualified name; unprefixed names must be cpu, memory,
// ephemeral-storage or hugepages-<size>; prefixed non-native names must be extended resources.
function resourceNameIssues(name: string, path: FieldPath): Issue[] {
  const q = qualifiedNameErrors(name);
  const out: Issue[] = q.map((m) => issue(path, 'resources/name-invalid', `Invalid value ${show(name)}: ${m}`));
  if (!name.includes('/')) {
    if (q.length === 0 && !isStandardResource(name)) {
      out.push(issue(path, 'resources/name-invalid', `Invalid value ${show(name)}: must be a standard resource type or fully qualified`));
    }
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      out.push(issue(path, 'resources/name-invalid',
        `Invalid value ${show(name)}: must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a qualified extended resource such as "nvidia.com/gpu"`));
    }
  } else if (!isNative(name) && !isExtended(name)) {
    out.push(issue(path, 'resources/name-invalid', `Invalid value ${show(name)}: doesn't follow extended resource name standard`));
  }
  return out;
}

// ValidateResourceQuantityValue (1.27): non-negative; integer for extended (and count) resources.
function quantityValueIssues(name: string, q: Quantity, raw: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  if (q.nanos < 0n) {
    out.push(issue(path, 'resources/quantity-negative', `Invalid value ${show(raw)}: must be greater than or equal to 0`));
  }
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && scaledValue(q, -3) % 1000n !== 0n) {
    out.push(issue(path, 'resources/quantity-not-integer', `Invalid value ${show(raw)}: must be an integer, as ${name} is counted in whole units`));
  }
  return out;
}

// validateResourceQuantityHugePageValue (1.27, AllowIndivisibleHugePagesValues is false on create).
function hugePageIssues(name: string, q: Quantity, raw: unknown, path: FieldPath): Issue[] {
  if (!isHugePages(name)) return [];
  const size = parseQuantity(name.slice('hugepages-'.length));
  let divisible = false;
  if (size.ok && size.quantity.nanos > 0n && scaledValue(size.quantity, -3) % 1000n === 0n) {
    divisible = scaledValue(q, 0) % scaledValue(size.quantity, 0) === 0n;
  }
  if (divisible) return [];
  return [issue(path, 'resources/hugepages-indivisible', `Invalid value ${show(raw)}: is not positive integer multiple of ${name}`)];
}

interface Entry {
  readonly name: string;
  readonly raw: unknown;
  readonly q: Quantity | undefined;
}

function readList(list: unknown): Map<string, Entry> {
  const m = new Map<string, Entry>();
  for (const [name, raw] of entries(list)) {
    // A malformed quantity fails decoding before validation runs: types.ts reports it once.
    const r = quantityFromJson(raw);
    m.set(name, { name, raw, q: r?.ok ? r.quantity : undefined });
  }
  return m;
}

/**
 * ValidateResourceRequirements (1.27). For a Pod, SetDefaults_Pod first copies each limit into a
 * missing request of a regular or init container (not for pod templates, whose pods get it later).
 */
export function validateResourceRequirements(res: unknown, path: FieldPath, copyLimits: boolean): Issue[] {
  const out: Issue[] = [];
  const limPath: FieldPath = [...path, 'limits'];
  const reqPath: FieldPath = [...path, 'requests'];
  const limits = readList(get(res, 'limits'));
  const requests = readList(get(res, 'requests'));
  if (copyLimits && isObject(get(res, 'limits'))) {
    for (const [name, e] of limits) if (!requests.has(name)) requests.set(name, e);
  }
  let cpuOrMemory = false;
  let hugePages = false;
  for (const e of limits.values()) {
    const p: FieldPath = [...limPath, key(e.name)];
    out.push(...resourceNameIssues(e.name, p));
    if (e.q !== undefined) {
      out.push(...quantityValueIssues(e.name, e.q, e.raw, p));
      out.push(...hugePageIssues(e.name, e.q, e.raw, p));
    }
    if (isHugePages(e.name)) hugePages = true;
    if (e.name === 'cpu' || e.name === 'memory') cpuOrMemory = true;
  }
  for (const e of requests.values()) {
    const p: FieldPath = [...reqPath, key(e.name)];
    out.push(...resourceNameIssues(e.name, p));
    if (e.q !== undefined) out.push(...quantityValueIssues(e.name, e.q, e.raw, p));
    const lim = limits.get(e.name);
    if (lim !== undefined) {
      if (e.q !== undefined && lim.q !== undefined) {
        const c = compareQuantity(e.q, lim.q);
        if (c !== 0 && !overcommitAllowed(e.name)) {
          out.push(issue(reqPath, 'resources/request-not-equal-limit',
            `Invalid value ${show(e.raw)}: must be equal to ${e.name} limit of ${show(lim.raw)}: ${e.name} cannot be overcommitted`));
        } else if (c > 0) {
          out.push(issue(reqPath, 'resources/request-exceeds-limit',
            `Invalid value ${show(e.raw)}: must be less than or equal to ${e.name} limit of ${show(lim.raw)}`));
        }
      }
    } else if (!overcommitAllowed(e.name)) {
      out.push(issue(limPath, 'resources/limit-required',
        `Required value: Limit must be set for non overcommitable resources: add limits[${e.name}] equal to the request ${show(e.raw)}`));
    }
    if (e.q !== undefined) out.push(...hugePageIssues(e.name, e.q, e.raw, p));
    if (isHugePages(e.name)) hugePages = true;
    if (e.name === 'cpu' || e.name === 'memory') cpuOrMemory = true;
  }
  if (hugePages && !cpuOrMemory) {
    out.push(issue(path, 'resources/hugepages-without-cpu-or-memory', 'Forbidden: HugePages require cpu or memory: also request or limit cpu or memory'));
  }
  return out;
}

const resources: Rule = (c, path, ctx: RuleContext) => {
  const res = get(c, 'resources');
  if (!isObject(res)) return [];
  const copyLimits = isPod(ctx) && ctx.containerList !== 'ephemeralContainers';
  return validateResourceRequirements(res, [...path, 'resources'], copyLimits);
};

export const resourcesRules: RuleSet = {
  container: [resources],
};

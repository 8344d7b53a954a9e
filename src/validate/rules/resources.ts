import { key, type FieldPath, type Issue } from '../issue';
import { get, isObject, issue, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { qualifiedNameErrors } from './_shared/names';
import { isPod } from './_shared/container-context';
import {
  compareQuantity,
  parseQuantity,
  quantityFromJson,
  quantityString,
  scaledValue,
  type Quantity,
} from './_shared/quantity';

// pkg/apis/core/helper (1.27): what kind of resource a name is.
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas', // core.ResourceQuotas; "quota" is no resource name (k8s-oracle run 1.27 rejects it as non-standard)
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
  'requests.storage',
]);
const INTEGER_RESOURCES = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
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
function resourceNameIssues(name: string, path: FieldPath): readonly Issue[] {
  if (STANDARD_CONTAINER_RESOURCES.has(name)) return NO_ISSUES; // cpu, memory, ephemeral-storage: valid in every check below
  const q = qualifiedNameErrors(name);
  const out: Issue[] = q.map((m) => issue(path, 'resources/name-invalid', `Invalid value ${show(name)}: ${m}`));
  if (!name.includes('/')) {
    if (q.length === 0 && !isStandardResource(name)) {
      out.push(
        issue(
          path,
          'resources/name-invalid',
          `Invalid value ${show(name)}: must be a standard resource type or fully qualified`,
        ),
      );
    }
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      out.push(
        issue(
          path,
          'resources/name-invalid',
          `Invalid value ${show(name)}: must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a qualified extended resource such as "nvidia.com/gpu"`,
        ),
      );
    }
  } else if (!isNative(name) && !isExtended(name)) {
    out.push(
      issue(
        path,
        'resources/name-invalid',
        `Invalid value ${show(name)}: doesn't follow extended resource name standard`,
      ),
    );
  }
  return out;
}

// ValidateResourceQuantityValue (1.27): non-negative; integer for extended (and count) resources.
function quantityValueIssues(name: string, q: Quantity, path: FieldPath): readonly Issue[] {
  if (q.nanos >= 0n && isNative(name) && !INTEGER_RESOURCES.has(name)) return NO_ISSUES; // not extended: any non-negative value
  const out: Issue[] = [];
  if (q.nanos < 0n) {
    out.push(
      issue(
        path,
        'resources/quantity-negative',
        `Invalid value ${show(quantityString(q))}: must be greater than or equal to 0`,
      ),
    );
  }
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && scaledValue(q, -3) % 1000n !== 0n) {
    out.push(
      issue(
        path,
        'resources/quantity-not-integer',
        `Invalid value ${show(quantityString(q))}: must be an integer, as ${name} is counted in whole units`,
      ),
    );
  }
  return out;
}

// validateResourceQuantityHugePageValue (1.27, AllowIndivisibleHugePagesValues is false on create).
function hugePageIssues(name: string, q: Quantity, path: FieldPath): readonly Issue[] {
  if (!isHugePages(name)) return NO_ISSUES;
  const size = parseQuantity(name.slice('hugepages-'.length));
  let divisible = false;
  if (size.ok && size.quantity.nanos > 0n && scaledValue(size.quantity, -3) % 1000n === 0n) {
    divisible = scaledValue(q, 0) % scaledValue(size.quantity, 0) === 0n;
  }
  if (divisible) return [];
  return [
    issue(
      path,
      'resources/hugepages-indivisible',
      `Invalid value ${show(quantityString(q))}: ${quantityString(q)} is not positive integer multiple of ${name}`,
    ),
  ];
}

interface Entry {
  readonly name: string;
  readonly raw: unknown;
  readonly q: Quantity | undefined;
}

function readList(list: unknown): Map<string, Entry> {
  const m = new Map<string, Entry>();
  if (!isObject(list)) return m;
  for (const name of Object.keys(list)) {
    const raw = list[name];
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
  const limits = readList(get(res, 'limits'));
  const requests = readList(get(res, 'requests'));
  if (copyLimits && isObject(get(res, 'limits'))) {
    for (const [name, e] of limits) if (!requests.has(name)) requests.set(name, e);
  }
  // Paths are built only for what is reported: most resource lists are valid.
  const at = (list: string, name?: string): FieldPath =>
    name === undefined ? [...path, list] : [...path, list, key(name)];
  let cpuOrMemory = false;
  let hugePages = false;
  for (const e of limits.values()) {
    const name = e.name;
    if (!STANDARD_CONTAINER_RESOURCES.has(name) || (e.q !== undefined && e.q.nanos < 0n)) {
      const p = at('limits', name);
      push(out, resourceNameIssues(name, p));
      if (e.q !== undefined) {
        push(out, quantityValueIssues(name, e.q, p));
        push(out, hugePageIssues(name, e.q, p));
      }
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const e of requests.values()) {
    const name = e.name;
    const plain = STANDARD_CONTAINER_RESOURCES.has(name) && (e.q === undefined || e.q.nanos >= 0n);
    if (!plain) {
      const p = at('requests', name);
      push(out, resourceNameIssues(name, p));
      if (e.q !== undefined) push(out, quantityValueIssues(name, e.q, p));
    }
    const lim = limits.get(name);
    if (lim !== undefined) {
      if (e.q !== undefined && lim.q !== undefined) {
        const c = compareQuantity(e.q, lim.q);
        if (c !== 0 && !overcommitAllowed(name)) {
          out.push(
            issue(
              at('requests'),
              'resources/request-not-equal-limit',
              `Invalid value ${show(quantityString(e.q))}: must be equal to ${name} limit of ${quantityString(lim.q)}: ${name} cannot be overcommitted`,
            ),
          );
        } else if (c > 0) {
          out.push(
            issue(
              at('requests'),
              'resources/request-exceeds-limit',
              `Invalid value ${show(quantityString(e.q))}: must be less than or equal to ${name} limit of ${quantityString(lim.q)}`,
            ),
          );
        }
      }
    } else if (!overcommitAllowed(name)) {
      out.push(
        issue(
          at('limits'),
          'resources/limit-required',
          `Required value: Limit must be set for non overcommitable resources: add limits[${name}] equal to the request ${show(e.raw)}`,
        ),
      );
    }
    if (!plain && e.q !== undefined) push(out, hugePageIssues(name, e.q, at('requests', name)));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (hugePages && !cpuOrMemory) {
    out.push(
      issue(
        path,
        'resources/hugepages-without-cpu-or-memory',
        'Forbidden: HugePages require cpu or memory: also request or limit cpu or memory',
      ),
    );
  }
  return out;
}

function push(out: Issue[], found: readonly Issue[]): void {
  for (let i = 0; i < found.length; i++) out.push(found[i]);
}

const resources: Rule = (c, path, ctx: RuleContext) => {
  const res = get(c, 'resources');
  if (!isObject(res)) return NO_ISSUES;
  const copyLimits = isPod(ctx) && ctx.containerList !== 'ephemeralContainers';
  return validateResourceRequirements(res, [...path, 'resources'], copyLimits);
};

export const resourcesRules: RuleSet = {
  container: [resources],
};

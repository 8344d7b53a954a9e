import { VCUDA_CORE_RESOURCE, VCUDA_MEMORY_RESOURCE } from '../tkestack/gpu-manager';
import type { FieldPath } from '../validate/issue';
import { call, map, props, val, type Expr } from './code';
import type { DocContext } from './context';
import { has } from '../validate/read';
import { isNumber, isRecord, isString, UNRENDERABLE_KEYS, type Rec } from './values';

const NVIDIA_GPU = 'nvidia.com/gpu';
const NAMED: ReadonlyArray<readonly [string, string]> = [
  ['cpu', 'cpu'],
  ['memory', 'memory'],
  ['ephemeral-storage', 'ephemeralStorage'],
];

function isQuantityMap(v: unknown): v is Record<string, string | number> {
  return isRecord(v) && Object.entries(v).every(([k, q]) => (isString(q) || isNumber(q)) && !UNRENDERABLE_KEYS.has(k));
}

function range(requests: Rec, limits: Rec, name: string): Expr {
  return props([
    ['request', has(requests, name) ? val(requests[name]) : undefined],
    ['limit', has(limits, name) ? val(limits[name]) : undefined],
  ]);
}

/**
 * The GPU share, when it is exactly what `Gpu` writes: `Gpu.nvidia(n)` is a numeric limit with no
 * request; `Gpu.vcuda` equal numeric requests and limits of vcuda-core (and vcuda-memory, if any).
 */
function gpu(requests: Rec, limits: Rec): { expr: Expr; names: string[] } | undefined {
  if (isNumber(limits[NVIDIA_GPU]) && has(limits, NVIDIA_GPU) && !has(requests, NVIDIA_GPU)) {
    return { expr: call('Gpu.nvidia', val(limits[NVIDIA_GPU])), names: [NVIDIA_GPU] };
  }
  const same = (n: string) => has(requests, n) && has(limits, n) && isNumber(limits[n]) && requests[n] === limits[n];
  const absent = (n: string) => !has(requests, n) && !has(limits, n);
  if (same(VCUDA_CORE_RESOURCE) && (same(VCUDA_MEMORY_RESOURCE) || absent(VCUDA_MEMORY_RESOURCE))) {
    const withMemory = same(VCUDA_MEMORY_RESOURCE);
    return {
      expr: call(
        'Gpu.vcuda',
        props([
          ['core', val(limits[VCUDA_CORE_RESOURCE])],
          ['memory', withMemory ? val(limits[VCUDA_MEMORY_RESOURCE]) : undefined],
        ]),
      ),
      names: withMemory ? [VCUDA_CORE_RESOURCE, VCUDA_MEMORY_RESOURCE] : [VCUDA_CORE_RESOURCE],
    };
  }
  return undefined;
}

/** `resources` of a container as `ContainerResources`, or undefined when it goes by escape hatch. */
export function mapResources(ctx: DocContext, r: unknown, path: FieldPath): Expr | undefined {
  const requests = isRecord(r) && has(r, 'requests') ? r.requests : {};
  const limits = isRecord(r) && has(r, 'limits') ? r.limits : {};
  if (!isRecord(r) || !isQuantityMap(requests) || !isQuantityMap(limits)) {
    ctx.add(path, r, 'resources that are not maps of quantities (strings or numbers)');
    return undefined;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) {
    ctx.add(path, r, 'resources without any request or limit: the constructs write none');
    return undefined;
  }
  const g = gpu(requests, limits);
  const done = new Set([...NAMED.map(([n]) => n), ...(g?.names ?? [])]);
  const others = [...new Set([...Object.keys(requests), ...Object.keys(limits)])].filter((n) => !done.has(n));
  for (const k of ['requests', 'limits']) {
    if (has(r, k) && Object.keys(r[k] as Rec).length === 0)
      ctx.add([...path, k], {}, `empty resources.${k}: the constructs leave it out`);
  }
  ctx.rest(r, ['requests', 'limits'], path, (k) => `resources.${k} has no construct property`);
  return props([
    ...NAMED.map(
      ([n, prop]) => [prop, has(requests, n) || has(limits, n) ? range(requests, limits, n) : undefined] as const,
    ),
    ['gpu', g?.expr],
    ['other', others.length > 0 ? map(others.map((n) => [n, range(requests, limits, n)])) : undefined],
  ]);
}

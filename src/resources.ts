import { VCUDA_CORE_RESOURCE, VCUDA_MEMORY_RESOURCE } from './tkestack/gpu-manager';

/** A TKEStack GPU Manager share of GPUs. */
export interface VcudaShare {
  /**
   * Hundredths of a card: 1–99 is a share of one card, 100 one card, and above 100 a multiple of
   * 100 (whole cards), as GPU Manager allocates them.
   */
  readonly core: number;
  /**
   * GPU memory in blocks of 256 MiB (16 = 4 GiB). Required with a share of a card (core < 100).
   * @default - not written; only valid with whole cards
   */
  readonly memory?: number;
}

/** A Kubernetes quantity: `100m`, `0.5`, `200Mi`, `1Gi`, or a plain number. */
export type Quantity = string | number;

/** Request and limit of one resource; each is written only when set. */
export interface ResourceRange {
  /**
   * What the scheduler reserves: a pod whose request fits no node is not created.
   * @default - not written: the pod's request then equals the limit, when one is set
   */
  readonly request?: Quantity;
  /** The most the container may use. @default - not written: no limit */
  readonly limit?: Quantity;
}

/**
 * GPUs for a container: whole NVIDIA cards, or TKEStack GPU Manager shares.
 * GPUs are not overcommitted, so a request always equals its limit.
 */
export class Gpu {
  /**
   * Whole NVIDIA cards (`nvidia.com/gpu`, the NVIDIA device plugin's resource). Written as a limit
   * only, as the device plugin documents it: the API server copies it into the request.
   */
  public static nvidia(cards: number): Gpu {
    return new Gpu({ 'nvidia.com/gpu': cards }, false);
  }

  /**
   * TKEStack GPU Manager shares: `core` in hundredths of a card (100 = one card) and
   * `memory` in units of 256 MiB. Written as equal requests and limits, as GPU Manager's
   * examples and the console do. GPU Manager's allocation rules are checked at synth.
   */
  public static vcuda(share: VcudaShare): Gpu {
    const r: Record<string, number> = { [VCUDA_CORE_RESOURCE]: share.core };
    if (share.memory !== undefined) r[VCUDA_MEMORY_RESOURCE] = share.memory;
    return new Gpu(r, true);
  }

  private constructor(
    /** @internal resource name to amount */
    public readonly _amounts: Readonly<Record<string, number>>,
    /** @internal whether requests are written next to limits */
    public readonly _withRequests: boolean,
  ) {}
}

/** CPU, memory, GPUs and other resources of a container (`resources.requests` / `resources.limits`). */
export interface ContainerResources {
  /** CPU in cores: `100m` is a tenth of a core. @default - not written */
  readonly cpu?: ResourceRange;
  /** Memory in bytes: `200Mi`, `1Gi`. @default - not written */
  readonly memory?: ResourceRange;
  /** Local ephemeral storage: `1Gi`. @default - not written */
  readonly ephemeralStorage?: ResourceRange;
  /** GPUs. @default - none */
  readonly gpu?: Gpu;
  /**
   * Any other resource by its name, e.g. `hugepages-2Mi` or `intel.com/gpu`.
   * @default - none
   */
  readonly other?: Readonly<Record<string, ResourceRange>>;
}

/** @internal renders `resources`, or undefined when nothing is set (no injected defaults). */
export function renderResources(res: ContainerResources | undefined): object | undefined {
  if (!res) return undefined;
  const requests: Record<string, Quantity> = {};
  const limits: Record<string, Quantity> = {};
  const put = (name: string, range: ResourceRange | undefined) => {
    if (range?.request !== undefined) requests[name] = range.request;
    if (range?.limit !== undefined) limits[name] = range.limit;
  };
  put('cpu', res.cpu);
  put('memory', res.memory);
  put('ephemeral-storage', res.ephemeralStorage);
  for (const [name, range] of Object.entries(res.other ?? {})) put(name, range);
  if (res.gpu) {
    for (const [name, amount] of Object.entries(res.gpu._amounts)) {
      limits[name] = amount;
      if (res.gpu._withRequests) requests[name] = amount;
    }
  }
  const out: Record<string, object> = {};
  if (Object.keys(requests).length > 0) out.requests = requests;
  if (Object.keys(limits).length > 0) out.limits = limits;
  return Object.keys(out).length > 0 ? out : undefined;
}

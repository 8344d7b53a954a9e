import type { PodAffinity } from './pod-affinity';
import type { TopologySpreadConstraint } from './topology-spread';

/** An extra `/etc/hosts` entry (`hostAliases[]`). */
export interface HostAlias {
  /** The IP address the names resolve to. */
  readonly ip: string;
  /** Names for `ip`. @default - not written */
  readonly hostnames?: readonly string[];
}

/** One resolver option of `dnsConfig.options`, e.g. `{ name: 'ndots', value: '2' }`. */
export interface PodDnsConfigOption {
  /** Option name, e.g. `ndots`, `single-request-reopen`. */
  readonly name: string;
  /** Option value. @default - not written: a flag option */
  readonly value?: string;
}

/** Resolver settings merged into the ones `dnsPolicy` gives (`dnsConfig`); with `dnsPolicy: None`, all of them. */
export interface PodDnsConfig {
  /** Name server IPs, at most 3. @default - not written */
  readonly nameservers?: readonly string[];
  /** Search domains, at most 32. @default - not written */
  readonly searches?: readonly string[];
  /** Resolver options. @default - not written */
  readonly options?: readonly PodDnsConfigOption[];
}

/** A pod condition that must be true, besides container readiness, for the pod to be ready. */
export interface PodReadinessGate {
  /** The condition type, e.g. `target-health.elbv2.k8s.aws/my-tg`. */
  readonly conditionType: string;
}

/** A gate that keeps the pod from being scheduled until a controller removes it (1.27 beta). */
export interface PodSchedulingGate {
  /** Name of the gate, unique in the pod. */
  readonly name: string;
}

/**
 * Pod-spec fields written as given (`spec.template.spec.<field>`). `false` and `0` are written
 * too: a field is left out only when it is not given.
 */
export interface PodSpecFields {
  /** Pod affinity: run near pods that match. Composes with `scheduling`. @default - not written */
  readonly podAffinity?: PodAffinity;
  /** Pod anti-affinity: stay away from pods that match. Composes with `scheduling`. @default - not written */
  readonly podAntiAffinity?: PodAffinity;
  /** Topology spread constraints. @default - not written */
  readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[];
  /** Extra `/etc/hosts` entries. @default - not written */
  readonly hostAliases?: readonly HostAlias[];
  /** Resolver settings added to (or, with `dnsPolicy: None`, replacing) the policy's. @default - not written */
  readonly dnsConfig?: PodDnsConfig;
  /** RuntimeClass the pods run with, e.g. `nvidia` or `gvisor`. @default - not written: the node's default runtime */
  readonly runtimeClassName?: string;
  /** One process namespace for all containers of the pod. @default - not written (false) */
  readonly shareProcessNamespace?: boolean;
  /** `false` runs the pod in its own user namespace (1.30 beta). @default - not written (true) */
  readonly hostUsers?: boolean;
  /**
   * The pod's restart policy. A DaemonSet's pods must use `Always`, the API server's default;
   * some vendor manifests write it. @default - not written (Always)
   */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  /** Conditions, besides container readiness, a pod needs to be ready. @default - not written */
  readonly readinessGates?: readonly PodReadinessGate[];
  /** Gates that hold scheduling back until removed. @default - not written */
  readonly schedulingGates?: readonly PodSchedulingGate[];
  /** Operating system the pods run on; some Pod Security checks depend on it. @default - not written */
  readonly os?: {
    /** `linux` or `windows`. */
    readonly name: 'linux' | 'windows';
  };
  /** Inject environment variables for the namespace's Services. @default - not written (true) */
  readonly enableServiceLinks?: boolean;
  /** `Never` stops the pods from preempting lower-priority pods. @default - not written (PreemptLowerPriority) */
  readonly preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  /** The pods' host name. @default - not written: the pod's name */
  readonly hostname?: string;
  /** The pods' subdomain, for a headless Service of that name. @default - not written */
  readonly subdomain?: string;
  /** Set the fully qualified domain name as the host name. @default - not written (false) */
  readonly setHostnameAsFQDN?: boolean;
}

/** The keys of `PodSpecFields` other than the affinities, which go under `affinity`. */
const PASS_THROUGH = [
  'topologySpreadConstraints',
  'hostAliases',
  'dnsConfig',
  'runtimeClassName',
  'shareProcessNamespace',
  'hostUsers',
  'restartPolicy',
  'readinessGates',
  'schedulingGates',
  'os',
  'enableServiceLinks',
  'preemptionPolicy',
  'hostname',
  'subdomain',
  'setHostnameAsFQDN',
] as const satisfies ReadonlyArray<keyof PodSpecFields>;

/** The pod-spec fields as given, copied (so later edits by the caller don't leak in). */
export function renderPodFields(p: PodSpecFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of PASS_THROUGH) if (p[k] !== undefined) out[k] = JSON.parse(JSON.stringify(p[k]));
  return out;
}

/**
 * The pod's `affinity`: node affinity from `scheduling`, pod affinity and anti-affinity from
 * their (already copied) props. Undefined when none is given.
 */
export function renderAffinity(nodeAffinity: object | undefined, p: PodSpecFields): object | undefined {
  const out: Record<string, unknown> = {};
  if (nodeAffinity !== undefined) out.nodeAffinity = nodeAffinity;
  if (p.podAffinity !== undefined) out.podAffinity = p.podAffinity;
  if (p.podAntiAffinity !== undefined) out.podAntiAffinity = p.podAntiAffinity;
  return Object.keys(out).length > 0 ? out : undefined;
}

import type { DNS_POLICIES } from './validate/api-values';
import type { Quantity } from './resources';
import {
  ENI_IP_RESOURCE,
  GALAXY_NETWORKS_ANNOTATION,
  GALAXY_RELEASE_POLICY_ANNOTATION,
  GALAXY_VLAN_NETWORK,
  RELEASE_POLICY_VALUES,
  type FloatingIpOptions,
  type FloatingIpReleasePolicy,
} from './tkestack/floating-ip';

/** DNS policies of a pod. */
export type DnsPolicy = (typeof DNS_POLICIES)[number];

/** The console's network modes; a DaemonSet has exactly one. */
export type NetworkModeKind = 'Overlay' | 'NAT' | 'Host' | 'FloatingIP';

/** What a network mode adds to the pod. */
interface NetworkPodFields {
  readonly hostNetwork?: boolean;
  readonly dnsPolicy?: DnsPolicy;
  /** Pod template annotations. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Resources requested (and limited) by the first container. */
  readonly firstContainerResources?: Readonly<Record<string, Quantity>>;
}

/** Options of `NetworkMode.overlay` and `NetworkMode.nat`. */
export interface PodNetworkOptions {
  /**
   * Write `hostNetwork: false`, as some vendor manifests do; the API server stores the same pod
   * either way. @default - not written
   */
  readonly hostNetwork?: false;
}

/** How the pods are networked. */
export class NetworkMode {
  /** A virtual IP per pod, reachable inside the cluster only (the console's default). Writes nothing unless asked. */
  public static overlay(options: PodNetworkOptions = {}): NetworkMode {
    return new NetworkMode('Overlay', { hostNetwork: options.hostNetwork });
  }

  /**
   * Container ports mapped to ports on the node. Every container port must then name its
   * `hostPort`; the pod keeps its overlay IP.
   */
  public static nat(options: PodNetworkOptions = {}): NetworkMode {
    return new NetworkMode('NAT', { hostNetwork: options.hostNetwork });
  }

  /**
   * The node's network namespace (`hostNetwork: true`), with `dnsPolicy: ClusterFirstWithHostNet`
   * so cluster DNS keeps working, as the console documents it. Pass another policy to override
   * it, or `null` to write none, as many vendor manifests do: the API server then defaults it to
   * `ClusterFirst`, which with host networking resolves through the node like `Default`.
   */
  public static host(
    options: {
      /** DNS policy to write, or `null` for none. @default 'ClusterFirstWithHostNet' */
      readonly dnsPolicy?: DnsPolicy | null;
    } = {},
  ): NetworkMode {
    const dnsPolicy = options.dnsPolicy === null ? undefined : (options.dnsPolicy ?? 'ClusterFirstWithHostNet');
    return new NetworkMode('Host', { hostNetwork: true, dnsPolicy });
  }

  /**
   * TKEStack FloatingIP: a physical (underlay) IP per pod from Galaxy. Writes the
   * `k8s.v1.cni.cncf.io/networks: galaxy-k8s-vlan` pod annotation, the release policy when given,
   * and requests one `tke.cloud.tencent.com/eni-ip` in the first container (Galaxy's documented
   * form, doc/float-ip.md: one container is enough). Needs Galaxy and galaxy-ipam on the cluster.
   */
  public static floatingIp(options: FloatingIpOptions = {}): NetworkMode {
    const annotations: Record<string, string> = { [GALAXY_NETWORKS_ANNOTATION]: GALAXY_VLAN_NETWORK };
    if (options.releasePolicy !== undefined) {
      annotations[GALAXY_RELEASE_POLICY_ANNOTATION] = RELEASE_POLICY_VALUES[options.releasePolicy];
    }
    return new NetworkMode(
      'FloatingIP',
      { annotations, firstContainerResources: { [ENI_IP_RESOURCE]: '1' } },
      options.releasePolicy,
    );
  }

  private constructor(
    /** Which mode this is. */
    public readonly kind: NetworkModeKind,
    private readonly podFields: NetworkPodFields,
    /** The FloatingIP release policy, when one was given. @default - none: not FloatingIP, or no policy given */
    public readonly releasePolicy?: FloatingIpReleasePolicy,
  ) {}

  /** @internal what this mode adds to the pod. */
  public _podFields(): NetworkPodFields {
    return this.podFields;
  }
}

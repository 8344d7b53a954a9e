/** DNS policies of a pod. */
export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

/** The console's network modes; a DaemonSet has exactly one. */
export type NetworkModeKind = 'Overlay' | 'NAT' | 'Host';

/** How the pods are networked. */
export class NetworkMode {
  /** A virtual IP per pod, reachable inside the cluster only (the console's default). Writes nothing. */
  public static overlay(): NetworkMode {
    return new NetworkMode('Overlay', {});
  }

  /**
   * Container ports mapped to ports on the node. Every container port must then name its
   * `hostPort`; the pod keeps its overlay IP.
   */
  public static nat(): NetworkMode {
    return new NetworkMode('NAT', {});
  }

  /**
   * The node's network namespace (`hostNetwork: true`), with `dnsPolicy: ClusterFirstWithHostNet`
   * so cluster DNS keeps working, as the console does; pass another policy to override it.
   */
  public static host(options: { readonly dnsPolicy?: DnsPolicy } = {}): NetworkMode {
    return new NetworkMode('Host', { hostNetwork: true, dnsPolicy: options.dnsPolicy ?? 'ClusterFirstWithHostNet' });
  }

  private constructor(
    /** Which mode this is. */
    public readonly kind: NetworkModeKind,
    private readonly podFields: { readonly hostNetwork?: boolean; readonly dnsPolicy?: DnsPolicy },
  ) {}

  /** @internal pod spec fields this mode sets. */
  public _podFields(): { readonly hostNetwork?: boolean; readonly dnsPolicy?: DnsPolicy } {
    return this.podFields;
  }
}

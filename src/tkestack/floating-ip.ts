/**
 * TKEStack Galaxy's FloatingIP: an underlay IP per pod. Keys from tkestack/galaxy @1b17268
 * (pkg/api/galaxy/constant/constant.go, tke.go) and the console's
 * EditResourceVisualizationPanel.tsx (tkestack/tke @31e93ce); see docs/tkestack.md §1.
 */

/** Pod annotation naming the CNI network; Galaxy's underlay network is `galaxy-k8s-vlan`. */
export const GALAXY_NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
/** The underlay network the console selects for FloatingIP. */
export const GALAXY_VLAN_NETWORK = 'galaxy-k8s-vlan';
/** Pod annotation holding the IP release policy (`ConvertReleasePolicy`). */
export const GALAXY_RELEASE_POLICY_ANNOTATION = 'k8s.v1.cni.galaxy.io/release-policy';
/**
 * Extended resource that makes galaxy-ipam allocate a floating IP: `WantENIIP`
 * (pkg/api/galaxy/constant/utils/utils.go) looks for it in a container's requests.
 */
export const ENI_IP_RESOURCE = 'tke.cloud.tencent.com/eni-ip';

/** When Galaxy releases a pod's floating IP. */
export type FloatingIpReleasePolicy =
  /** Released when the pod is deleted (Galaxy's default; the console's "always", written as `""`). */
  | 'OnPodDelete'
  /** Kept across pod restarts and moves; released on scale-down or workload deletion (`immutable`). */
  | 'Immutable'
  /** Never released, reused by a workload of the same name (`never`). */
  | 'Never';

/** Annotation value of each policy, as `ConvertReleasePolicy` reads it (case-sensitive). */
export const RELEASE_POLICY_VALUES: Readonly<Record<FloatingIpReleasePolicy, string>> = {
  OnPodDelete: '',
  Immutable: 'immutable',
  Never: 'never',
};

/** Options of `NetworkMode.floatingIp`. */
export interface FloatingIpOptions {
  /**
   * When the IP is released. For a DaemonSet only `OnPodDelete` works: galaxy-ipam keeps IPs only
   * for Deployments, StatefulSets and pods named `…-<index>` (`supportReserveIPPolicy`,
   * pkg/ipam/schedulerplugin/floatingip_plugin.go), and a DaemonSet pod with another policy
   * stays Pending. Validation reports the others as errors (validate/rules/tkestack-floating-ip.ts).
   * @default - not written: Galaxy releases the IP when the pod is deleted
   */
  readonly releasePolicy?: FloatingIpReleasePolicy;
}

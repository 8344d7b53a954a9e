import type { ContainerProps } from './container';
import type { DnsPolicy, NetworkMode } from './network';
import type { PodSpecFields } from './pod-fields';
import type { SecretReference, ServiceAccountReference } from './references';
import type { NodeScheduling, Toleration } from './scheduling';
import type { PodSecurityContext } from './security-context';
import type { UpdateStrategy } from './update-strategy';
import type { PodSecurityProps } from './pod-security';
import type { Volume } from './volumes/volume';

/**
 * Props of a `DaemonSet`: the object, its pod template and its update strategy. Every field is
 * written as given, `false` and `0` included; a field is left out only when it is not given.
 */
export interface DaemonSetProps extends PodSpecFields {
  /**
   * `metadata.name` (DNS-1123 subdomain), written as given: no hash is added.
   * @default - the construct id
   */
  readonly name?: string;
  /** `metadata.namespace`. @default - the chart's namespace, else not written */
  readonly namespace?: string;
  /** Labels of the DaemonSet object itself. @default - the chart's labels only */
  readonly labels?: Readonly<Record<string, string>>;
  /** Annotations of the DaemonSet object. @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** The console's description, kept in the `description` annotation. @default - none */
  readonly description?: string;
  /** Kept in `kubernetes.io/change-cause`, which `kubectl rollout history` shows. @default - none */
  readonly changeCause?: string;
  /**
   * Labels that select the pods: written to `spec.selector.matchLabels` and to the pod template's
   * labels, so the two agree by construction. Required: the API server needs a selector and
   * nothing is invented for you.
   */
  readonly matchLabels: Readonly<Record<string, string>>;
  /** More pod labels, not part of the selector. @default - none */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** `spec.template.metadata.annotations`. @default - none */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * `spec.template.metadata.name`. The DaemonSet controller ignores it (pods get generated
   * names); some vendor manifests write it. @default - not written
   */
  readonly podTemplateName?: string;
  /** Containers, in order. More can be added with `addContainer`. @default - none */
  readonly containers?: readonly ContainerProps[];
  /** Init containers, run in order before the containers. @default - none */
  readonly initContainers?: readonly ContainerProps[];
  /** Volumes to declare even if no container mounts them; mounted ones are declared automatically. @default - none */
  readonly volumes?: readonly Volume[];
  /** Secrets (type dockerconfigjson) used to pull private images: cdk8s-plus objects or names. @default - none */
  readonly imagePullSecrets?: readonly SecretReference[];
  /**
   * Service account the pods run as: a cdk8s-plus object or its name, written to
   * `serviceAccountName`. @default - not written: the namespace's `default` account
   */
  readonly serviceAccount?: ServiceAccountReference;
  /**
   * The same as `serviceAccount` given a name, under the Kubernetes field's name; give one of the two.
   * @default - not written: the namespace's `default` account
   */
  readonly serviceAccountName?: string;
  /** Mount the service account's API token into the pods. @default - not written (true) */
  readonly automountServiceAccountToken?: boolean;
  /** Which nodes run a pod. @default - every node */
  readonly scheduling?: NodeScheduling;
  /** Node labels a node must have (`nodeSelector`). @default - none */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /** Taints the pods tolerate. More with `addToleration`. @default - none */
  readonly tolerations?: readonly Toleration[];
  /** How the pods are networked: overlay, NAT, host or TKEStack FloatingIP. @default - `NetworkMode.overlay()`: nothing is written */
  readonly network?: NetworkMode;
  /** DNS policy; the Host network mode sets `ClusterFirstWithHostNet` unless this is given. @default - not written (ClusterFirst) */
  readonly dnsPolicy?: DnsPolicy;
  /** Use the node's process namespace. @default - not written (false) */
  readonly hostPID?: boolean;
  /** Use the node's IPC namespace. @default - not written (false) */
  readonly hostIPC?: boolean;
  /** e.g. `system-node-critical` for agents a node can't do without. @default - not written */
  readonly priorityClassName?: string;
  /** Security settings of the whole pod (`spec.template.spec.securityContext`). @default - not written */
  readonly securityContext?: PodSecurityContext;
  /** Seconds a pod gets to stop after SIGTERM. @default - not written (30) */
  readonly terminationGracePeriodSeconds?: number;
  /**
   * TKEStack GPU Manager: a soft cap, in percent of one card (0–100), up to which containers with
   * a GPU share may burst. Written to the `tencent.com/vcuda-core-limit` pod annotation.
   * @default - not written: the share is a hard limit
   */
  readonly vcudaCoreLimit?: number;
  /**
   * The Pod Security Standards level the pods must meet, with reasoned exemptions. Violations
   * fail the synth; exemptions are recorded in the `pod-security.cdk8s-daemonset.io/exemptions`
   * annotation for reviewers, and unused ones are reported.
   * @default - not checked
   */
  readonly podSecurity?: PodSecurityProps;
  /** How pods are replaced when the template changes. @default - not written: RollingUpdate with maxUnavailable 1 */
  readonly updateStrategy?: UpdateStrategy;
  /** Old revisions kept for rollback. @default - not written (10) */
  readonly revisionHistoryLimit?: number;
  /** Seconds a new pod must be ready before it counts as available. @default - not written (0) */
  readonly minReadySeconds?: number;
}

import type { LabelSelector } from './label-selector';

/**
 * A set of pods (by labels, in some namespaces) and the topology domain (`topologyKey`) in which
 * this pod must (affinity) or must not (anti-affinity) run with them. Field names are the API's
 * (`PodAffinityTerm`), so vendor manifests and the Kubernetes docs read across.
 */
export interface PodAffinityTerm {
  /** Node label whose value is the domain, e.g. `kubernetes.io/hostname` or `topology.kubernetes.io/zone`. */
  readonly topologyKey: string;
  /** The pods this term is about. @default - not written: no pod matches */
  readonly labelSelector?: LabelSelector;
  /** Namespaces the pods are looked for in. @default - not written: this pod's namespace (with `namespaceSelector`, those it selects) */
  readonly namespaces?: readonly string[];
  /** Namespaces, by their labels; `{}` is every namespace. @default - not written */
  readonly namespaceSelector?: LabelSelector;
  /**
   * Keys of this pod's labels whose values are added to `labelSelector` as `In` requirements
   * (Kubernetes 1.29+, beta from 1.31). @default - not written
   */
  readonly matchLabelKeys?: readonly string[];
  /** Like `matchLabelKeys`, added as `NotIn` requirements (Kubernetes 1.29+). @default - not written */
  readonly mismatchLabelKeys?: readonly string[];
}

/** A "try to satisfy" term: nodes in a matching domain score `weight` (1–100) higher. */
export interface WeightedPodAffinityTerm {
  /** Score added, 1–100. */
  readonly weight: number;
  /** The term. */
  readonly podAffinityTerm: PodAffinityTerm;
}

/**
 * Pod affinity or anti-affinity (`affinity.podAffinity` / `affinity.podAntiAffinity`), written as
 * given. It composes with `scheduling` (node affinity): setting both writes both.
 */
export interface PodAffinity {
  /** Terms that must all hold for the pod to be placed on a node. @default - not written */
  readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[];
  /** Terms that add their weight to the nodes where they hold. @default - not written */
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedPodAffinityTerm[];
}

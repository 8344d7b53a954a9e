import type { LabelSelector } from './label-selector';

/**
 * How matching pods spread across topology domains (`topologySpreadConstraints[]`), written as
 * given. A DaemonSet places one pod per eligible node regardless, so these mostly matter to
 * other workloads' scheduling; they are accepted here because vendor manifests carry them.
 */
export interface TopologySpreadConstraint {
  /** Largest allowed difference in matching pods between two domains, ≥ 1. */
  readonly maxSkew: number;
  /** Node label whose value is the domain, e.g. `topology.kubernetes.io/zone`. */
  readonly topologyKey: string;
  /** `DoNotSchedule` (a hard rule) or `ScheduleAnyway` (a preference). */
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /** The pods counted. @default - not written: none */
  readonly labelSelector?: LabelSelector;
  /** Fewest domains to assume, with `DoNotSchedule`. @default - not written (1) */
  readonly minDomains?: number;
  /** Whether node affinity and selectors limit the domains counted. @default - not written (Honor) */
  readonly nodeAffinityPolicy?: 'Honor' | 'Ignore';
  /** Whether taints limit the domains counted. @default - not written (Ignore) */
  readonly nodeTaintsPolicy?: 'Honor' | 'Ignore';
  /** Keys of this pod's labels added to `labelSelector`. @default - not written */
  readonly matchLabelKeys?: readonly string[];
}

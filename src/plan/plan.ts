/** The plan of two sides: every DaemonSet matched and classified, other kinds counted. */
import type { Issue } from '../validate/issue';
import { type DaemonSetPlan, type PlanOptions, planDaemonSet } from './classify';
import { countOtherKinds, identityOf, indexDaemonSets, matchDaemonSets } from './identity';
import type { Side } from './sides';

/** Totals over the plan. */
export interface PlanSummary {
  readonly daemonSets: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  /** DaemonSets whose pods all restart (RollingUpdate) or would on deletion (OnDelete). */
  readonly restartAllNodes: number;
  readonly restartOnDelete: number;
  /** DaemonSets with at least one rejected field. */
  readonly rejected: number;
  readonly warnings: number;
  /** Manifests of other kinds on each side, by `apiVersion kind`: counted, not planned. */
  readonly otherKinds: { readonly old: Record<string, number>; readonly new: Record<string, number> };
}

export interface Plan {
  readonly kubernetesVersion: string;
  readonly nodes: number | null;
  readonly daemonSets: readonly DaemonSetPlan[];
  readonly summary: PlanSummary;
}

/** Plans NEW against OLD. Throws nothing; a DaemonSet defined twice on a side is an error of the input. */
export function planSides(oldSide: Side, newSide: Side, options: PlanOptions): { plan: Plan; errors: string[] } {
  const oldIndex = indexDaemonSets(oldSide.manifests);
  const newIndex = indexDaemonSets(newSide.manifests);
  const errors = [...oldSide.errors, ...newSide.errors, ...oldIndex.duplicates, ...newIndex.duplicates];
  const daemonSets = matchDaemonSets(oldIndex.byId, newIndex.byId).map((pair) =>
    planDaemonSet(identityOf((pair.new ?? pair.old)?.manifest), pair.old?.manifest, pair.new?.manifest, options),
  );
  const count = (f: (p: DaemonSetPlan) => boolean) => daemonSets.filter(f).length;
  const summary: PlanSummary = {
    daemonSets: daemonSets.length,
    added: count((p) => p.change === 'added'),
    removed: count((p) => p.change === 'removed'),
    changed: count((p) => p.change === 'changed'),
    unchanged: count((p) => p.change === 'unchanged'),
    restartAllNodes: count((p) => p.restart === 'all-nodes'),
    restartOnDelete: count((p) => p.restart === 'on-delete'),
    rejected: count((p) => p.rejected.length > 0),
    warnings: daemonSets.reduce((n, p) => n + p.warnings.length, 0),
    otherKinds: { old: countOtherKinds(oldSide.manifests), new: countOtherKinds(newSide.manifests) },
  };
  return {
    plan: { kubernetesVersion: options.kubernetesVersion, nodes: options.nodes ?? null, daemonSets, summary },
    errors,
  };
}

export type { DaemonSetPlan, Issue, PlanOptions };

/** The plan of two sides: every DaemonSet matched and classified, other kinds counted. */
import type { Issue } from '../validate/issue';
import { profileOf } from '../validate/versions/profile';
import { type DaemonSetPlan, type PlanOptions, planOwned } from './classify';
import {
  identityOf,
  indexDaemonSets,
  isPlannedDaemonSet,
  kindOf,
  type SourcedManifest,
  sortedCounts,
} from './identity';
import { type SideText, sideDocuments } from './sides';
import { storedObject } from './update-path';

/** Adds one to `key`'s count. */
export function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

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

/**
 * Plans NEW against OLD. Throws nothing; a DaemonSet defined twice on a side is an error of the
 * input. OLD is read whole (it is the index NEW is matched against); NEW is planned document by
 * document as it is read, so each new manifest, and the old one it pairs with, is garbage once its
 * plan is made. Every manifest is defaulted in place: they are this function's own, read from the texts.
 */
export function planTexts(
  oldTexts: readonly SideText[],
  newTexts: readonly SideText[],
  options: PlanOptions,
): { plan: Plan; errors: string[] } {
  const context = { profile: profileOf(options.kubernetesVersion), nodes: options.nodes };
  // OLD is stored (defaulted, dropped) as each document is read, while its objects are young:
  // written later, an old manifest long promoted would keep every field written into it alive
  // through each young-generation collection, which made garbage collection a third of the time.
  const oldErrors: string[] = [];
  const oldManifests: SourcedManifest[] = [];
  const oldKinds = new Map<string, number>();
  for (const d of sideDocuments(oldTexts)) {
    if ('error' in d) oldErrors.push(d.error);
    else if (!isPlannedDaemonSet(d.manifest.manifest)) tally(oldKinds, kindOf(d.manifest.manifest));
    else {
      storedObject(d.manifest.manifest, context.profile);
      oldManifests.push(d.manifest);
    }
  }
  const oldIndex = indexDaemonSets(oldManifests);
  oldManifests.length = 0;

  const newErrors: string[] = [];
  const newDuplicates: string[] = [];
  const newKinds = new Map<string, number>();
  const newSources = new Map<string, string>();
  const planned: [string, DaemonSetPlan][] = [];
  for (const d of sideDocuments(newTexts)) {
    if ('error' in d) {
      newErrors.push(d.error);
      continue;
    }
    const { manifest, source } = d.manifest;
    if (!isPlannedDaemonSet(manifest)) {
      tally(newKinds, kindOf(manifest));
      continue;
    }
    const identity = identityOf(manifest);
    const id = `${identity.namespace}/${identity.name}`;
    const first = newSources.get(id);
    if (first !== undefined) {
      newDuplicates.push(`${source}: DaemonSet ${id} is also defined at ${first}`);
      continue;
    }
    newSources.set(id, source);
    const old = oldIndex.byId.get(id);
    oldIndex.byId.delete(id);
    planned.push([id, planOwned(identity, old?.manifest, manifest, context)]);
  }
  for (const [id, old] of oldIndex.byId)
    planned.push([id, planOwned(identityOf(old.manifest), old.manifest, undefined, context)]);
  return {
    plan: assemblePlan(planned, oldKinds, newKinds, options),
    errors: [...oldErrors, ...newErrors, ...oldIndex.duplicates, ...newDuplicates],
  };
}

/**
 * The plan of DaemonSets planned in any order (each `namespace/name` once), with the counts of
 * other kinds: sorted by `namespace/name`, totals made.
 */
export function assemblePlan(
  planned: [string, DaemonSetPlan][],
  oldKinds: ReadonlyMap<string, number>,
  newKinds: ReadonlyMap<string, number>,
  options: PlanOptions,
): Plan {
  const daemonSets = planned.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  // One pass over the plans for every total.
  const changes: Record<DaemonSetPlan['change'], number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  let restartAllNodes = 0;
  let restartOnDelete = 0;
  let rejected = 0;
  let warnings = 0;
  for (const p of daemonSets) {
    changes[p.change]++;
    if (p.restart === 'all-nodes') restartAllNodes++;
    else if (p.restart === 'on-delete') restartOnDelete++;
    if (p.rejected.length > 0) rejected++;
    warnings += p.warnings.length;
  }
  const summary: PlanSummary = {
    daemonSets: daemonSets.length,
    ...changes,
    restartAllNodes,
    restartOnDelete,
    rejected,
    warnings,
    otherKinds: { old: sortedCounts(oldKinds), new: sortedCounts(newKinds) },
  };
  return { kubernetesVersion: options.kubernetesVersion, nodes: options.nodes ?? null, daemonSets, summary };
}

export type { DaemonSetPlan, Issue, PlanOptions };

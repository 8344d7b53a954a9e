/**
 * Planning file pair by file pair: the files of the two sides with the same key (`dist/a.yaml` and
 * a fresh synth's `a.yaml`) are read together and their DaemonSets planned at once, so an old
 * manifest lives only while its pair is planned. planTexts (plan.ts) holds the whole of OLD
 * until NEW is read; its old manifests outlive several young-generation collections and each is
 * copied into the old generation, which is most of what its garbage collection costs.
 *
 * The result is planTexts' own, error for error and DaemonSet for DaemonSet: a DaemonSet no
 * DaemonSet of its pair matches (moved to another file, renamed file, changed namespace) waits
 * until every pair is read, and is then matched or planned as added or removed. Pairing only
 * differs from planTexts' when a DaemonSet is defined twice on a side (the first definition
 * counts there, and a pair does not know what came first): then, an error of the input anyway,
 * the plan is planTexts'.
 */
import { profileOf } from '../validate/versions/profile';
import { type DaemonSetPlan, type PlanContext, type PlanOptions, planOwned } from './classify';
import { identityOf, isPlannedDaemonSet, kindOf } from './identity';
import { assemblePlan, type Plan, planTexts, tally } from './plan';
import { type SideSource, sideDocuments, sideText } from './sides';
import { storedObject } from './update-path';

/** A file of one side, with its place in that side's list (the order its errors are reported in). */
export interface IndexedSource {
  readonly index: number;
  readonly source: SideSource;
}

/** The files of the two sides with one key; either may be missing. */
export interface FilePair {
  readonly old?: IndexedSource;
  readonly new?: IndexedSource;
}

/** What planning some pairs found: plain data, so a worker thread can send it (threads.ts). */
export interface PairsOutcome {
  /** DaemonSets planned: matched within their pair. */
  readonly planned: [string, DaemonSetPlan][];
  /** Old DaemonSets none of their pair's matched, as stored: a new one of another pair may. */
  readonly oldLeft: [string, unknown][];
  /** New DaemonSets none of their pair's matched, untouched, with their identity. */
  readonly newLeft: [string, { namespace: string; name: string }, unknown][];
  /** Per file index: why documents could not be read. */
  readonly oldErrors: [number, string[]][];
  readonly newErrors: [number, string[]][];
  readonly oldKinds: [string, number][];
  readonly newKinds: [string, number][];
  /** Every DaemonSet's `namespace/name` on each side, to find one defined in two groups of pairs. */
  readonly oldIds: string[];
  readonly newIds: string[];
  /** A DaemonSet defined twice on a side: the outcome is partial, the plan is planTexts'. */
  readonly duplicate: boolean;
}

/** The files of OLD and NEW paired by key (SideText.key, else the name), in OLD's order, then NEW's files without a pair. */
export function pairFiles(oldSources: readonly SideSource[], newSources: readonly SideSource[]): FilePair[] {
  const pairs: { old?: IndexedSource; new?: IndexedSource }[] = [];
  const byKey = new Map<string, { old?: IndexedSource; new?: IndexedSource }>();
  oldSources.forEach((source, index) => {
    const pair = { old: { index, source } };
    const key = source.key ?? source.name;
    if (!byKey.has(key)) byKey.set(key, pair);
    pairs.push(pair);
  });
  newSources.forEach((source, index) => {
    const pair = byKey.get(source.key ?? source.name);
    if (pair && pair.new === undefined) pair.new = { index, source };
    else pairs.push({ new: { index, source } });
  });
  return pairs;
}

/** The context of a plan: the minor's profile, resolved once. */
export function contextOf(options: PlanOptions): PlanContext {
  return { profile: profileOf(options.kubernetesVersion), nodes: options.nodes };
}

/** Plans the DaemonSets matched within each pair; the others are left for finishPlan. */
export function planPairs(pairs: readonly FilePair[], context: PlanContext): PairsOutcome {
  const out = {
    planned: [] as [string, DaemonSetPlan][],
    oldLeft: [] as [string, unknown][],
    newLeft: [] as [string, { namespace: string; name: string }, unknown][],
    oldErrors: [] as [number, string[]][],
    newErrors: [] as [number, string[]][],
    oldIds: [] as string[],
    newIds: [] as string[],
  };
  const oldKinds = new Map<string, number>();
  const newKinds = new Map<string, number>();
  const outcome = (duplicate: boolean): PairsOutcome => ({
    ...out,
    oldKinds: [...oldKinds],
    newKinds: [...newKinds],
    duplicate,
  });
  const oldSeen = new Set<string>();
  const newSeen = new Set<string>();
  for (const pair of pairs) {
    // The pair's old DaemonSets read so far and not yet matched. OLD is read only as far as the
    // next new DaemonSet needs: when both files list their DaemonSets in the same order (a fresh
    // synth against its committed output), each old manifest is planned as soon as it is read and
    // dies young, rather than living through the collections of its whole file's planning.
    const local = new Map<string, unknown>();
    const oldDocs = pair.old ? sideDocuments([sideText(pair.old.source)]) : undefined;
    const oldErrors: string[] = [];
    let duplicate = false;
    /** Reads OLD's next document; false when there is none left (or a duplicate ends the pair). */
    const readOld = (): boolean => {
      const next = oldDocs?.next();
      if (next === undefined || next.done || duplicate) return false;
      const d = next.value;
      if ('error' in d) oldErrors.push(d.error);
      else if (!isPlannedDaemonSet(d.manifest.manifest)) tally(oldKinds, kindOf(d.manifest.manifest));
      else {
        // Stored in place, and identified once stored, as planTexts does.
        const stored = d.manifest.manifest;
        storedObject(stored, context.profile);
        const { namespace, name } = identityOf(stored);
        const id = `${namespace}/${name}`;
        if (oldSeen.has(id)) duplicate = true;
        oldSeen.add(id);
        out.oldIds.push(id);
        local.set(id, stored);
      }
      return !duplicate;
    };
    if (pair.new) {
      const errors: string[] = [];
      for (const d of sideDocuments([sideText(pair.new.source)])) {
        if ('error' in d) errors.push(d.error);
        else if (!isPlannedDaemonSet(d.manifest.manifest)) tally(newKinds, kindOf(d.manifest.manifest));
        else {
          const { manifest } = d.manifest;
          const identity = identityOf(manifest);
          const id = `${identity.namespace}/${identity.name}`;
          if (newSeen.has(id)) return outcome(true);
          newSeen.add(id);
          out.newIds.push(id);
          while (!local.has(id) && readOld()) {}
          if (duplicate) return outcome(true);
          if (local.has(id)) {
            out.planned.push([id, planOwned(identity, local.get(id), manifest, context)]);
            local.delete(id);
          } else out.newLeft.push([id, identity, manifest]);
        }
      }
      if (errors.length > 0) out.newErrors.push([pair.new.index, errors]);
    }
    while (readOld()) {}
    if (duplicate) return outcome(true);
    if (pair.old && oldErrors.length > 0) out.oldErrors.push([pair.old.index, oldErrors]);
    for (const entry of local) out.oldLeft.push(entry);
  }
  return outcome(false);
}

/** True when some id is in two of the lists. */
function sharedId(lists: readonly (readonly string[])[]): boolean {
  const seen = new Set<string>();
  for (const ids of lists) {
    for (const id of ids) {
      if (seen.has(id)) return true;
      seen.add(id);
    }
  }
  return false;
}

/** The errors of files in the order of their side's list. */
function inFileOrder(perFile: readonly [number, string[]][]): string[] {
  return [...perFile].sort(([a], [b]) => a - b).flatMap(([, errors]) => errors);
}

/**
 * The plan of the outcomes of disjoint groups of pairs (one, or one per thread): the DaemonSets
 * left by their pairs matched across all groups and planned here. Undefined when a DaemonSet is
 * defined twice on a side, in one group or two: the caller then plans with planTexts.
 */
export function finishPlan(
  outcomes: readonly PairsOutcome[],
  options: PlanOptions,
  context: PlanContext,
): { plan: Plan; errors: string[] } | undefined {
  if (outcomes.some((o) => o.duplicate)) return undefined;
  if (sharedId(outcomes.map((o) => o.oldIds)) || sharedId(outcomes.map((o) => o.newIds))) return undefined;
  const planned = outcomes.flatMap((o) => o.planned);
  const oldLeft = new Map(outcomes.flatMap((o) => o.oldLeft));
  for (const o of outcomes) {
    for (const [id, identity, manifest] of o.newLeft) {
      const stored = oldLeft.get(id);
      oldLeft.delete(id);
      planned.push([id, planOwned(identity, stored, manifest, context)]);
    }
  }
  for (const [id, stored] of oldLeft) planned.push([id, planOwned(identityOf(stored), stored, undefined, context)]);
  const kinds = (side: 'oldKinds' | 'newKinds') => {
    const counts = new Map<string, number>();
    for (const o of outcomes) for (const [k, n] of o[side]) counts.set(k, (counts.get(k) ?? 0) + n);
    return counts;
  };
  return {
    plan: assemblePlan(planned, kinds('oldKinds'), kinds('newKinds'), options),
    errors: [
      ...inFileOrder(outcomes.flatMap((o) => o.oldErrors)),
      ...inFileOrder(outcomes.flatMap((o) => o.newErrors)),
    ],
  };
}

/**
 * Plans NEW against OLD pair by pair, on this thread: planTexts' result (its errors included),
 * with files read as their pair's turn comes.
 */
export function planSides(
  oldSources: readonly SideSource[],
  newSources: readonly SideSource[],
  options: PlanOptions,
): { plan: Plan; errors: string[] } {
  const context = contextOf(options);
  return (
    finishPlan([planPairs(pairFiles(oldSources, newSources), context)], options, context) ??
    planTexts(oldSources.map(sideText), newSources.map(sideText), options)
  );
}

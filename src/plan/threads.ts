/**
 * Planning on several threads: the file pairs (by-file.ts) split into groups of about equal size,
 * one planned here and each other in a worker thread; the DaemonSets their pairs left are matched
 * and planned here, so the plan is the one-thread plan (planSides), which is planTexts'.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { contextOf, type FilePair, finishPlan, type PairsOutcome, pairFiles, planPairs } from './by-file';
import type { PlanOptions } from './classify';
import { type Plan, planTexts } from './plan';
import { type SideSource, sideText } from './sides';

/** The compiled worker script; absent when running from the TypeScript sources. */
export const PLAN_WORKER_SCRIPT = path.join(__dirname, 'pairs-worker.js');

/** The size of a text (read, in pieces or to be read), to balance the groups. */
function sizeOf(s: SideSource | undefined): number {
  if (s === undefined) return 0;
  if ('file' in s) return fs.statSync(s.file, { throwIfNoEntry: false })?.size ?? 0;
  return s.text?.length ?? s.pieces?.reduce((n, p) => n + p.text.length, 0) ?? 0;
}

/** `pairs` in `count` groups of about equal bytes (largest first, each to the lightest group), each in pair order. */
export function groupPairs(pairs: readonly FilePair[], count: number): FilePair[][] {
  const sized = pairs.map((pair, order) => ({
    pair,
    order,
    bytes: sizeOf(pair.old?.source) + sizeOf(pair.new?.source),
  }));
  const groups = Array.from({ length: Math.max(1, count) }, () => ({ bytes: 0, members: [] as typeof sized }));
  for (const s of [...sized].sort((a, b) => b.bytes - a.bytes || a.order - b.order)) {
    const lightest = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.bytes += s.bytes;
    lightest.members.push(s);
  }
  return groups.map((g) => g.members.sort((a, b) => a.order - b.order).map((s) => s.pair));
}

/**
 * The outcomes of groups of pairs, each planned by a worker thread running `script`; undefined
 * for a group whose worker could not start or died before it answered.
 */
export function outcomesInWorkers(
  groups: readonly (readonly FilePair[])[],
  options: PlanOptions,
  script: string = PLAN_WORKER_SCRIPT,
): Promise<(PairsOutcome | undefined)[]> {
  return Promise.all(
    groups.map(
      (pairs) =>
        new Promise<PairsOutcome | undefined>((resolve) => {
          try {
            const worker = new Worker(script, { workerData: { pairs, options } });
            // The first event settles it: a message, or an error or exit before any.
            worker.once('message', (m: PairsOutcome) => resolve(m));
            worker.once('error', () => resolve(undefined));
            worker.once('exit', () => resolve(undefined));
          } catch {
            resolve(undefined);
          }
        }),
    ),
  );
}

/**
 * Plans NEW against OLD on `threads` threads: this one and `threads - 1` workers running
 * `script`, started before this thread plans its own group. A worker that cannot start or dies
 * has its group planned here, so an error surfaces as in a one-thread run.
 */
export async function planInThreads(
  oldSources: readonly SideSource[],
  newSources: readonly SideSource[],
  options: PlanOptions,
  threads: number,
  script: string = PLAN_WORKER_SCRIPT,
): Promise<{ plan: Plan; errors: string[] }> {
  const context = contextOf(options);
  const pairs = pairFiles(oldSources, newSources);
  // No more threads than pairs: a worker with nothing to plan only costs its start.
  const [own, ...others] = groupPairs(pairs, Math.min(threads, pairs.length));
  const elsewhere = outcomesInWorkers(others, options, script);
  const mine = planPairs(own, context);
  const outcomes = [mine, ...(await elsewhere).map((o, i) => o ?? planPairs(others[i], context))];
  return (
    finishPlan(outcomes, options, context) ?? planTexts(oldSources.map(sideText), newSources.map(sideText), options)
  );
}

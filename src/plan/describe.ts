/** Words shared by the text and markdown reports. */
import type { DaemonSetPlan } from './classify';
import type { PlanSummary } from './plan';
import type { Waves } from './waves';

/** `90s`, `12m30s`, `2h5m`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h${m > 0 ? `${m}m` : ''}` : `${m}m${s > 0 ? `${s}s` : ''}`;
}

/** `34 waves of 3 nodes (maxUnavailable), each at least 30s (17m total)`. */
export function describeWaves(w: Waves): string {
  const wait =
    w.leastSecondsPerWave > 0
      ? `, each at least ${duration(w.leastSecondsPerWave)} (${duration(w.leastSecondsTotal)} total)`
      : '';
  return `${w.count} wave${w.count === 1 ? '' : 's'} of ${w.batch} node${w.batch === 1 ? '' : 's'} (${w.by})${wait}`;
}

/** What happens to the pods. */
export function describeRestart(p: DaemonSetPlan): string {
  switch (p.restart) {
    case 'all-nodes':
      return p.waves ? `restarts on all nodes: ${describeWaves(p.waves)}` : 'restarts on all nodes';
    case 'on-delete':
      return 'template changes under OnDelete: nothing restarts until pods are deleted by hand';
    case 'none':
      return 'no restart';
    default:
      return p.change === 'added' ? 'pods start on every node' : 'pods are deleted from every node';
  }
}

/** One line of totals. */
export function describeSummary(s: PlanSummary): string {
  const other = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    `${s.daemonSets} DaemonSet${s.daemonSets === 1 ? '' : 's'}: ${s.added} added, ${s.removed} removed, ` +
    `${s.changed} changed, ${s.unchanged} unchanged; ${s.restartAllNodes} restart on all nodes, ` +
    `${s.restartOnDelete} wait for OnDelete; ${s.rejected} rejected, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}; ` +
    `other objects: ${other(s.otherKinds.old)} old, ${other(s.otherKinds.new)} new (not planned)`
  );
}

// A mutant that timed out counts as detected, but a timeout measured while the machine was busy
// may be a survivor that only ran slowly. Stryker's incremental mode keeps every earlier result
// whose code and tests did not change, timeouts included; a mutant missing from the incremental
// report is tested again (IncrementalDiffer reuses only results it finds), so dropping the
// timeouts from it makes the next run judge them afresh.
import type { MutationReport } from './merge-reports';

/** `report` without its timed-out mutants, and how many were dropped. */
export function withoutTimeouts(report: MutationReport): { report: MutationReport; dropped: number } {
  let dropped = 0;
  const files: MutationReport['files'] = {};
  for (const [file, result] of Object.entries(report.files)) {
    const mutants = result.mutants.filter((m) => m.status !== 'Timeout');
    dropped += result.mutants.length - mutants.length;
    files[file] = { ...result, mutants };
  }
  return { report: { ...report, files }, dropped };
}

// Mutants whose earlier result a later incremental run should not trust, dropped from a part's
// incremental file: a mutant missing from it is tested again (IncrementalDiffer reuses only results
// it finds), so dropping a result makes the next run judge that mutant afresh.
import type { MutantResult, MutationReport } from './merge-reports';

/** `report` without the mutants `drop` picks, and how many were dropped. */
function without(
  report: MutationReport,
  drop: (m: MutantResult) => boolean,
): { report: MutationReport; dropped: number } {
  let dropped = 0;
  const files: MutationReport['files'] = {};
  for (const [file, result] of Object.entries(report.files)) {
    const mutants = result.mutants.filter((m) => !drop(m));
    dropped += result.mutants.length - mutants.length;
    files[file] = { ...result, mutants };
  }
  return { report: { ...report, files }, dropped };
}

/**
 * `report` without its timed-out mutants. A timeout counts as detected, but one measured while the
 * machine was busy may be a survivor that only ran slowly; incremental mode keeps it otherwise.
 */
export function withoutTimeouts(report: MutationReport): { report: MutationReport; dropped: number } {
  return without(report, (m) => m.status === 'Timeout');
}

/**
 * `report` without its static mutants that were not detected. A static mutant (module-level code,
 * such as a constant table) runs every test, so Stryker records no covering test for it; its
 * IncrementalDiffer (mutantCanBeReused) reruns a surviving mutant only when a covering test was
 * added, so a static survivor is reused forever, even after a new test kills it.
 */
export function withoutStaticSurvivors(report: MutationReport): { report: MutationReport; dropped: number } {
  return without(report, (m) => m.static === true && (m.status === 'Survived' || m.status === 'NoCoverage'));
}

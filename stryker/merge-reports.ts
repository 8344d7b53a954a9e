// Merging the mutation-testing reports of the parts of one run (run-parts.mjs) into one report,
// and the score the issue defines: killed and timed-out mutants over every mutant that ran or had
// no coverage (ignored mutants and compile or runtime errors are left out, as in Stryker's own score).

/** The parts of a mutation-testing-report-schema report this code reads and writes. */
export interface MutantResult {
  readonly id: string;
  readonly status: string;
  readonly coveredBy?: readonly string[];
  readonly killedBy?: readonly string[];
  readonly mutatorName?: string;
  readonly replacement?: string;
  readonly location?: { readonly start: { readonly line: number; readonly column: number } };
  readonly [key: string]: unknown;
}
export interface MutationReport {
  readonly files: Record<string, { readonly mutants: readonly MutantResult[]; readonly [key: string]: unknown }>;
  readonly testFiles?: Record<
    string,
    {
      readonly tests: readonly { readonly id: string; readonly [key: string]: unknown }[];
      readonly [key: string]: unknown;
    }
  >;
  readonly [key: string]: unknown;
}

export interface Score {
  readonly total: number;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly ignored: number;
  /** Compile and runtime errors. */
  readonly errors: number;
  readonly score: number;
}

/** Counts of a report's mutants by status, and its score (NaN when no mutant counts). */
export function scoreOf(report: MutationReport): Score {
  const c = { total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const file of Object.values(report.files))
    for (const m of file.mutants) {
      c.total++;
      if (m.status === 'Killed') c.killed++;
      else if (m.status === 'Timeout') c.timeout++;
      else if (m.status === 'Survived') c.survived++;
      else if (m.status === 'NoCoverage') c.noCoverage++;
      else if (m.status === 'Ignored') c.ignored++;
      else c.errors++;
    }
  const counted = c.killed + c.timeout + c.survived + c.noCoverage;
  return { ...c, score: (c.killed + c.timeout) / counted };
}

/**
 * One report of several. Mutant and test ids are numbers local to each run, so each part's ids
 * get its index as a prefix (`2:17`); a test file run by several parts appears once per part's tests.
 */
export function mergeReports(reports: readonly MutationReport[]): MutationReport {
  if (reports.length === 0) throw new Error('no mutation report to merge');
  const files: Record<string, MutationReport['files'][string]> = {};
  const testFiles: NonNullable<MutationReport['testFiles']> = {};
  reports.forEach((report, i) => {
    const id = (x: string) => `${i}:${x}`;
    for (const [name, file] of Object.entries(report.files)) {
      if (files[name]) throw new Error(`${name} is in two mutation reports`);
      files[name] = {
        ...file,
        mutants: file.mutants.map((m) => ({
          ...m,
          id: id(m.id),
          ...(m.coveredBy ? { coveredBy: m.coveredBy.map(id) } : {}),
          ...(m.killedBy ? { killedBy: m.killedBy.map(id) } : {}),
        })),
      };
    }
    for (const [name, file] of Object.entries(report.testFiles ?? {})) {
      const tests = file.tests.map((t) => ({ ...t, id: id(t.id) }));
      const into = testFiles[name];
      testFiles[name] = into ? { ...into, tests: [...into.tests, ...tests] } : { ...file, tests };
    }
  });
  return { ...reports[0], files, testFiles };
}

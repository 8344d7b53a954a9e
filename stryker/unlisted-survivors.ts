// The rule for surviving mutants: each is killed by a test or listed in
// stryker-equivalent.md with a reason. This finds the survivors (and mutants without coverage) of
// a report that no entry of that file names, so a run says at once what is left to judge.
import type { MutationReport } from './merge-reports';

/** What an entry names: `file line:column Mutator (replacement)`. */
const ENTRY = /^- `(\S+) (\d+):(\d+) (\w+) \((.*?)\)`:\s*\S/;

/** The mutants stryker-equivalent.md lists, each as `file line:column Mutator (replacement)`. */
export function listedMutants(markdown: string): Set<string> {
  const listed = new Set<string>();
  for (const line of markdown.split('\n')) {
    const m = ENTRY.exec(line);
    if (m) listed.add(`${m[1]} ${m[2]}:${m[3]} ${m[4]} (${m[5]})`);
  }
  return listed;
}

/** A mutant as an entry names it; a replacement over several lines (a block, a multi-line literal) is named on one. */
export function nameOf(file: string, m: MutationReport['files'][string]['mutants'][number]): string {
  const replacement = m.replacement?.replace(/\s+/g, ' ');
  return `${file} ${m.location?.start.line}:${m.location?.start.column} ${m.mutatorName} (${replacement})`;
}

/** Survived and uncovered mutants of `report` that `listed` does not name, as entries would name them. */
export function unlistedSurvivors(report: MutationReport, listed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const name = nameOf(file, m);
      if (!listed.has(name)) out.push(name);
    }
  }
  return out.sort();
}

/**
 * Entries that name no surviving mutant of a file the report covers: the line moved when the file
 * was edited, the code went, or a test now kills it. Such an entry excuses nothing (its survivor,
 * if any, shows as unlisted), and one left in place could come to name another mutant that moves
 * onto its line.
 */
export function staleEntries(report: MutationReport, listed: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const [file, { mutants }] of Object.entries(report.files))
    for (const m of mutants) if (m.status === 'Survived' || m.status === 'NoCoverage') names.add(nameOf(file, m));
  return [...listed].filter((e) => Object.hasOwn(report.files, e.split(' ')[0]) && !names.has(e)).sort();
}

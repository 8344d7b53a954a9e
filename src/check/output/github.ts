import { type CheckIssue, type CheckResult, summarize } from '../result';

/* Workflow commands as GitHub's toolkit writes them (actions/toolkit, packages/core/src/command.ts):
   data escapes %, CR and LF; property values also `:` and `,`, which separate properties. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(kind: 'error' | 'warning', file: string, issue: CheckIssue): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${issue.line}`,
    `col=${issue.column}`,
    `title=${escapeProperty(issue.code)}`,
  ].join(',');
  return `::${kind} ${properties}::${escapeData(`${issue.path || '(document)'}: ${issue.message}`)}`;
}

/**
 * The `--output github` report: an `::error` workflow command per error and a `::warning` per
 * warning, which GitHub Actions shows as annotations on the file and line, then the summary as
 * a plain log line.
 */
export function githubReport(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const e of r.errors) lines.push(command('error', r.file, e));
    for (const w of r.warnings) lines.push(command('warning', r.file, w));
  }
  const s = summarize(results);
  lines.push(`${s.documents} documents: ${s.valid} valid, ${s.invalid} invalid, ${s.skipped} skipped`);
  return `${lines.join('\n')}\n`;
}

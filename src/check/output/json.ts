import { type CheckIssue, type CheckResult, summarize } from '../result';

const issue = (i: CheckIssue) =>
  i.versions === undefined
    ? { path: i.path, code: i.code, message: i.message, line: i.line, column: i.column }
    : { path: i.path, code: i.code, message: i.message, line: i.line, column: i.column, versions: i.versions };

/**
 * The `--output json` report: `{"results":[{file, document, line, kind, name, status, errors,
 * warnings}], "summary":{documents, valid, invalid, skipped}}`, each issue `{path, code, message,
 * line, column}` (line: the result's document start; an issue's: its field's):
 * the fields of the text report, as data. In range mode (several minors) an issue that not every
 * minor has names its minors (`versions`), and `byVersion` holds each minor's verdict. Skipped documents (kinds the engine has no rules for)
 * are counted, not listed.
 */
export function jsonReport(results: readonly CheckResult[]): string {
  const listed = results
    .filter((r) => r.status !== 'skipped')
    .map((r) => ({
      file: r.file,
      document: r.document,
      line: r.line,
      kind: r.kind ?? null,
      name: r.name ?? null,
      status: r.status,
      kubernetesVersion: r.kubernetesVersion,
      errors: r.errors.map(issue),
      warnings: r.warnings.map(issue),
      ...(r.byVersion ? { byVersion: r.byVersion } : {}),
    }));
  return `${JSON.stringify({ results: listed, summary: summarize(results) })}\n`;
}

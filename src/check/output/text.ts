import { versionRanges } from '../../validate/versions/ranges';
import { type CheckIssue, type CheckResult, summarize } from '../result';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * One issue as compilers print one, so editors and CI problem matchers jump to it:
 * `FILE:LINE:COL: PATH: MESSAGE [CODE]`; a warning says so first, as compilers do.
 */
export function issueLine(
  file: string,
  issue: CheckIssue,
  warning = false,
  paint: (colour: string, s: string) => string = (_c, s) => s,
): string {
  const path = paint(warning ? YELLOW : RED, issue.path || '(document)');
  const only = issue.versions === undefined ? '' : ` (in ${issue.versions})`;
  return `${file}:${issue.line}:${issue.column}: ${warning ? 'warning: ' : ''}${path}: ${issue.message} [${issue.code}]${only}`;
}

/** Range mode: which minors accept the document and which reject it. */
function acceptedIn(r: CheckResult): string {
  if (!r.byVersion) return '';
  const minors = Object.keys(r.byVersion);
  const accepted = minors.filter((v) => r.byVersion![v].valid);
  const rejected = minors.filter((v) => !r.byVersion![v].valid);
  if (rejected.length === 0) return '';
  return ` (accepted by ${accepted.length > 0 ? versionRanges(accepted) : 'none'}; rejected by ${versionRanges(rejected)})`;
}

/**
 * The `--output text` report: for each document with issues a `FILE:LINE: Kind name (document N):
 * counts` line at the document's start, then an issueLine per error and per warning; then a
 * summary. Colour only when asked (a TTY without NO_COLOR).
 */
export function textReport(results: readonly CheckResult[], colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const r of results) {
    if (r.errors.length === 0 && r.warnings.length === 0) continue;
    const what = r.kind ? `${r.kind} ${r.name ?? '(unnamed)'}` : 'document';
    const counts = [plural(r.errors.length, 'error')];
    if (r.warnings.length > 0) counts.push(plural(r.warnings.length, 'warning'));
    lines.push(
      paint(DIM, `${r.file}:${r.line}: ${what} (document ${r.document}): ${counts.join(', ')}${acceptedIn(r)}`),
    );
    for (const e of r.errors) lines.push(issueLine(r.file, e, false, paint));
    for (const w of r.warnings) lines.push(issueLine(r.file, w, true, paint));
  }
  const s = summarize(results);
  const version = results.find((r) => r.kubernetesVersion)?.kubernetesVersion;
  const summary = `${plural(s.documents, 'document')}: ${s.valid} valid, ${s.invalid} invalid, ${s.skipped} skipped${version ? ` (Kubernetes ${version})` : ''}`;
  lines.push(paint(s.invalid > 0 ? RED : GREEN, summary));
  return `${lines.join('\n')}\n`;
}

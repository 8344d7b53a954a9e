import { type CheckResult, summarize } from '../result';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * The `--output text` report: for each document with issues a `file:doc  Kind name at line N`
 * line, then a `file:doc  path: message [code]` line per error and per warning, then a summary.
 * Colour only when asked (a TTY without NO_COLOR).
 */
export function textReport(results: readonly CheckResult[], colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const r of results) {
    if (r.errors.length === 0 && r.warnings.length === 0) continue;
    const what = r.kind ? `${r.kind} ${r.name ?? '(unnamed)'}` : 'document';
    const counts = [plural(r.errors.length, 'error')];
    if (r.warnings.length > 0) counts.push(plural(r.warnings.length, 'warning'));
    lines.push(paint(DIM, `${r.file}:${r.document}  ${what} at line ${r.line}: ${counts.join(', ')}`));
    for (const e of r.errors) {
      lines.push(`${r.file}:${r.document}  ${paint(RED, e.path || '(document)')}: ${e.message} [${e.code}]`);
    }
    for (const w of r.warnings) {
      lines.push(
        `${r.file}:${r.document}  ${paint(YELLOW, w.path || '(document)')}: warning: ${w.message} [${w.code}]`,
      );
    }
  }
  const s = summarize(results);
  const summary = `${plural(s.documents, 'document')}: ${s.valid} valid, ${s.invalid} invalid, ${s.skipped} skipped`;
  lines.push(paint(s.invalid > 0 ? RED : GREEN, summary));
  return `${lines.join('\n')}\n`;
}

import type { DocumentResult } from './check-documents';

/** Counts over every document read, skipped ones included. */
export interface Summary {
  readonly documents: number;
  readonly valid: number;
  readonly invalid: number;
  readonly skipped: number;
}

export function summarize(results: readonly DocumentResult[]): Summary {
  const skipped = results.filter((r) => r.skipped).length;
  const invalid = results.filter((r) => !r.valid).length;
  return { documents: results.length, valid: results.length - skipped - invalid, invalid, skipped };
}

/**
 * The `--output json` report. Its shape is a contract other tools rely on:
 * `{"results":[{file, document, kind, name, valid, errors:[{path, message}]}], "summary":{documents, valid, invalid, skipped}}`;
 * skipped (non-DaemonSet) documents are counted, not listed.
 */
export function jsonReport(results: readonly DocumentResult[]): string {
  const listed = results
    .filter((r) => !r.skipped)
    .map((r) => ({
      file: r.file,
      document: r.document,
      kind: r.kind ?? null,
      name: r.name ?? null,
      valid: r.valid,
      errors: r.errors.map((e) => ({ path: e.path, message: e.message })),
    }));
  return `${JSON.stringify({ results: listed, summary: summarize(results) })}\n`;
}

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/**
 * The `--output text` report: a `file:doc  path: message [code]` line per error, then a summary.
 * Colour only when asked (a TTY without NO_COLOR).
 */
export function textReport(results: readonly DocumentResult[], colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const r of results) {
    if (r.valid) continue;
    const what = r.kind ? `${r.kind} ${r.name ?? '(unnamed)'}` : 'document';
    lines.push(
      paint(
        DIM,
        `${r.file}:${r.document}  ${what} at line ${r.line}: ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}`,
      ),
    );
    for (const e of r.errors) {
      lines.push(`${r.file}:${r.document}  ${paint(RED, e.path || '(document)')}: ${e.message} [${e.code}]`);
    }
  }
  const s = summarize(results);
  const summary = `${s.documents} document${s.documents === 1 ? '' : 's'}: ${s.valid} valid, ${s.invalid} invalid, ${s.skipped} skipped`;
  lines.push(paint(s.invalid > 0 ? RED : GREEN, summary));
  return `${lines.join('\n')}\n`;
}

import { versionRanges } from '../validate/versions/ranges';
import type { DocumentError, DocumentResult } from './check-documents';

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

function jsonError(e: DocumentError) {
  return e.versions === undefined
    ? { path: e.path, message: e.message }
    : { path: e.path, message: e.message, versions: e.versions };
}

function jsonWarning(e: DocumentError) {
  return e.versions === undefined
    ? { path: e.path, code: e.code, message: e.message }
    : { path: e.path, code: e.code, message: e.message, versions: e.versions };
}

/**
 * The `--output json` report. Its shape is a contract other tools rely on:
 * `{"results":[{file, document, kind, name, valid, kubernetesVersion, errors:[{path, message}],
 * warnings:[{path, code, message}], byVersion?}], "summary":{documents, valid, invalid, skipped}}`;
 * skipped (non-DaemonSet) documents are counted, not listed. In range mode an error or warning that
 * not every minor has names its minors (`versions`), and `byVersion` holds each minor's verdict.
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
      kubernetesVersion: r.kubernetesVersion,
      errors: r.errors.map(jsonError),
      warnings: r.warnings.map(jsonWarning),
      ...(r.byVersion ? { byVersion: r.byVersion } : {}),
    }));
  return `${JSON.stringify({ results: listed, summary: summarize(results) })}\n`;
}

/** Range mode: which minors accept the document and which reject it. */
function acceptedIn(r: DocumentResult): string {
  if (!r.byVersion) return '';
  const minors = Object.keys(r.byVersion);
  const accepted = minors.filter((v) => r.byVersion![v].valid);
  const rejected = minors.filter((v) => !r.byVersion![v].valid);
  return ` (accepted by ${accepted.length > 0 ? versionRanges(accepted) : 'none'}; rejected by ${versionRanges(rejected)})`;
}

/** Range mode: the minors an issue is limited to. */
function only(e: DocumentError): string {
  return e.versions === undefined ? '' : ` (in ${e.versions})`;
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
        `${r.file}:${r.document}  ${what} at line ${r.line}: ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}${acceptedIn(r)}`,
      ),
    );
    for (const e of r.errors) {
      lines.push(`${r.file}:${r.document}  ${paint(RED, e.path || '(document)')}: ${e.message} [${e.code}]${only(e)}`);
    }
  }
  for (const r of results) {
    for (const w of r.warnings) {
      lines.push(`${r.file}:${r.document}  warning: ${w.path || '(document)'}: ${w.message} [${w.code}]${only(w)}`);
    }
  }
  const s = summarize(results);
  const version = results.find((r) => r.kubernetesVersion)?.kubernetesVersion;
  const summary = `${s.documents} document${s.documents === 1 ? '' : 's'}: ${s.valid} valid, ${s.invalid} invalid, ${s.skipped} skipped${version ? ` (Kubernetes ${version})` : ''}`;
  lines.push(paint(s.invalid > 0 ? RED : GREEN, summary));
  return `${lines.join('\n')}\n`;
}

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The real kube-apiserver create path of one Kubernetes minor, run offline:
 * `shared/tools/k8s-oracle/run 1.XX FILE...` (see its README). It is the reference: where the
 * engine differs from it, the engine is wrong.
 */

/** One cause of an `INVALID` verdict: the server's field path and error type. */
export interface OracleCause {
  readonly path: string;
  readonly type: string;
  readonly message: string;
}

/** The oracle's answer for one file. */
export interface OracleVerdict {
  /** `VALID`, `INVALID`, `STRICT`, `DECODEERR`, `YAMLERR`, `NOTDS` or `ERROR`. */
  readonly verdict: string;
  /** Every cause of an `INVALID`, in the server's order. */
  readonly causes: readonly OracleCause[];
  /** The details column as printed (decoder messages for the other verdicts). */
  readonly details: string;
}

/** shared/tools/k8s-oracle/run, through K8S_SHARED (or K8S_CORPORA's parent), when it can run here. */
export function findOracle(): string | undefined {
  const shared =
    process.env.K8S_SHARED ?? (process.env.K8S_CORPORA ? path.dirname(process.env.K8S_CORPORA) : undefined);
  const run = shared ? path.join(shared, 'tools', 'k8s-oracle', 'run') : undefined;
  // The oracles are linux/amd64 binaries.
  if (!run || !fs.existsSync(run) || process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  return run;
}

// `path {FieldValueInvalid: message}`; the message may itself hold braces, so split at the first ' {'.
function parseCause(text: string): OracleCause {
  const at = text.indexOf(' {');
  if (at < 0) return { path: text.trim(), type: '', message: '' };
  const body = text.slice(at + 2, text.endsWith('}') ? -1 : undefined);
  const colon = body.indexOf(':');
  return {
    path: text.slice(0, at).trim(),
    type: colon < 0 ? body : body.slice(0, colon),
    message: colon < 0 ? '' : body.slice(colon + 1).trim(),
  };
}

/** Parses one output line of `run` (tab-separated: file, verdict, details, warnings). */
export function parseOracleLine(line: string): { file: string; verdict: OracleVerdict } {
  const [file, verdict, details = ''] = line.split('\t');
  const causes = verdict === 'INVALID' ? details.split(' ;; ').map(parseCause) : [];
  return { file, verdict: { verdict, causes, details } };
}

/**
 * Runs the oracle of `minor` on every file, in batches (one process per batch: the program
 * starts in about 50 ms and then takes well under a millisecond per file).
 */
export function runOracle(
  run: string,
  minor: string,
  files: readonly string[],
  batch = 400,
): Map<string, OracleVerdict> {
  const out = new Map<string, OracleVerdict>();
  for (let i = 0; i < files.length; i += batch) {
    const chunk = files.slice(i, i + batch);
    const text = execFileSync(run, [minor, ...chunk], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const { file, verdict } = parseOracleLine(line);
      out.set(file, verdict);
    }
  }
  return out;
}

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The k8s-oracle (shared/tools/k8s-oracle): the real kube-apiserver create path of each minor
 * 1.27 … 1.34, compiled from its vendored sources. Found through K8S_SHARED, else ../shared beside
 * the checkout (where CI has it). Tests that need it skip with a visible notice when it is absent.
 */
export function findOracle(): string | undefined {
  const shared = process.env.K8S_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');
  const run = path.join(shared, 'tools', 'k8s-oracle', 'run');
  return fs.existsSync(run) ? run : undefined;
}

/** The oracle's verdicts (its README, "Output"). */
export type OracleVerdict = 'VALID' | 'INVALID' | 'STRICT' | 'DECODEERR' | 'YAMLERR' | 'NOTDS' | 'ERROR';

/** One cause of an INVALID verdict: `path {FieldValueType: message}`. */
export interface OracleCause {
  readonly path: string;
  /** `FieldValueInvalid`, `FieldValueRequired`, … */
  readonly type: string;
  readonly message: string;
}

/** One line of the oracle's output. */
export interface OracleResult {
  readonly file: string;
  readonly verdict: OracleVerdict;
  /** The DETAILS column as printed. */
  readonly details: string;
  /** INVALID: each cause; STRICT: one per unknown field, with its path and type `FieldValueUnknown`. */
  readonly causes: readonly OracleCause[];
  /** VALID: the API warnings, in the server's order. */
  readonly warnings: readonly string[];
}

const CAUSE = /^(.*?) \{(FieldValue\w+): ([\s\S]*)\}$/;

function parseCauses(verdict: string, details: string): OracleCause[] {
  if (verdict === 'STRICT') {
    return [...details.matchAll(/unknown field "([^"]+)"/g)].map((m) => ({
      path: m[1],
      type: 'FieldValueUnknown',
      message: 'unknown field',
    }));
  }
  if (verdict !== 'INVALID') return [];
  return details.split(' ;; ').map((c) => {
    const m = CAUSE.exec(c);
    return m ? { path: m[1], type: m[2], message: m[3] } : { path: '', type: 'unparsed', message: c };
  });
}

/** Parses the oracle's tab-separated output, one result per line. */
export function parseOracleOutput(out: string): OracleResult[] {
  return out
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const [file, verdict, details = '', w = ''] = line.split('\t');
      return {
        file,
        verdict: verdict as OracleVerdict,
        details,
        causes: parseCauses(verdict, details),
        warnings: w.startsWith('W: ') ? w.slice(3).split(' ;; ') : [],
      };
    });
}

/** Runs one minor's oracle on many files (one process per ~500 files); results in the files' order. */
export function runOracle(oracle: string, version: string, files: readonly string[]): OracleResult[] {
  const out: OracleResult[] = [];
  for (let i = 0; i < files.length; i += 500) {
    const chunk = files.slice(i, i + 500);
    const text = execFileSync(oracle, [version, ...chunk], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const results = parseOracleOutput(text);
    if (results.length !== chunk.length)
      throw new Error(`oracle ${version}: ${results.length} lines for ${chunk.length} files`);
    out.push(...results);
  }
  return out;
}

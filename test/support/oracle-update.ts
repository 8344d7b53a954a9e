/**
 * The k8s-oracle's update mode (shared/tools/k8s-oracle: the real kube-apiserver PUT path of each
 * minor), for differential tests; `findOracle` (./oracle) finds it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
export { findOracle } from './oracle';

/** One line of update mode. */
export interface OracleUpdate {
  /** VALID, INVALID, OLDINVALID, ERROR, STRICT, … */
  readonly verdict: string;
  readonly details: string;
  /** The field paths of INVALID's causes, each once. */
  readonly paths: readonly string[];
  /** VALID: the API warnings (WarningsOnUpdate), in the server's order. */
  readonly warnings: readonly string[];
  /** Whether the defaulted pod template changed; undefined when validation did not run. */
  readonly template?: 'changed' | 'same';
}

/** Runs `run MINOR --update` on each [old, new] pair (plain data, written as JSON) and returns a line per pair. */
export function oracleUpdate(
  run: string,
  minor: string,
  pairs: readonly (readonly [unknown, unknown])[],
): OracleUpdate[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-update-'));
  try {
    const args: string[] = [minor, '--update'];
    pairs.forEach(([before, after], i) => {
      const o = path.join(dir, `old-${i}.yaml`);
      const n = path.join(dir, `new-${i}.yaml`);
      fs.writeFileSync(o, JSON.stringify(before));
      fs.writeFileSync(n, JSON.stringify(after));
      args.push(o, n);
    });
    const out = execFileSync(run, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const lines = out.split('\n').filter((l) => l !== '');
    if (lines.length !== pairs.length)
      throw new Error(`oracle printed ${lines.length} lines for ${pairs.length} pairs`);
    return lines.map((line) => {
      const cols = line.split('\t');
      const verdict = cols[1];
      const details = cols[2] ?? '';
      const t = cols.find((c) => c.startsWith('T: '));
      const w = cols.find((c) => c.startsWith('W: '));
      const paths =
        verdict === 'INVALID' ? [...new Set(details.split(' ;; ').map((c) => c.slice(0, c.indexOf(' {'))))].sort() : [];
      const warnings = w && w.length > 3 ? w.slice(3).split(' ;; ') : [];
      return { verdict, details, paths, warnings, template: t ? (t.slice(3) as 'changed' | 'same') : undefined };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

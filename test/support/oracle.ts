/**
 * The k8s-oracle's update mode (shared/tools/k8s-oracle: the real kube-apiserver PUT path of each
 * minor), for differential tests. Found through K8S_SHARED (or K8S_CORPORA's parent); tests skip
 * with a visible notice when it is absent or cannot run here.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function sharedDir(): string | undefined {
  return process.env.K8S_SHARED ?? (process.env.K8S_CORPORA ? path.dirname(process.env.K8S_CORPORA) : undefined);
}

let found: string | null | undefined;

/** The oracle's `run` script when it exists and runs on this machine (linux/amd64 with xz). */
export function findOracle(): string | undefined {
  if (found !== undefined) return found ?? undefined;
  const shared = sharedDir();
  const run = shared ? path.join(shared, 'tools', 'k8s-oracle', 'run') : undefined;
  found = null;
  if (run && fs.existsSync(run)) {
    try {
      if (execFileSync(run, ['--versions'], { encoding: 'utf8' }).includes('1.27')) found = run;
    } catch {
      found = null;
    }
  }
  return found ?? undefined;
}

/** One line of update mode. */
export interface OracleUpdate {
  /** VALID, INVALID, OLDINVALID, ERROR, STRICT, … */
  readonly verdict: string;
  readonly details: string;
  /** The field paths of INVALID's causes, each once. */
  readonly paths: readonly string[];
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
      const paths =
        verdict === 'INVALID' ? [...new Set(details.split(' ;; ').map((c) => c.slice(0, c.indexOf(' {'))))].sort() : [];
      return { verdict, details, paths, template: t ? (t.slice(3) as 'changed' | 'same') : undefined };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

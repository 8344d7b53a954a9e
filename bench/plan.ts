/**
 * `plan` at fleet scale: the CLI plans 10,000 changed DaemonSets (each image bumped) against the
 * 10,000 they replace, as a pull-request check would. Called by bench/run.ts with its fleet folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PlanBench {
  readonly ms: number;
  readonly daemonSetsPerSecond: number;
}

/** Writes a copy of `fleet` with every image tag bumped, so every DaemonSet's template changes. */
export function changedFleet(fleet: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-new-'));
  for (const name of fs.readdirSync(fleet)) {
    const text = fs.readFileSync(path.join(fleet, name), 'utf8');
    const bumped = text.replace(/^(\s*image: )(\S+)$/gm, '$1$2-next');
    if (bumped === text) throw new Error(`no image to bump in ${name}`);
    fs.writeFileSync(path.join(out, name), bumped);
  }
  return out;
}

/** Median wall time of `plan OLD NEW --output json --nodes 1000` over `runs` runs, as DaemonSets per second. */
export function benchPlan(
  fleet: string,
  docs: number,
  timeCommand: (cmd: string, args: string[], runs: number) => number,
  cli: string,
  runs = 3,
): PlanBench {
  const fresh = changedFleet(fleet);
  try {
    const ms = timeCommand(process.execPath, [cli, 'plan', '--output', 'json', '--nodes', '1000', fleet, fresh], runs);
    return { ms, daemonSetsPerSecond: Math.round(docs / (ms / 1000)) };
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}

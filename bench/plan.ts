/**
 * `plan` at fleet scale: the CLI plans 10,000 changed DaemonSets (each image bumped) against the
 * 10,000 they replace, as a pull-request check would. Called by bench/run.ts with its fleet folder;
 * also runnable alone, for the plan line on a busy machine:
 *   tsx bench/plan.ts FLEET [RUNS]   FLEET: a fleet folder kept from bench/scenario.ts `ours 10000 DIR`
 * which prints every run's wall and CPU time, as users run it (one thread) and on two (`--jobs 2`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface PlanBench {
  /** Median wall time of the CLI as users run it (one thread). */
  readonly ms: number;
  readonly daemonSetsPerSecond: number;
  /** The same with `--jobs 2`. */
  readonly twoThreadsMs: number;
  readonly twoThreadsDaemonSetsPerSecond: number;
  /** Every run of the two, in order (alternated): the noise behind the medians. */
  readonly runs: readonly number[];
  readonly twoThreadsRuns: readonly number[];
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

/** The plan command the benchmark times, with extra flags. */
export function planArgs(cli: string, fleet: string, fresh: string, extra: string[] = []): string[] {
  return [cli, 'plan', '--output', 'json', '--nodes', '1000', ...extra, fleet, fresh];
}

/**
 * Median wall time of `plan OLD NEW --output json --nodes 1000` over `runs` runs, as DaemonSets
 * per second, as users run it and with `--jobs 2`, alternated run by run so that a change in the
 * machine's load falls on both.
 */
export function benchPlan(
  fleet: string,
  docs: number,
  timeCommand: (cmd: string, args: string[], runs: number) => number,
  cli: string,
  runs = 5,
): PlanBench {
  const fresh = changedFleet(fleet);
  try {
    const asRun: number[] = [];
    const twoThreads: number[] = [];
    for (let i = 0; i < runs; i++) {
      asRun.push(timeCommand(process.execPath, planArgs(cli, fleet, fresh), 1));
      twoThreads.push(timeCommand(process.execPath, planArgs(cli, fleet, fresh, ['--jobs', '2']), 1));
    }
    const ms = median(asRun);
    const twoThreadsMs = median(twoThreads);
    return {
      ms,
      daemonSetsPerSecond: Math.round(docs / (ms / 1000)),
      twoThreadsMs,
      twoThreadsDaemonSetsPerSecond: Math.round(docs / (twoThreadsMs / 1000)),
      runs: asRun,
      twoThreadsRuns: twoThreads,
    };
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One run: wall ms, and the child's user and system CPU ms (from /usr/bin/time's figures). */
function timed(args: string[]): { wall: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`plan exited ${r.status}: ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000 };
}

function alone(fleet: string, runs: number): void {
  const cli = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
  if (!fs.existsSync(cli)) throw new Error('run `npm run build` first');
  const docs = fs
    .readdirSync(fleet)
    .reduce((n, f) => n + (fs.readFileSync(path.join(fleet, f), 'utf8').match(/^kind: DaemonSet$/gm)?.length ?? 0), 0);
  const fresh = changedFleet(fleet);
  try {
    const lines: Record<string, { wall: number; cpu: number }[]> = { 'as run': [], 'two threads': [] };
    for (let i = 0; i < runs; i++) {
      lines['as run'].push(timed(planArgs(cli, fleet, fresh)));
      lines['two threads'].push(timed(planArgs(cli, fleet, fresh, ['--jobs', '2'])));
    }
    for (const [name, xs] of Object.entries(lines)) {
      const wall = median(xs.map((x) => x.wall));
      process.stdout.write(
        `plan ${docs} DaemonSets, ${name}: wall ${xs.map((x) => Math.round(x.wall)).join(' ')} ms, CPU ${xs.map((x) => Math.round(x.cpu)).join(' ')} ms; median ${Math.round(docs / (wall / 1000))} DaemonSets/s\n`,
      );
    }
    process.stdout.write(
      `load average: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
    );
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [fleet, runs] = process.argv.slice(2);
  if (!fleet) throw new Error('usage: tsx bench/plan.ts FLEET [RUNS]');
  alone(fleet, Number(runs ?? 3) || 3);
}

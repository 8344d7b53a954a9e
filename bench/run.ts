/**
 * `npm run bench`: synthesis and validation at fleet scale, in one run on one machine, against
 * plain cdk8s + cdk8s-plus-27 and against `yaml.stringify` of the same objects (the floor).
 * Prints a table and writes bench/results.json. Each synthesis runs in its own child process, so
 * heaps and peak RSS don't mix.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchPlan } from './plan';

const ROOT = path.join(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');

interface OursResult {
  synthMs: number;
  validateMs: number;
  floorMs: number;
  issues: number;
  rssMiB: number;
}
interface PlainResult {
  synthMs: number;
  rssMiB: number;
}

function scenario<T>(...args: string[]): T {
  const out = execFileSync(process.execPath, [TSX, path.join(__dirname, 'scenario.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time of one run of a command, in ms. */
function timeOnce(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t0;
}

/** Median wall time of a command over `runs` runs, in ms. */
function timeCommand(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(cmd, args));
  return median(times);
}

/**
 * `validate` of the fleet for one minor and for 1.27-1.34, alternated run by run so that a change
 * in the machine's load falls on both (the ratio is what is compared); medians, and every run.
 */
function timeValidate(fleet: string, runs: number): { one: number; all: number; ones: number[]; alls: number[] } {
  const ones: number[] = [];
  const alls: number[] = [];
  for (let i = 0; i < runs; i++) {
    ones.push(timeOnce(process.execPath, [CLI, 'validate', '--output', 'json', fleet]));
    alls.push(
      timeOnce(process.execPath, [CLI, 'validate', '--output', 'json', '--kubernetes-version', '1.27-1.34', fleet]),
    );
  }
  return { one: median(ones), all: median(alls), ones, alls };
}

/** The fleet of 10,000 DaemonSets in 100 files, written by the `ours` scenario. */
function writeFleet(): string {
  const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  const r = scenario<OursResult>('ours', '10000', fleet);
  if (r.issues !== 0) throw new Error(`the workload should be valid, got ${r.issues} issues`);
  return fleet;
}

/**
 * `npm run bench -- --validate N [--fleet DIR]`: only the two validate lines (one minor, 1.27-1.34),
 * N runs each, alternated; prints every run and writes nothing. For checking a change to validation
 * on a busy machine, where one run of each says little. DIR: a fleet kept from an earlier run.
 */
function validateOnly(runs: number, given: string | undefined): void {
  if (!fs.existsSync(CLI)) throw new Error('run `npm run build` first (npm run bench does)');
  process.stderr.write(given ? `the fleet in ${given}\n` : 'writing the fleet...\n');
  const fleet = given ?? writeFleet();
  const t = timeValidate(fleet, runs);
  if (!given) fs.rmSync(fleet, { recursive: true, force: true });
  const ms = (xs: number[]) => xs.map((x) => Math.round(x)).join(' ');
  process.stdout.write(
    `validate, one minor (ms):   ${ms(t.ones)}\n` +
      `validate, 1.27-1.34 (ms):   ${ms(t.alls)}\n` +
      `one minor, median:         ${Math.round(10_000 / (t.one / 1000))} docs/s (target >= 7000)\n` +
      `1.27-1.34 / one, medians:  ${round(t.all / t.one)} (target <= 2); per pair: ${t.alls.map((a, i) => round(a / t.ones[i])).join(' ')}\n`,
  );
}

const round = (x: number, d = 2) => Number(x.toFixed(d));

function main(): void {
  if (!fs.existsSync(CLI)) throw new Error('run `npm run build` first (npm run bench does)');
  const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  const ours: Record<number, OursResult> = {};
  for (const n of [1000, 3000, 10000]) {
    process.stderr.write(`ours ${n}...\n`);
    ours[n] = scenario<OursResult>('ours', String(n), ...(n === 10000 ? [fleet] : []));
    if (ours[n].issues !== 0) throw new Error(`the workload should be valid, got ${ours[n].issues} issues`);
  }
  const plain: Record<number, PlainResult> = {};
  for (const n of [1000, 3000]) {
    process.stderr.write(`cdk8s ${n}...\n`);
    plain[n] = scenario<PlainResult>('cdk8s', String(n));
  }

  process.stderr.write('cli validate...\n');
  const docs = 10_000;
  // One minor, and the same fleet checked for every supported minor at once (range mode).
  const validateRuns = timeValidate(fleet, 5);
  const { one: validateMs, all: validateAllVersionsMs } = validateRuns;
  // The same documents as 10,000 files of one document each: what a repo of one manifest per file costs.
  const perFile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-files-'));
  for (const name of fs.readdirSync(fleet)) {
    fs.readFileSync(path.join(fleet, name), 'utf8')
      .split(/^---\n/m)
      .forEach((doc, i) => {
        fs.writeFileSync(path.join(perFile, `${name.replace(/\.yaml$/, '')}-${String(i).padStart(3, '0')}.yaml`), doc);
      });
  }
  if (fs.readdirSync(perFile).length !== docs) throw new Error(`expected ${docs} one-document files`);
  const validateFilesMs = timeCommand(process.execPath, [CLI, 'validate', '--output', 'json', perFile], 3);
  fs.rmSync(perFile, { recursive: true, force: true });
  // A 100-document file: validating it (a whole CLI process) against synthesizing it (a whole app process).
  const oneFile = path.join(fleet, fs.readdirSync(fleet)[0]);
  const validateFileMs = timeCommand(process.execPath, [CLI, 'validate', oneFile], 5);
  const synthFileMs = timeCommand(process.execPath, [TSX, path.join(__dirname, 'scenario.ts'), 'ours', '100'], 3);
  process.stderr.write('cli plan...\n');
  const plan = benchPlan(fleet, docs, timeCommand, CLI);
  const coldCli = timeCommand(process.execPath, [CLI, '--version'], 15);
  const coldNode = timeCommand(process.execPath, ['-e', '0'], 15);
  fs.rmSync(fleet, { recursive: true, force: true });

  const results = {
    ratios: {
      oursOverFloor10k: round(ours[10000].synthMs / ours[10000].floorMs),
      scaling1kTo10k: round(ours[10000].synthMs / ours[1000].synthMs),
      validateShareOfSynth: round(ours[10000].validateMs / ours[10000].synthMs, 3),
      oursOverCdk8s3k: round(ours[3000].synthMs / plain[3000].synthMs),
      cliColdStartOverNode: round(coldCli / coldNode),
      validateAllVersionsOverOne: round(validateAllVersionsMs / validateMs),
    },
    targets: {
      oursOverFloor10k: 3,
      scaling1kTo10k: 12,
      validateShareOfSynth: 0.25,
      cliValidateDocsPerSecond: 7000,
      planDaemonSetsPerSecond: 5000,
      cliColdStartOverNode: 3,
      rssMiB10k: 1024,
      validateAllVersionsOverOne: 2,
    },
    cliValidateDocsPerSecond: Math.round(docs / (validateMs / 1000)),
    cliValidateDocsPerSecondOneFileEach: Math.round(docs / (validateFilesMs / 1000)),
    planDaemonSetsPerSecond: plan.daemonSetsPerSecond,
    planDaemonSetsPerSecondTwoThreads: plan.twoThreadsDaemonSetsPerSecond,
    rssMiB10k: round(ours[10000].rssMiB, 0),
    timingsMs: {
      ours: Object.fromEntries(
        Object.entries(ours).map(([n, r]) => [
          n,
          {
            synth: round(r.synthMs, 0),
            validate: round(r.validateMs, 0),
            floor: round(r.floorMs, 0),
            rssMiB: round(r.rssMiB, 0),
          },
        ]),
      ),
      cdk8s: Object.fromEntries(
        Object.entries(plain).map(([n, r]) => [n, { synth: round(r.synthMs, 0), rssMiB: round(r.rssMiB, 0) }]),
      ),
      cliValidate10kDocs: round(validateMs, 0),
      cliValidate10kDocsAllVersions: round(validateAllVersionsMs, 0),
      // Every run of the two, in order (alternated): the noise behind the medians above.
      cliValidate10kDocsRuns: validateRuns.ones.map((x) => round(x, 0)),
      cliValidate10kDocsAllVersionsRuns: validateRuns.alls.map((x) => round(x, 0)),
      cliValidate10kFiles: round(validateFilesMs, 0),
      cliValidate100DocFile: round(validateFileMs, 0),
      cliPlan10kChanged: round(plan.ms, 0),
      cliPlan10kChangedTwoThreads: round(plan.twoThreadsMs, 0),
      cliPlan10kChangedRuns: plan.runs.map((x) => round(x, 0)),
      cliPlan10kChangedTwoThreadsRuns: plan.twoThreadsRuns.map((x) => round(x, 0)),
      synth100Charts: round(synthFileMs, 0),
      cliColdStart: round(coldCli, 1),
      nodeColdStart: round(coldNode, 1),
    },
    machine: { cpus: os.cpus().length, node: process.version, cpuModel: os.cpus()[0]?.model ?? 'unknown' },
    date: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const t = results.timingsMs;
  const rows: Array<[string, string]> = [
    ['ours synth+validate, 1,000 charts', `${t.ours[1000].synth} ms`],
    ['ours synth+validate, 3,000 charts', `${t.ours[3000].synth} ms`],
    ['ours synth+validate, 10,000 charts', `${t.ours[10000].synth} ms (validation alone ${t.ours[10000].validate} ms)`],
    ['cdk8s + cdk8s-plus-27, 1,000 charts', `${t.cdk8s[1000].synth} ms`],
    ['cdk8s + cdk8s-plus-27, 3,000 charts', `${t.cdk8s[3000].synth} ms`],
    ['yaml.stringify floor, 10,000 docs', `${t.ours[10000].floor} ms`],
    [
      'CLI validate, 10,000 docs in 100 files',
      `${t.cliValidate10kDocs} ms = ${results.cliValidateDocsPerSecond} docs/s (target >= 7000)`,
    ],
    [
      'CLI validate, 10,000 files of one doc',
      `${t.cliValidate10kFiles} ms = ${results.cliValidateDocsPerSecondOneFileEach} docs/s`,
    ],
    [
      'CLI plan, 10,000 changed DaemonSets',
      `${t.cliPlan10kChanged} ms = ${results.planDaemonSetsPerSecond} DaemonSets/s (target >= 5000)`,
    ],
    [
      'CLI plan, the same on two threads',
      `${t.cliPlan10kChangedTwoThreads} ms = ${results.planDaemonSetsPerSecondTwoThreads} DaemonSets/s (--jobs 2)`,
    ],
    ['validate a 100-doc file / synth it', `${t.cliValidate100DocFile} / ${t.synth100Charts} ms (whole processes)`],
    ['CLI cold start / node -e 0', `${t.cliColdStart} / ${t.nodeColdStart} ms`],
    ['peak RSS, 10,000 charts', `${results.rssMiB10k} MiB (target < 1024)`],
    ['ours / floor (10k)', `${results.ratios.oursOverFloor10k} (target <= 3)`],
    ['time(10k) / time(1k)', `${results.ratios.scaling1kTo10k} (target <= 12)`],
    ['validation / synth (10k)', `${results.ratios.validateShareOfSynth} (target <= 0.25)`],
    ['ours / cdk8s (3k)', `${results.ratios.oursOverCdk8s3k}`],
    ['validate 1.27-1.34 / one minor (10k)', `${results.ratios.validateAllVersionsOverOne} (target <= 2)`],
    ['CLI cold start / node', `${results.ratios.cliColdStartOverNode} (target <= 3)`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n`);
}

const only = process.argv.indexOf('--validate');
const fleetArg = process.argv.indexOf('--fleet');
if (only >= 0)
  validateOnly(Number(process.argv[only + 1] ?? 5) || 5, fleetArg >= 0 ? process.argv[fleetArg + 1] : undefined);
else main();

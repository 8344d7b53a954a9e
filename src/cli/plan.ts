import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  jsonPlanReport,
  markdownPlanReport,
  type Plan,
  type SideFile,
  type SideSource,
  type SideText,
  sideText,
  textPlanReport,
} from '../plan';
import { planSides } from '../plan/by-file';
import { committedYaml } from '../plan/git-base';
import { PLAN_WORKER_SCRIPT, planInThreads } from '../plan/threads';
import {
  DEFAULT_KUBERNETES_VERSION,
  resolveKubernetesVersion,
  SUPPORTED_KUBERNETES_VERSIONS,
} from '../validate/versions/minors';
import { expandPaths } from '../check';
import { DEFAULT_MAX_BYTES, parseMaxBytes } from './flags';
import { type CommandIO, ExitCode, UsageError } from './io';

export const PLAN_HELP = `Usage: cdk8s-daemonset plan OLD NEW [options]
       cdk8s-daemonset plan --base GIT_REF [options]

Shows what applying NEW over OLD does to each DaemonSet: added, removed, changed or unchanged
(compared as the API server stores them: defaulted, fields whose feature gate is off dropped),
whether pods restart on every node, in how many rolling-update waves, what the API server would
reject, its warnings, and rollout hazards. OLD and NEW are
files or directories of manifests. With --base, NEW is a fresh synth of the app (as synth --check
runs it) and OLD its committed output at GIT_REF, read with git show (the work tree is untouched).

Options:
  --nodes N                    node count, to compute rolling-update waves
  --kubernetes-version X.Y     the cluster's version, ${SUPPORTED_KUBERNETES_VERSIONS[0]} … ${SUPPORTED_KUBERNETES_VERSIONS.at(-1)} (default ${DEFAULT_KUBERNETES_VERSION})
  --output text|json|markdown  report format (default text); markdown suits a pull-request comment
  --base GIT_REF               compare the synthesized app with its committed output at GIT_REF
  --app CMD, --output-dir DIR  with --base: the app command and output folder (default: cdk8s.yaml)
  --max-bytes N                largest input accepted, in bytes (default ${DEFAULT_MAX_BYTES})
  --jobs N                     plan on N threads (default 1); the report is the same whatever N

Exit codes: 0 no update rejected, 1 some update would be rejected, 2 usage error or unreadable input.`;

const OUTPUTS = ['text', 'json', 'markdown'] as const;

/**
 * Threads to plan on: `--jobs`, else one; one when the worker script is absent (running from the
 * TypeScript sources). Not more by default: on the 2-vCPU machine the benchmark runs on, a second
 * thread cost about 1.5 s more CPU for 10,000 DaemonSets (each isolate warms up its own JIT, and
 * one thread already leaves the second core to V8's compiler and garbage collector): no faster
 * on a free machine, and far slower on a busy one (5.4 s against 3.1 s at a load of 6).
 */
function threadsFor(jobs: number | undefined): number {
  if (!fs.existsSync(PLAN_WORKER_SCRIPT)) return 1;
  return jobs ?? 1;
}

/** `1.30` or `1.30.2` among the supported minors, as `1.30`; a usage error listing them otherwise. */
export function parseKubernetesVersion(v: string | undefined): string {
  if (v === undefined) return DEFAULT_KUBERNETES_VERSION;
  try {
    return resolveKubernetesVersion(v);
  } catch (e) {
    throw new UsageError(`--kubernetes-version: ${(e as Error).message}`);
  }
}

function parseNodes(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n)) throw new UsageError(`--nodes must be a whole number, got "${v}"`);
  return n;
}

/**
 * The files of OLD or NEW, read when planned. Each is keyed by its path under the folder named
 * (its name when a file is named), which pairs `old/a.yaml` with `new/a.yaml`; `single` when
 * both OLD and NEW are files, which then pair whatever their names.
 */
function sidePaths(p: string, maxBytes: number, single: boolean): SideFile[] {
  let files: string[];
  try {
    files = expandPaths([p]).filter((f) => f !== '-');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const folder = fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  return files.map((f) => ({
    name: f,
    key: single ? '' : folder ? path.relative(p, f) : path.basename(f),
    file: f,
    maxBytes,
  }));
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Synthesizes the app into a temporary folder and reads it, with the committed output at `ref`. */
async function baseSides(
  ref: string,
  values: { app?: string; 'output-dir'?: string },
  maxBytes: number,
  io: CommandIO,
) {
  // Loaded here: synth's machinery (diffs, the app runner) is no part of planning OLD against NEW.
  const { resolveProject, runApp } = await import('./synth');
  const cwd = process.cwd();
  const { app, output } = resolveProject(cwd, { app: values.app, output: values['output-dir'] });
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-daemonset-plan-'));
  try {
    if (!runApp(cwd, app, target, io)) return undefined;
    let old: SideText[];
    try {
      // `REF:dist/a.yaml`, keyed `dist/a.yaml` as the fresh `dist/a.yaml` is.
      old = committedYaml(cwd, ref, path.relative(cwd, output), maxBytes).map((t) => ({
        ...t,
        key: t.name.slice(ref.length + 1),
      }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    // Read now: the folder is gone once this returns.
    const fresh: SideText[] = sidePaths(target, maxBytes, false).map((f) => {
      const name = path.join(path.relative(cwd, output) || '.', path.relative(target, f.file));
      return { ...sideText(f), name, key: name };
    });
    return { old, fresh };
  } finally {
    fs.rmSync(target, { recursive: true, force: true });
  }
}

function render(plan: Plan, output: (typeof OUTPUTS)[number]): string {
  if (output === 'json') return jsonPlanReport(plan);
  if (output === 'markdown') return markdownPlanReport(plan);
  return textPlanReport(plan);
}

/** `cdk8s-daemonset plan`. */
export async function planCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      nodes: { type: 'string' },
      'kubernetes-version': { type: 'string' },
      output: { type: 'string', default: 'text' },
      base: { type: 'string' },
      app: { type: 'string' },
      'output-dir': { type: 'string' },
      'max-bytes': { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${PLAN_HELP}\n`);
    return ExitCode.OK;
  }
  const output = values.output as (typeof OUTPUTS)[number];
  if (!OUTPUTS.includes(output))
    throw new UsageError(`--output must be text, json or markdown, got "${values.output}"`);
  const kubernetesVersion = parseKubernetesVersion(values['kubernetes-version']);
  const nodes = parseNodes(values.nodes);
  const maxBytes = parseMaxBytes(values['max-bytes']);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!/^\d+$/.test(values.jobs!) || !Number.isSafeInteger(jobs) || jobs <= 0))
    throw new UsageError(`--jobs must be a positive whole number, got "${values.jobs}"`);
  let oldTexts: SideSource[];
  let newTexts: SideSource[];
  if (values.base !== undefined) {
    if (positionals.length > 0) throw new UsageError('--base compares the app with a git ref: give no OLD and NEW');
    const sides = await baseSides(values.base, values, maxBytes, io);
    if (!sides) return ExitCode.USAGE;
    oldTexts = sides.old;
    newTexts = sides.fresh;
  } else {
    if (values.app !== undefined || values['output-dir'] !== undefined)
      throw new UsageError('--app and --output-dir go with --base');
    if (positionals.length !== 2)
      throw new UsageError('name OLD and NEW (files or directories), or use --base GIT_REF');
    const single = isFile(positionals[0]) && isFile(positionals[1]);
    oldTexts = sidePaths(positionals[0], maxBytes, single);
    newTexts = sidePaths(positionals[1], maxBytes, single);
  }
  const options = { kubernetesVersion, nodes };
  const threads = threadsFor(jobs);
  const { plan, errors } =
    threads > 1 ? await planInThreads(oldTexts, newTexts, options, threads) : planSides(oldTexts, newTexts, options);
  if (errors.length > 0) {
    io.stderr(`${errors.map((e) => `cdk8s-daemonset plan: ${e}`).join('\n')}\n`);
    return ExitCode.USAGE;
  }
  io.stdout(render(plan, output));
  return plan.summary.rejected > 0 ? ExitCode.INVALID : ExitCode.OK;
}

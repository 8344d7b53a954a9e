import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { jsonPlanReport, markdownPlanReport, type Plan, planTexts, type SideText, textPlanReport } from '../plan';
import { committedYaml } from '../plan/git-base';
import {
  DEFAULT_KUBERNETES_VERSION,
  resolveKubernetesVersion,
  SUPPORTED_KUBERNETES_VERSIONS,
} from '../validate/versions/minors';
import { expandPaths, readInputFile } from '../check';
import { DEFAULT_MAX_BYTES, parseMaxBytes } from './flags';
import { type CommandIO, ExitCode, UsageError } from './io';
import { resolveProject, runApp } from './synth';

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

Exit codes: 0 no update rejected, 1 some update would be rejected, 2 usage error or unreadable input.`;

const OUTPUTS = ['text', 'json', 'markdown'] as const;

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

function readPaths(p: string, maxBytes: number): SideText[] {
  let files: string[];
  try {
    files = expandPaths([p]).filter((f) => f !== '-');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return files.map((f) => readInputFile(f, maxBytes));
}

/** Synthesizes the app into a temporary folder and reads it, with the committed output at `ref`. */
function baseSides(ref: string, values: { app?: string; 'output-dir'?: string }, maxBytes: number, io: CommandIO) {
  const cwd = process.cwd();
  const { app, output } = resolveProject(cwd, { app: values.app, output: values['output-dir'] });
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-daemonset-plan-'));
  try {
    if (!runApp(cwd, app, target, io)) return undefined;
    let old: SideText[];
    try {
      old = committedYaml(cwd, ref, path.relative(cwd, output), maxBytes);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const fresh = readPaths(target, maxBytes).map((t) => ({
      ...t,
      name: path.join(path.relative(cwd, output) || '.', path.relative(target, t.name)),
    }));
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
export function planCommand(args: readonly string[], io: CommandIO): ExitCode {
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
  let oldTexts: SideText[];
  let newTexts: SideText[];
  if (values.base !== undefined) {
    if (positionals.length > 0) throw new UsageError('--base compares the app with a git ref: give no OLD and NEW');
    const sides = baseSides(values.base, values, maxBytes, io);
    if (!sides) return ExitCode.USAGE;
    oldTexts = sides.old;
    newTexts = sides.fresh;
  } else {
    if (values.app !== undefined || values['output-dir'] !== undefined)
      throw new UsageError('--app and --output-dir go with --base');
    if (positionals.length !== 2)
      throw new UsageError('name OLD and NEW (files or directories), or use --base GIT_REF');
    oldTexts = readPaths(positionals[0], maxBytes);
    newTexts = readPaths(positionals[1], maxBytes);
  }
  const { plan, errors } = planTexts(oldTexts, newTexts, { kubernetesVersion, nodes });
  if (errors.length > 0) {
    io.stderr(`${errors.map((e) => `cdk8s-daemonset plan: ${e}`).join('\n')}\n`);
    return ExitCode.USAGE;
  }
  io.stdout(render(plan, output));
  return plan.summary.rejected > 0 ? ExitCode.INVALID : ExitCode.OK;
}

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { field, str } from '../validate/read';
import { readYamlStream } from '../yaml';
import { ExitCode, UsageError, type CommandIO } from './io';

export const SYNTH_HELP = `Usage: cdk8s-daemonset synth [--check] [--app CMD] [--output DIR]

Runs the cdk8s app named in cdk8s.yaml and writes its manifests to the output folder.
With --check, writes nothing: synthesizes into a temporary folder and compares it with the
committed output folder, printing a unified diff (GitOps drift check).

Options:
  --check          compare instead of writing; exit 1 when they differ, 0 when identical
  --app CMD        the command that runs the app (default: "app" in cdk8s.yaml)
  --output DIR     the output folder (default: "output" in cdk8s.yaml, else dist)

Exit codes: 0 written or identical, 1 drift, 2 usage error or the app failed.`;

interface ProjectConfig {
  readonly app?: string;
  readonly output?: string;
}

function readConfig(dir: string): ProjectConfig {
  const file = path.join(dir, 'cdk8s.yaml');
  if (!fs.existsSync(file)) return {};
  const [doc] = readYamlStream(fs.readFileSync(file, 'utf8'));
  return { app: str(field(doc?.value, 'app')), output: str(field(doc?.value, 'output')) };
}

/** What cdk8s writes beside the manifests for its own reports; not output to compare. */
const NOT_OUTPUT = new Set(['construct-metadata.json']);

/** Files below `dir`, as sorted paths relative to it. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (!NOT_OUTPUT.has(r)) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** A unified diff of two output folders, or '' when they are identical. */
export function diffFolders(committedDir: string, freshDir: string, label: string): string {
  const files = [...new Set([...listFiles(committedDir), ...listFiles(freshDir)])].sort();
  let out = '';
  for (const f of files) {
    const a = path.join(committedDir, f);
    const b = path.join(freshDir, f);
    const before = fs.existsSync(a) ? fs.readFileSync(a, 'utf8') : '';
    const after = fs.existsSync(b) ? fs.readFileSync(b, 'utf8') : '';
    if (before === after && fs.existsSync(a) === fs.existsSync(b)) continue;
    out += createTwoFilesPatch(
      // a/ and b/ prefixes, as git writes them, so `git apply` takes the patch from the project root.
      fs.existsSync(a) ? `a/${label}/${f}` : '/dev/null',
      fs.existsSync(b) ? `b/${label}/${f}` : '/dev/null',
      before,
      after,
      'committed',
      'synthesized',
    );
  }
  return out;
}

/** The app command and the absolute output folder, from the options or cdk8s.yaml. */
export function resolveProject(
  cwd: string,
  options: { app?: string; output?: string },
): { app: string; output: string } {
  const config = readConfig(cwd);
  const app = options.app ?? config.app;
  if (!app) throw new UsageError('no app to run: add "app:" to cdk8s.yaml or pass --app');
  return { app, output: path.resolve(cwd, options.output ?? config.output ?? 'dist') };
}

/** Runs the app with its output sent to `target`; false (and the app's output on stderr) when it fails. */
export function runApp(cwd: string, app: string, target: string, io: CommandIO): boolean {
  const run = spawnSync(app, { cwd, shell: true, env: { ...process.env, CDK8S_OUTDIR: target }, encoding: 'utf8' });
  if (run.status === 0) return true;
  io.stderr(`the app failed (${app}), exit ${run.status ?? run.signal}:\n${run.stderr}${run.stdout}`);
  return false;
}

/** `cdk8s-daemonset synth`. */
export function synthCommand(args: readonly string[], io: CommandIO, cwd = process.cwd()): ExitCode {
  const { values } = parseArgs({
    args: [...args],
    options: {
      check: { type: 'boolean', default: false },
      app: { type: 'string' },
      output: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(`${SYNTH_HELP}\n`);
    return ExitCode.OK;
  }
  const { app, output } = resolveProject(cwd, values);
  const target = values.check ? fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-daemonset-synth-')) : output;
  try {
    if (!runApp(cwd, app, target, io)) return ExitCode.USAGE;
    if (!values.check) return ExitCode.OK;
    const diff = diffFolders(output, target, path.relative(cwd, output) || '.');
    if (diff === '') {
      io.stderr(`${path.relative(cwd, output) || '.'} is up to date\n`);
      return ExitCode.OK;
    }
    io.stdout(diff);
    io.stderr(
      `${path.relative(cwd, output) || '.'} differs from what the app synthesizes: run cdk8s-daemonset synth and commit the result\n`,
    );
    return ExitCode.INVALID;
  } finally {
    if (values.check) fs.rmSync(target, { recursive: true, force: true });
  }
}

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: the package under test. */
export const ROOT = path.join(__dirname, '..', '..');

/** What `npm pack --json` says about the tarball it wrote (the same listing as `--dry-run`). */
export interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: ReadonlyArray<{ readonly path: string; readonly size: number }>;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for commands run in the temporary project. `npm test` / `npx` export npm_*
 * variables (local_prefix among them) that would point npm back at this repository.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
  for (const k of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$)/i.test(k)) delete env[k];
    if (/^npm_config_(local_prefix|prefix|global|workspaces?|include_workspace_root|dry_run|json)$/i.test(k))
      delete env[k];
  }
  return env;
}

/**
 * Runs a command; the timeout bounds a hang, and is reported as such. Asynchronous: a test worker
 * blocked in spawnSync for a minute misses vitest's RPC deadline ("Timeout calling onTaskUpdate").
 */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (signal) {
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` (in ${cwd}) was killed by ${signal}` +
              `${timedOut ? ` after the ${timeoutMs / 1000} s timeout` : ''}\n${tail(stderr)}`,
          ),
        );
      } else resolve({ status, stdout, stderr });
    });
  });
}

/** Like `run`, but a non-zero exit is an error carrying the command's output. */
export async function mustRun(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<string> {
  return checked(command, args, cwd, await run(command, args, cwd, timeoutMs));
}

function checked(command: string, args: readonly string[], cwd: string, r: Run): string {
  if (r.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` (in ${cwd}) exited ${r.status}\n` +
        `--- stdout\n${tail(r.stdout)}\n--- stderr\n${tail(r.stderr)}`,
    );
  }
  return r.stdout;
}

function tail(text: string, lines = 40): string {
  const all = text.trimEnd().split('\n');
  return (all.length > lines ? ['…', ...all.slice(-lines)] : all).join('\n');
}

/**
 * Packs the repository as `npm publish` would, into `dir`. Scripts are skipped: `prepare` would
 * rebuild lib/ in a working tree others may be editing, and the caller builds first.
 */
export function pack(dir: string): PackResult {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/index.js is missing: run `npm run build` before the package test');
  }
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', dir];
  const r = spawnSync('npm', args, { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  const out = checked('npm', args, ROOT, { status: r.status, stdout: r.stdout, stderr: r.stderr });
  const [result] = JSON.parse(out) as PackResult[];
  return result;
}

/** The installed version of a dev dependency, so the project installs what the repo tests with. */
export function installedVersion(name: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** A fresh temporary folder outside the repository, so nothing resolves from its node_modules. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (!path.relative(ROOT, dir).startsWith('..')) throw new Error(`temporary folder ${dir} is inside ${ROOT}`);
  return dir;
}

/** Writes files (relative path → content) into `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

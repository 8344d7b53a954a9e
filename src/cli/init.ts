import { ownPackage } from '../own-package';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { packageName, projectFiles } from '../init';
import { ExitCode, UsageError, type CommandIO } from './io';

export const INIT_HELP = `Usage: cdk8s-daemonset init [DIR]

Writes a new cdk8s project into DIR (default: the current folder), with no network access:
package.json (cdk8s, cdk8s-plus-27, constructs, cdk8s-daemonset; cdk8s-cli and typescript for
development), tsconfig.json, cdk8s.yaml (the validation plugin, and an app command that type-checks
before it runs), main.ts with one DaemonSet, and .gitignore. Then:

  cd DIR && npm install && npx cdk8s synth

Refuses to overwrite: if any of these files exists, nothing is written.

Exit codes: 0 written, 2 usage error, a file exists, or a file cannot be written.`;

/** A path relative to the current folder when it is inside it, else absolute. */
function shown(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
}

/** `cdk8s-daemonset init`. */
export function initCommand(args: readonly string[], io: CommandIO): ExitCode {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${INIT_HELP}\n`);
    return ExitCode.OK;
  }
  if (positionals.length > 1) throw new UsageError(`name at most one folder, got ${positionals.length}`);
  const dir = path.resolve(positionals[0] ?? '.');

  const own = ownPackage();
  const files = projectFiles({
    name: packageName(path.basename(dir)),
    version: own.version,
    peers: own.peerDependencies,
    cdk8sCli: own.devDependencies['cdk8s-cli'],
  });

  const existing = [...files.keys()].filter((f) => fs.existsSync(path.join(dir, f)));
  if (existing.length > 0) {
    for (const f of existing) io.stderr(`${path.join(dir, f)}: already exists\n`);
    io.stderr('cdk8s-daemonset init: nothing written; run it in a new or empty folder\n');
    return ExitCode.USAGE;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const [f, content] of files) fs.writeFileSync(path.join(dir, f), content, { flag: 'wx' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(`${err.path ?? dir}: cannot write: ${err.code ?? err.message}\n`);
    return ExitCode.USAGE;
  }
  for (const f of files.keys()) io.stdout(`wrote ${shown(path.join(dir, f))}\n`);
  const cd = shown(dir);
  io.stdout(`\nNext:\n  ${cd === '.' ? '' : `cd ${cd} && `}npm install && npx cdk8s synth\n`);
  return ExitCode.OK;
}

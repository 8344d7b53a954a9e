#!/usr/bin/env node
import { ownPackage } from '../own-package';
import { dropOutputOnClosedPipe } from './closed-pipe';
import { ExitCode, processIO, UsageError, type CommandIO } from './io';

const HELP = `Usage: cdk8s-daemonset <command> [options]

Commands:
  init [DIR]           write a new project: package.json, tsconfig, cdk8s.yaml, main.ts (offline)
  validate [PATH...]   validate DaemonSet YAML with the constructs' rules (Kubernetes 1.27)
  synth [--check]      synthesize the app, or check the committed output for drift
  import FILE          turn DaemonSet YAML into construct code (--out FILE, --check round trip)
  plan OLD NEW         what an update does to each DaemonSet: restarts, waves, rejections (--base REF)

Options:
  --version            print the version
  --help               print this help, or a command's with <command> --help`;

function version(): string {
  return ownPackage().version;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case '--version':
      case '-v':
        io.stdout(`${version()}\n`);
        return ExitCode.OK;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${HELP}\n`);
        return command === undefined ? ExitCode.USAGE : ExitCode.OK;
      // Commands load on demand, so `--version` starts as fast as node itself.
      case 'init':
        return (await import('./init')).initCommand(rest, io);
      case 'validate':
        return await (await import('./validate')).validateCommand(rest, io);
      case 'synth':
        return (await import('./synth')).synthCommand(rest, io);
      case 'plan':
        return (await import('./plan')).planCommand(rest, io);
      case 'import':
        return await (await import('./import')).importCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    const usage = e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage) throw e;
    io.stderr(
      `cdk8s-daemonset: ${(e as Error).message}\nRun cdk8s-daemonset ${command && !command.startsWith('-') ? `${command} ` : ''}--help for usage.\n`,
    );
    return ExitCode.USAGE;
  }
}

if (require.main === module) {
  dropOutputOnClosedPipe(process.stdout);
  dropOutputOnClosedPipe(process.stderr);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`cdk8s-daemonset: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = ExitCode.USAGE;
    },
  );
}

import { parseArgs } from 'node:util';
import {
  type CheckResult,
  checkFilesInWorkers,
  checkInput,
  expandPaths,
  failed,
  type InputText,
  OUTPUT_FORMATS,
  type OutputFormat,
  readInputFile,
  readStdin,
  report,
  workersFor,
} from '../check';
import { isPssLevel, PSS_LEVELS } from '../pss';
import { resolveKubernetesVersions, UnsupportedKubernetesVersionError } from '../validate/versions';
import { DEFAULT_MAX_BYTES, parseMaxBytes } from './flags';
import { type CommandIO, ExitCode, UsageError } from './io';

export const VALIDATE_HELP = `Usage: cdk8s-daemonset validate [options] [PATH...]

Validates DaemonSet (apps/v1) and Pod (v1) manifests with the rules the constructs use at synth
time, as the API server of the chosen Kubernetes minor would (default 1.27). PATH is a file, a
directory (searched for *.yaml / *.yml), or - for standard input. Other kinds are skipped and counted.

Options:
  --output FORMAT      report format: text (default; FILE:LINE:COL: path: message [code]),
                       json, sarif (SARIF 2.1.0, for code scanning), junit (JUnit XML),
                       github (GitHub Actions annotations)
  --kubernetes-version V
                       the cluster's version: 1.27 … 1.34, x.y or x.y.z (default 1.27); a range
                       such as 1.27-1.34 checks every minor in it and reports what differs
  --pss LEVEL          also check a Pod Security Standards level: privileged, baseline, restricted
  --max-bytes N        largest input accepted, in bytes (default ${DEFAULT_MAX_BYTES})
  --jobs N             check files on N threads (default 1); the report is the same whatever N

Exit codes: 0 all valid, 1 some invalid, 2 usage error or unreadable input.`;

/** Shows progress on stderr for runs longer than a second, only on a terminal. */
function progress(io: CommandIO, total: number): (done: number) => void {
  const start = io.now();
  let shown = false;
  return (done) => {
    if (!io.stderrIsTTY || io.now() - start < 1000) return;
    shown = true;
    io.stderr(`\rvalidating: ${done}/${total} files`);
    if (done === total && shown) io.stderr('\n');
  };
}

/** `cdk8s-daemonset validate`. */
export async function validateCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      output: { type: 'string', default: 'text' },
      pss: { type: 'string' },
      'kubernetes-version': { type: 'string' },
      'max-bytes': { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${VALIDATE_HELP}\n`);
    return ExitCode.OK;
  }
  const output = values.output as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output))
    throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${values.output}"`);
  const pss = values.pss;
  if (pss !== undefined && !isPssLevel(pss))
    throw new UsageError(`--pss must be one of ${PSS_LEVELS.join(', ')}, got "${values.pss}"`);
  let kubernetesVersions: ReturnType<typeof resolveKubernetesVersions> | undefined;
  try {
    kubernetesVersions =
      values['kubernetes-version'] === undefined ? undefined : resolveKubernetesVersions(values['kubernetes-version']);
  } catch (e) {
    if (e instanceof UnsupportedKubernetesVersionError) throw new UsageError(`--kubernetes-version: ${e.message}`);
    throw e;
  }
  const maxBytes = parseMaxBytes(values['max-bytes']);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs <= 0))
    throw new UsageError(`--jobs must be a positive whole number, got "${values.jobs}"`);
  if (positionals.length === 0) throw new UsageError('name at least one file, directory or - (standard input)');

  let files: string[];
  try {
    files = expandPaths(positionals);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (files.length === 0) throw new UsageError(`no *.yaml or *.yml files under ${positionals.join(', ')}`);

  const tick = progress(io, files.length);
  const workers = workersFor(files, jobs);
  let results: CheckResult[] = [];
  if (workers > 0) {
    results = await checkFilesInWorkers(files, { maxBytes, pss, kubernetesVersions }, workers, tick);
  } else {
    for (const [i, file] of files.entries()) {
      const input: InputText = file === '-' ? await readStdin(maxBytes) : readInputFile(file, maxBytes);
      results.push(...checkInput(input, { pss, kubernetesVersions }));
      tick(i + 1);
    }
  }
  io.stdout(report(output, results, { colour: io.colour }));
  if (results.some((r) => r.status === 'unreadable')) return ExitCode.USAGE;
  return results.some(failed) ? ExitCode.INVALID : ExitCode.OK;
}

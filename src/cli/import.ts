import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { canonicalManifest } from '../canonical';
import type { ImportResult } from '../import';
import { findTypeScript, GeneratedCodeError, TYPESCRIPT_MISSING } from '../import/compile';
import { readYamlStream, toYaml } from '../yaml';
import { type CheckResult, checkDocuments, failed, issueLine, readInputFile, readStdin } from '../check';
import { DEFAULT_MAX_BYTES, parseMaxBytes } from './flags';
import { ExitCode, UsageError, type CommandIO } from './io';

export const IMPORT_HELP = `Usage: cdk8s-daemonset import [options] FILE

Turns the apps/v1 DaemonSets of a YAML file (or - for standard input) into a TypeScript module:
one cdk8s Chart that builds them with the constructs. Fields the constructs can't express are
written by addJsonPatch escape hatch, never dropped, and listed on stderr. Each DaemonSet is
validated first (as by validate); invalid input is refused unless --force. Other kinds are skipped.

Options:
  --out FILE         write the module to FILE (default: standard output)
  --check            write nothing: import, compile (strict, with the project's own tsc, TypeScript
                     5.x or 7.x) and synthesize, and print a unified diff of the input against the
                     synthesized manifests (canonical YAML); empty when equal
  --force            import DaemonSets that fail validation or can't be imported whole
                     (their issues are still printed)
  --class NAME       name of the generated Chart class (default ImportedDaemonSets)
  --module NAME      module the generated code imports the constructs from (default cdk8s-daemonset)
  --max-bytes N      largest input accepted, in bytes (default ${DEFAULT_MAX_BYTES})

Exit codes: 0 imported (or --check: equal as data), 1 invalid input without --force, or a --check
difference or compile error, 2 usage error, unreadable input, or no DaemonSet in it.`;

const plural = (n: number, what: string, many = `${what}s`) => `${n} ${n === 1 ? what : many}`;

/** `FILE:LINE:COL: path: message [code]` lines, as validate prints them. */
function issueLines(results: readonly CheckResult[]): string {
  return results.flatMap((r) => r.errors.map((e) => `${issueLine(r.file, e)}\n`)).join('');
}

/** The input's DaemonSet documents (any apiVersion) the importer did not write, with why. */
function notImported(
  result: ImportResult,
  daemonSetDocs: readonly CheckResult[],
): Array<{ doc: CheckResult; reason: string }> {
  const imported = new Set(result.daemonSets.map((d) => d.document));
  return daemonSetDocs
    .filter((d) => !imported.has(d.document))
    .map((doc) => ({
      doc,
      reason: result.skipped.find((s) => s.document === doc.document)?.reason ?? 'not imported',
    }));
}

/** Multi-document canonical YAML (the key order synth writes), for the --check diff. */
function canonicalStream(docs: readonly unknown[]): string {
  return docs.map((d) => toYaml(canonicalManifest(d))).join('---\n');
}

/** `cdk8s-daemonset import`. */
export async function importCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      class: { type: 'string' },
      module: { type: 'string' },
      'max-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${IMPORT_HELP}\n`);
    return ExitCode.OK;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      `name one YAML file, or - for standard input; got ${positionals.length === 0 ? 'none' : positionals.length}`,
    );
  if (values.check && values.out !== undefined) throw new UsageError('--check writes nothing: leave out --out');
  if (values.out === '') throw new UsageError('--out needs a file name');
  if (values.module === '') throw new UsageError('--module needs a module name');
  const maxBytes = parseMaxBytes(values['max-bytes']);
  // Before reading: a missing compiler is a setup problem, not something about this input.
  if (values.check && findTypeScript() === undefined) {
    io.stderr(`cdk8s-daemonset: ${TYPESCRIPT_MISSING}\n`);
    return ExitCode.USAGE;
  }

  const [file] = positionals;
  const input = file === '-' ? await readStdin(maxBytes) : readInputFile(file, maxBytes);
  if (input.text === undefined) {
    io.stderr(`${input.name}: ${input.error ?? 'cannot read'}\n`);
    return ExitCode.USAGE;
  }
  const name = input.name;

  // Validate first, as `validate` would: invalid input is never imported silently.
  const results = checkDocuments(name, input.text);
  const unreadable = results.filter((r) => r.status === 'unreadable');
  if (unreadable.length > 0) {
    io.stderr(issueLines(unreadable));
    io.stderr(`${name}: ${plural(unreadable.length, 'document')} could not be read as a manifest: nothing imported\n`);
    return ExitCode.USAGE;
  }
  // A DaemonSet at an apiVersion no longer served is listed (invalid), not skipped.
  const daemonSetDocs = results.filter((r) => r.kind === 'DaemonSet');
  if (daemonSetDocs.length === 0) {
    io.stderr(`${name}: no DaemonSet in ${plural(results.length, 'document')}: nothing to import\n`);
    return ExitCode.USAGE;
  }
  const invalid = daemonSetDocs.filter(failed);
  io.stderr(issueLines(invalid));
  if (invalid.length > 0 && !values.force) {
    io.stderr(
      `${name}: ${plural(invalid.length, 'invalid DaemonSet')}: nothing imported; fix ${invalid.length === 1 ? 'it' : 'them'}, or pass --force to import anyway\n`,
    );
    return ExitCode.INVALID;
  }

  const { importDaemonSets, roundTrip } = await import('../import');
  const options = { className: values.class, moduleSpecifier: values.module };
  let result: Awaited<ReturnType<typeof roundTrip>> | ReturnType<typeof importDaemonSets>;
  try {
    result = values.check ? await roundTrip(input.text, options) : importDaemonSets(input.text, options);
  } catch (e) {
    if (!(e instanceof GeneratedCodeError)) throw e;
    io.stderr(`${e.output}\n${name}: ${e.message.split('\n')[0]}\n`);
    return ExitCode.INVALID;
  }
  for (const h of result.escapeHatches) io.stderr(`${name}:${h.fieldLine}  ${h.path}: ${h.reason} (escape hatch)\n`);
  const missing = notImported(result, daemonSetDocs);
  for (const m of missing) io.stderr(`${name}:${m.doc.line}  (document): ${m.reason} (not imported)\n`);
  const others = results.length - daemonSetDocs.length;
  const counts =
    `${plural(result.daemonSets.length, 'DaemonSet')}, ${plural(result.escapeHatches.length, 'escape hatch', 'escape hatches')}` +
    (missing.length > 0 ? `, ${missing.length} not imported` : '') +
    (others > 0 ? `, ${plural(others, 'other document')} skipped` : '') +
    (invalid.length > 0 ? `, ${invalid.length} invalid (--force)` : '');

  if (values.check) {
    const r = result as Awaited<ReturnType<typeof roundTrip>>;
    if (r.equal && missing.length === 0) {
      io.stderr(`${name}: round-trips as data (${counts})\n`);
      return ExitCode.OK;
    }
    // Input side: every DaemonSet of the input, so one the importer couldn't write shows as removed.
    const read = missing.length > 0 ? readYamlStream(input.text) : [];
    const expected = daemonSetDocs.map(
      (d) => r.daemonSets.find((x) => x.document === d.document)?.manifest ?? read[d.document]?.value,
    );
    let diff = createTwoFilesPatch(
      name,
      `${name} (synthesized)`,
      canonicalStream(expected),
      canonicalStream(r.synthesized),
      'input',
      'synthesized',
    );
    if (!diff.includes('\n@@')) diff = r.diff; // canonical YAML can't show the difference (a __proto__ key): the data diff can.
    io.stdout(diff);
    io.stderr(`${name}: the synthesized manifests differ from the input (${counts})\n`);
    return ExitCode.INVALID;
  }

  if (missing.length > 0 && !values.force) {
    io.stderr(
      `${name}: ${plural(missing.length, 'DaemonSet')} could not be imported: nothing written; pass --force to import the rest\n`,
    );
    return ExitCode.INVALID;
  }
  if (values.out === undefined) {
    io.stdout(result.code);
  } else {
    try {
      fs.writeFileSync(values.out, result.code);
    } catch (e) {
      io.stderr(`${values.out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return ExitCode.USAGE;
    }
  }
  io.stderr(`${name}: imported ${counts}${values.out === undefined ? '' : ` to ${values.out}`}\n`);
  return ExitCode.OK;
}

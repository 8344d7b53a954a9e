import * as cdk8s from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as constructs from 'constructs';
import { createTwoFilesPatch } from 'diff';
import * as pkg from '../index';
import { compileGenerated, findTypeScript, TYPESCRIPT_MISSING } from './compile';
import { importDaemonSets, type ImportOptions, type ImportResult } from './import-daemonsets';
import { sameData, sortedJson } from './values';

export interface RoundTripResult extends ImportResult {
  /** Whether the generated code synthesizes every imported document as data equal to the input. */
  readonly equal: boolean;
  /** Unified diff of input and synthesized manifests (sorted-key JSON); empty when equal. */
  readonly diff: string;
  /** What the generated code synthesized, one manifest per imported document. */
  readonly synthesized: readonly unknown[];
  /**
   * What the synthesized DaemonSets' validation reports (`construct-path field.path: message [code]`).
   * Not part of `equal`: an input the API server would refuse still round-trips.
   */
  readonly issues: readonly string[];
}

/** The modules generated code may import, resolved to the ones this process runs. */
function requireFor(moduleSpecifier: string): (id: string) => unknown {
  const modules: Record<string, unknown> = {
    cdk8s: cdk8s,
    'cdk8s-plus-27': kplus,
    constructs: constructs,
    [moduleSpecifier]: pkg,
  };
  return (id: string) => {
    if (!Object.hasOwn(modules, id)) throw new Error(`generated code imports an unexpected module: ${id}`);
    return modules[id];
  };
}

/** Turns generated TypeScript into CommonJS JavaScript. */
export type Compile = (code: string, moduleSpecifier: string) => string;

/** The user's `tsc` (5.x or 7.x), type-checking the code strictly before compiling it. */
export const compileWithUserTsc: Compile = (code, moduleSpecifier) => {
  const compiler = findTypeScript();
  if (compiler === undefined) throw new Error(TYPESCRIPT_MISSING);
  return compileGenerated(code, moduleSpecifier, compiler);
};

/** Compiles generated code (by default with the user's `tsc`) and runs it, returning its exports. */
export async function loadGeneratedModule(
  code: string,
  moduleSpecifier = 'cdk8s-daemonset',
  compile: Compile = compileWithUserTsc,
): Promise<Record<string, unknown>> {
  const js = compile(code, moduleSpecifier);
  const module = { exports: {} as Record<string, unknown> };
  // The code is the importer's own output, every manifest string in it a JSON literal.
  new Function('exports', 'require', 'module', js)(module.exports, requireFor(moduleSpecifier), module);
  return module.exports;
}

/**
 * Import → compile (type-checked, with the user's `tsc`) → run → synth → compare: imports the DaemonSets of `yamlText`, runs the
 * generated module's chart in a fresh App, and compares each synthesized manifest with its input
 * document as data (key order aside). What `cdk8s-daemonset import --check` reports.
 */
export async function roundTrip(
  yamlText: string,
  options: ImportOptions = {},
  compile: Compile = compileWithUserTsc,
): Promise<RoundTripResult> {
  const moduleSpecifier = options.moduleSpecifier ?? 'cdk8s-daemonset';
  const result = importDaemonSets(yamlText, { ...options, moduleSpecifier });
  const exports = await loadGeneratedModule(result.code, moduleSpecifier, compile);
  const ChartClass = exports[result.className] as new (scope: constructs.Construct, id: string) => cdk8s.Chart;
  const chart = new ChartClass(new cdk8s.App(), 'round-trip');
  // ApiObject.toJson, not Chart.toJson: the latter validates first, and the comparison is about data.
  const objects = chart.node.findAll().filter((c): c is cdk8s.ApiObject => cdk8s.ApiObject.isApiObject(c));
  const synthesized = objects.map((o) => o.toJson());
  const issues = objects
    .filter(pkg.DaemonSet.isDaemonSet)
    .flatMap((d) => d.issues().map((i) => pkg.formatIssue(i, d.node.path)));
  const expected = result.daemonSets.map((d) => d.manifest);
  const equal = synthesized.length === expected.length && expected.every((e, i) => sameData(e, synthesized[i]));
  const text = (docs: readonly unknown[]) => `${docs.map((d) => sortedJson(d)).join('\n---\n')}\n`;
  const diff = equal ? '' : createTwoFilesPatch('input', 'synthesized', text(expected), text(synthesized));
  return { ...result, equal, diff, synthesized, issues };
}

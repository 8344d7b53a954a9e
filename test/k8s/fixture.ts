import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { validateForVersion } from '../../src/validate/pipeline';
import { toFieldPath } from '../../src/validate/issue';
import type { OracleResult } from '../support/oracle';

/**
 * Kubernetes' own table-driven validation tests, translated into DaemonSets (test/k8s/fixtures/).
 *
 * One file per Go test function. Each case names the Go case it translates, gives the fragment
 * that differs from the base DaemonSet below, and records what the 1.27 API server's create path
 * answers for the whole manifest (`expect`, written by record-expectations.ts from
 * `k8s-oracle/run 1.27`). The Go test's own verdict is for the Go function alone (`go`); `note`
 * says where decoding, defaulting or the DaemonSet wrapper changes it.
 */

export const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** What the oracle answered, as recorded in the fixture. */
export interface Expectation {
  /** `VALID`, `INVALID`, `STRICT` or `DECODEERR`. */
  readonly verdict: string;
  /** The server's field paths of an `INVALID`, each once, in order. */
  readonly paths?: readonly string[];
}

/** What a case changes in a base DaemonSet (an update case has one for each side). */
export interface Fragment {
  /** Merged into the DaemonSet's metadata. */
  readonly metadata?: Record<string, unknown>;
  /** Merged into the DaemonSet's spec. */
  readonly spec?: Record<string, unknown>;
  /** Merged into the pod template's metadata. */
  readonly podMetadata?: Record<string, unknown>;
  /** Merged into the pod spec. */
  readonly pod?: Record<string, unknown>;
  /** Merged into the first container. */
  readonly container?: Record<string, unknown>;
  /** Dotted paths (from the manifest root) removed after merging. */
  readonly remove?: readonly string[];
}

export interface FixtureCase extends Fragment {
  /** The Go case's name (or, for unnamed cases, a description of its entry). */
  readonly name: string;
  /** The Go test's verdict for the Go function alone: `valid`, or `invalid <field>`. */
  readonly go?: string;
  /** Why the API-server path gives another verdict than the Go function. */
  readonly note?: string;
  /** Set when the engine is known to disagree: why, and the upstream source line that decides. */
  readonly disagree?: string;
  readonly expect?: Expectation;
}

export interface Fixture {
  readonly file: string;
  /** The Go test function. */
  readonly test: string;
  /** Repository, ref and file the cases come from. */
  readonly source: string;
  readonly cases: readonly FixtureCase[];
}

/** The base every case starts from: a DaemonSet the 1.27 API server accepts. */
export function baseDaemonSet(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'k8s-case', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'k8s-case' } },
      template: {
        metadata: { labels: { app: 'k8s-case' } },
        spec: { containers: [{ name: 'ctr', image: 'image' }] },
      },
    },
  };
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Objects merge key by key; anything else (lists included) replaces: a case writes lists whole.
function merge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (isPlainObject(cur) && isPlainObject(v)) merge(cur, v);
    else into[k] = structuredClone(v);
  }
}

function removePath(root: Record<string, any>, dotted: string): void {
  const parts = dotted.split('.');
  let node: any = root;
  for (const p of parts.slice(0, -1)) {
    node = node?.[p];
    if (node === undefined) return;
  }
  if (node && typeof node === 'object') delete node[parts[parts.length - 1]];
}

/** The DaemonSet manifest of one case (or one side of an update case), from a copy of `base`. */
export function manifestOf(c: Fragment, base: Record<string, any> = baseDaemonSet()): Record<string, any> {
  const ds = structuredClone(base);
  if (c.metadata) merge(ds.metadata, c.metadata);
  if (c.spec) merge(ds.spec, c.spec);
  if (c.podMetadata) merge(ds.spec.template.metadata, c.podMetadata);
  if (c.pod) merge(ds.spec.template.spec, c.pod);
  if (c.container) merge(ds.spec.template.spec.containers[0], c.container);
  for (const r of c.remove ?? []) removePath(ds, r);
  return ds;
}

const FIXTURE_KEYS = new Set(['test', 'source', 'cases']);
const CASE_KEYS = new Set([
  'name',
  'go',
  'metadata',
  'spec',
  'podMetadata',
  'pod',
  'container',
  'remove',
  'note',
  'disagree',
  'expect',
]);
const FRAGMENT_OBJECTS = ['metadata', 'spec', 'podMetadata', 'pod', 'container'] as const;
export const CASE_STRINGS = ['go', 'note', 'disagree'] as const;

/** The problems of a fragment's own keys (`at` names it); unknown keys are the caller's to refuse. */
export function fragmentProblems(at: string, c: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of FRAGMENT_OBJECTS) if (k in c && !isPlainObject(c[k])) out.push(`${at}: "${k}" must be a mapping`);
  if ('remove' in c && !(Array.isArray(c.remove) && c.remove.every((r) => typeof r === 'string')))
    out.push(`${at}: "remove" must be a list of dotted paths`);
  return out;
}

/** What one kind of fixture file may hold, and its checks beyond those every kind shares. */
export interface FixtureShape {
  readonly fileKeys: ReadonlySet<string>;
  readonly caseKeys: ReadonlySet<string>;
  /** Problems of the file's own keys besides `test`, `source` and `cases`. */
  readonly file?: (file: string, doc: Record<string, unknown>) => string[];
  /** Problems of a case besides its name, unknown keys and CASE_STRINGS; `at` names the case. */
  readonly perCase: (at: string, c: Record<string, unknown>) => string[];
}

/**
 * The problems of one parsed fixture file of `shape`, empty when it has that shape. A key the
 * loader does not know is an error rather than ignored: a case name with an unquoted `, ` or `: `
 * in it parses as a name cut short plus a stray key, and the case would run under the wrong name.
 */
export function shapeProblems(file: string, doc: unknown, shape: FixtureShape): string[] {
  if (!isPlainObject(doc)) return [`${file}: not a mapping`];
  const out = Object.keys(doc)
    .filter((k) => !shape.fileKeys.has(k))
    .map((k) => `${file}: unknown key "${k}"`);
  for (const k of ['test', 'source'])
    if (typeof doc[k] !== 'string' || doc[k] === '') out.push(`${file}: "${k}" must be a non-empty string`);
  if (shape.file) out.push(...shape.file(file, doc));
  if (!Array.isArray(doc.cases) || doc.cases.length === 0) return [...out, `${file}: "cases" must be a non-empty list`];
  const seen = new Set<string>();
  doc.cases.forEach((c: unknown, i: number) => {
    if (!isPlainObject(c)) {
      out.push(`${file}: case ${i} is not a mapping`);
      return;
    }
    const at = `${file}: case ${i} (${JSON.stringify(c.name)})`;
    if (typeof c.name !== 'string' || c.name === '') out.push(`${at}: "name" must be a non-empty string`);
    else if (seen.has(c.name)) out.push(`${at}: duplicate name`);
    else seen.add(c.name);
    for (const k of Object.keys(c)) if (!shape.caseKeys.has(k)) out.push(`${at}: unknown key "${k}"`);
    for (const k of CASE_STRINGS) if (k in c && typeof c[k] !== 'string') out.push(`${at}: "${k}" must be a string`);
    out.push(...shape.perCase(at, c));
  });
  return out;
}

const CREATE_FIXTURE: FixtureShape = { fileKeys: FIXTURE_KEYS, caseKeys: CASE_KEYS, perCase: fragmentProblems };

/** The problems of one parsed create fixture file (the shape above), empty when it has none. */
export function fixtureProblems(file: string, doc: unknown): string[] {
  return shapeProblems(file, doc, CREATE_FIXTURE);
}

/**
 * Every YAML file of `dir`, sorted by name, as fixtures of one kind; throws, listing every problem
 * `problemsOf` finds in any of them, when one is malformed.
 */
export function loadFixtureFiles<T extends { file: string }>(
  dir: string,
  problemsOf: (file: string, doc: unknown) => string[],
  kind: string,
): T[] {
  const problems: string[] = [];
  const fixtures = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const doc: unknown = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      problems.push(...problemsOf(file, doc));
      return { file, ...(doc as Omit<T, 'file'>) } as T;
    });
  if (problems.length > 0) throw new Error(`malformed ${kind}:\n${problems.join('\n')}`);
  return fixtures;
}

/** Every fixture file, sorted by name; throws, listing every problem, when one is malformed. */
export function loadFixtures(dir = FIXTURES_DIR): Fixture[] {
  return loadFixtureFiles<Fixture>(dir, fixtureProblems, 'fixtures');
}

/** The server's paths of a verdict, each once, in the server's order. */
export function oraclePaths(v: OracleResult): string[] {
  return [...new Set(v.causes.map((c) => c.path))];
}

/** The expectation to record for an oracle verdict. */
export function expectationOf(v: OracleResult): Expectation {
  return v.verdict === 'INVALID' ? { verdict: v.verdict, paths: oraclePaths(v) } : { verdict: v.verdict };
}

/** What the engine says about one case, in the terms of an expectation. */
export interface EngineAnswer {
  /** `VALID` when the engine has no issue, else `REJECTED`. */
  readonly verdict: 'VALID' | 'REJECTED';
  /** The engine's paths, each once, sorted. */
  readonly paths: readonly string[];
}

/** The engine's answer through the whole 1.27 create path (decode, defaulting, drops, validation). */
export function engineAnswer(manifest: unknown): EngineAnswer {
  const issues = validateForVersion(manifest, { kubernetesVersion: '1.27' }).errors;
  const paths = [...new Set(issues.map((i) => toFieldPath(i.path)))].sort();
  return { verdict: issues.length === 0 ? 'VALID' : 'REJECTED', paths };
}

/**
 * Whether the engine agrees with a recorded expectation: same verdict (any rejection for the
 * server's rejections), and for `INVALID` the same set of field paths.
 */
export function agrees(e: Expectation, a: EngineAnswer): boolean {
  if (e.verdict === 'VALID') return a.verdict === 'VALID';
  if (a.verdict === 'VALID') return false;
  if (e.verdict !== 'INVALID') return true;
  const want = [...new Set(e.paths ?? [])].sort();
  return want.length === a.paths.length && want.every((p, i) => p === a.paths[i]);
}

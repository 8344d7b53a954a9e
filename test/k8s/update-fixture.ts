import * as path from 'node:path';
import { planDaemonSet } from '../../src/plan';
import { toFieldPath } from '../../src/validate/issue';
import type { OracleUpdate } from '../support/oracle-update';
import {
  engineAnswer,
  FIXTURES_DIR,
  type FixtureShape,
  type Fragment,
  fragmentProblems,
  isPlainObject,
  loadFixtureFiles,
  manifestOf,
  shapeProblems,
} from './fixture';

/**
 * Kubernetes' table-driven update tests (TestValidateDaemonSetUpdate), translated into pairs of
 * DaemonSets (test/k8s/fixtures/update/): OLD is created and stored, NEW is sent as a PUT. Each
 * side is a fragment over the file's `base`, as a create case is over fixture.ts's base. The
 * expectation is what `k8s-oracle/run 1.27 --update OLD NEW` answers, recorded by
 * record-expectations.ts; the engine's answer comes from `planDaemonSet`, which runs the same
 * phases (decode, defaulting, PrepareForUpdate, ValidateUpdate).
 */

export const UPDATE_FIXTURES_DIR = path.join(FIXTURES_DIR, 'update');

/** What the oracle's update mode answered, as recorded in the fixture. */
export interface UpdateExpectation {
  /** `VALID`, `INVALID`, `OLDINVALID` (the server would not have stored OLD), `STRICT`, `DECODEERR`. */
  readonly verdict: string;
  /** `INVALID`: the server's field paths for NEW; `OLDINVALID`: those of OLD's create. Each once, in order. */
  readonly paths?: readonly string[];
  /** Whether the defaulted pod template changed (what rolls pods); absent when validation did not run. */
  readonly template?: 'changed' | 'same';
}

export interface UpdateCase {
  /** The Go case's name, prefixed with its table (`successCases`, `errorCases`). */
  readonly name: string;
  /** The Go test's verdict for ValidateDaemonSetUpdate alone: `valid`, or `invalid <field>`. */
  readonly go?: string;
  readonly old: Fragment;
  readonly new: Fragment;
  /** Why the API-server path gives another verdict than the Go function. */
  readonly note?: string;
  /** Set when the engine is known to disagree: why, and the upstream source line that decides. */
  readonly disagree?: string;
  readonly expect?: UpdateExpectation;
}

export interface UpdateFixture {
  readonly file: string;
  readonly test: string;
  readonly source: string;
  /** The Go test's common object, which both sides of every case start from. */
  readonly base: Record<string, unknown>;
  readonly cases: readonly UpdateCase[];
}

const FIXTURE_KEYS = new Set(['test', 'source', 'base', 'cases']);
const CASE_KEYS = new Set(['name', 'go', 'old', 'new', 'note', 'disagree', 'expect']);
const SIDE_KEYS = new Set(['metadata', 'spec', 'podMetadata', 'pod', 'container', 'remove']);

const UPDATE_FIXTURE: FixtureShape = {
  fileKeys: FIXTURE_KEYS,
  caseKeys: CASE_KEYS,
  file: (file, doc) => (isPlainObject(doc.base) ? [] : [`${file}: "base" must be a mapping (a DaemonSet)`]),
  perCase: (at, c) =>
    (['old', 'new'] as const).flatMap((side) => {
      const s = c[side];
      if (!isPlainObject(s)) return [`${at}: "${side}" must be a mapping (write {} for the base itself)`];
      return [
        ...Object.keys(s)
          .filter((k) => !SIDE_KEYS.has(k))
          .map((k) => `${at}: ${side}: unknown key "${k}"`),
        ...fragmentProblems(`${at}: ${side}`, s),
      ];
    }),
};

/**
 * The problems of one parsed update fixture, empty when it has the shape above. Unknown keys are
 * errors at every level, for the reason shapeProblems gives (a name cut at an unquoted `: `).
 */
export function updateFixtureProblems(file: string, doc: unknown): string[] {
  return shapeProblems(file, doc, UPDATE_FIXTURE);
}

/** Every update fixture file, sorted by name; throws, listing every problem, when one is malformed. */
export function loadUpdateFixtures(dir = UPDATE_FIXTURES_DIR): UpdateFixture[] {
  return loadFixtureFiles<UpdateFixture>(dir, updateFixtureProblems, 'update fixtures');
}

/** OLD and NEW of one case. */
export function pairOf(f: UpdateFixture, c: UpdateCase): [Record<string, any>, Record<string, any>] {
  return [manifestOf(c.old, f.base), manifestOf(c.new, f.base)];
}

/** The paths of an OLDINVALID line's causes (`VERDICT: path {Type: message} ;; …`), each once, in order. */
function oldCausePaths(details: string): string[] {
  const causes = details.slice(details.indexOf(': ') + 2);
  return [...new Set(causes.split(' ;; ').map((c) => c.slice(0, c.indexOf(' {'))))];
}

/** The expectation to record for an oracle update line. */
export function updateExpectationOf(v: OracleUpdate): UpdateExpectation {
  if (v.verdict === 'OLDINVALID' && v.details.startsWith('INVALID: '))
    return { verdict: v.verdict, paths: oldCausePaths(v.details) };
  const paths = v.verdict === 'INVALID' ? { paths: [...new Set(v.details.split(' ;; ').map(causePath))] } : {};
  return { verdict: v.verdict, ...paths, ...(v.template ? { template: v.template } : {}) };
}

const causePath = (c: string) => c.slice(0, c.indexOf(' {'));

/** What the engine says about one pair, in the terms of an update expectation. */
export interface EngineUpdateAnswer {
  /** `VALID`, `REJECTED` (NEW refused), or `OLDINVALID` (the create path refuses OLD). */
  readonly verdict: 'VALID' | 'REJECTED' | 'OLDINVALID';
  /** The refused side's field paths, each once, sorted. */
  readonly paths: readonly string[];
  /** Whether the plan restarts pods (the template changed); absent for OLDINVALID. */
  readonly template?: 'changed' | 'same';
  /** REJECTED by the strict decoder alone (codes `type/…`), as the server's 400s are. */
  readonly decode?: boolean;
}

/**
 * The engine's answer for one pair: OLD through the 1.27 create path first (the server stores
 * only what it accepts), then the pair through `planDaemonSet`, the update path of `plan`.
 */
export function engineUpdateAnswer(old: Record<string, any>, next: Record<string, any>): EngineUpdateAnswer {
  const created = engineAnswer(old);
  if (created.verdict !== 'VALID') return { verdict: 'OLDINVALID', paths: created.paths };
  const id = { namespace: old.metadata?.namespace ?? 'default', name: old.metadata?.name ?? '' };
  const plan = planDaemonSet(id, old, next, { kubernetesVersion: '1.27' });
  const paths = [...new Set(plan.rejected.map((r) => toFieldPath(r.path)))].sort();
  const template = plan.restart === 'all-nodes' || plan.restart === 'on-delete' ? 'changed' : 'same';
  const decode = plan.rejected.length > 0 && plan.rejected.every((r) => r.code.startsWith('type/'));
  return { verdict: paths.length === 0 ? 'VALID' : 'REJECTED', paths, template, decode };
}

/**
 * The engine's answer in the recorded expectation's terms, for comparing with it: the verdict
 * (a rejection by our strict decoder standing for the server's decode failure, whose paths the
 * oracle does not give), the path set of an `INVALID` or `OLDINVALID`, and whether the template
 * changed when the oracle says.
 */
export function comparableAnswer(e: UpdateExpectation, a: EngineUpdateAnswer): UpdateExpectation {
  if (a.verdict === 'OLDINVALID')
    return e.paths ? { verdict: 'OLDINVALID', paths: a.paths } : { verdict: 'OLDINVALID' };
  const template = e.template ? { template: a.template } : {};
  if (a.verdict === 'VALID') return { verdict: 'VALID', ...template };
  if (a.decode && (e.verdict === 'STRICT' || e.verdict === 'DECODEERR')) return { verdict: e.verdict, ...template };
  if (e.verdict === 'INVALID' && !a.decode) return { verdict: 'INVALID', paths: a.paths, ...template };
  return { verdict: a.decode ? 'REJECTED while decoding' : 'REJECTED by validation', paths: a.paths, ...template };
}

/** The recorded expectation, normalised as comparableAnswer's (paths sorted). */
export function comparableExpectation(e: UpdateExpectation): UpdateExpectation {
  return e.paths ? { ...e, paths: [...e.paths].sort() } : e;
}

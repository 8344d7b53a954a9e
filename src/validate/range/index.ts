import { gather, isValidatedKind, kindGate, validateManifestFor, visitRules } from '../engine';
import { compareIssues, type Issue } from '../issue';
import { field, str } from '../read';
import { defaultManifest, podSpecOf, semanticRules, type VersionResult } from '../pipeline';
import { dropDisabledFields } from '../phases/drop-disabled';
import { rolloutHazards } from '../phases/rollout-hazards';
import { podTemplateWarnings } from '../phases/warnings';
import type { Rule, RuleContext, RuleSet } from '../rule';
import { ALL_RULES } from '../rules';
import { definitionOf, manifestTypes, typesRules, zoneOffsetKeys } from '../rules/types';
import type { VersionProfile } from '../versions/profile';
import { SchemaDifferences } from './decode-groups';
import { ProfileReads, type Reads } from './reads';

/**
 * Range mode: the create path of several minors (validateWithProfile, pipeline.ts) for one
 * document, each phase run once per group of minors that cannot tell the document apart there and
 * its result handed to the whole group. The results are validateWithProfile's, minor by minor
 * (test/validate/range checks every fixture and corpus document that way):
 *  - strict decoding: once per group of minors whose schemas give the keys the document reaches
 *    the same types (decode-groups.ts); never shared when it finds an unknown field, whose message
 *    names the minor;
 *  - defaulting, dropping, each rule on each node, and the warnings: once per group of minors that
 *    agree on every gate, switch and option the run read (reads.ts). A rule that reads nothing of
 *    the profile runs once for all.
 * Eight minors then cost about what the distinct behaviours a document meets cost, instead of eight
 * times one.
 */

/** What stays the same for every document of one list of minors. */
interface Range {
  readonly profiles: readonly VersionProfile[];
  /** 0 … profiles.length - 1. */
  readonly all: readonly number[];
  /** Each minor's profile with its reads logged (`reads.views`), and the log. */
  readonly reads: ProfileReads;
  readonly schemas: SchemaDifferences;
}

const RANGES: Range[] = [];

function rangeOf(profiles: readonly VersionProfile[]): Range {
  for (const r of RANGES) {
    if (r.profiles.length === profiles.length && r.profiles.every((p, i) => p === profiles[i])) return r;
  }
  const range: Range = {
    profiles: [...profiles],
    all: profiles.map((_, m) => m),
    reads: new ProfileReads(profiles),
    schemas: new SchemaDifferences(profiles.map((p) => p.schema)),
  };
  // Ranges are few (a command checks one); a program making profiles with gate overrides in a loop
  // should not grow this without bound.
  if (RANGES.length >= 16) RANGES.shift();
  RANGES.push(range);
  return range;
}

/** A result computed once, and the minors (indexes into the range) it is theirs. */
interface Shared<T> {
  readonly value: T;
  readonly members: number[];
}

/**
 * `compute(m)` for each minor of `members`, run only for a minor that disagrees with every earlier
 * run on what that run read of the profile; `first` is true for the first run.
 */
function shareRuns<T>(
  range: Range,
  members: readonly number[],
  compute: (m: number, first: boolean) => T,
): Shared<T>[] {
  const runs: { reads: Reads; leader: number; value: T; members: number[] }[] = [];
  for (const m of members) {
    const same = runs.find((r) => range.reads.agree(r.reads, r.leader, m));
    if (same) {
      same.members.push(m);
      continue;
    }
    const mark = range.reads.mark();
    const value = compute(m, runs.length === 0);
    runs.push({ reads: range.reads.since(mark), leader: m, value, members: [m] });
  }
  return runs;
}

/** Phase 1, strict decoding, per minor: the decoder's issues (empty when it accepts the document). */
function decode(range: Range, manifest: unknown): (readonly Issue[])[] {
  const { profiles } = range;
  const decoded: (readonly Issue[])[] = new Array(profiles.length);
  const run = (m: number) => manifestTypes(manifest, [], { manifest, profile: profiles[m] });
  const apiVersion = str(field(manifest, 'apiVersion'));
  const kind = str(field(manifest, 'kind'));
  const roots = profiles.map((p) => (apiVersion && kind ? definitionOf(apiVersion, kind, p.schema) : undefined));
  const root = roots[0];
  const zones = zoneOffsetKeys(profiles, manifest); // groups: Go's time checks, then (one root for all) what the document reaches
  const keys =
    root !== undefined && roots.every((r) => r === root)
      ? range.schemas.keysOf(manifest, root)
      : profiles.map((_, m) => String(m));
  const leaders = new Map<string, number>();
  for (let m = 0; m < profiles.length; m++) {
    const group = keys[m] + zones[m];
    const leader = leaders.get(group);
    if (leader === undefined) {
      leaders.set(group, m);
      decoded[m] = run(m);
    } else {
      const found = decoded[leader];
      decoded[m] = found.some((i) => i.code === 'type/unknown-field') ? run(m) : found;
    }
  }
  return decoded;
}

/**
 * Phases 4-5 on one stored object for the minors that share it: each rule on each node runs for the
 * first minor, and again only for a minor that disagrees with every run so far on what it read.
 */
function validateStored(
  range: Range,
  stored: unknown,
  rules: readonly RuleSet[],
  members: readonly number[],
): Issue[][] {
  const gate = kindGate(stored);
  if (gate) return members.map(() => [gate]);
  const { reads } = range;
  const views = reads.views;
  const lists: Issue[][] = members.map(() => []);
  const memos = members.map(() => reads.memo());
  const contexts = (ctx: RuleContext, j: number): RuleContext => ({
    ...ctx,
    profile: views[members[j]],
    memo: memos[j],
  });
  visitRules(stored, gather(rules), views[members[0]], memos[0], (set, node, path, ctx) => {
    for (let r = 0; r < set.length; r++) {
      const rule: Rule = set[r];
      const mark = reads.mark();
      const found = rule(node, path, ctx);
      if (reads.none(mark)) {
        // Read nothing of the profile: every minor's result.
        if (found.length > 0) for (const l of lists) for (const i of found) l.push(i);
        continue;
      }
      const runs: { reads: Reads; leader: number; found: Issue[] }[] = [
        { reads: reads.since(mark), leader: members[0], found },
      ];
      for (const i of found) lists[0].push(i);
      for (let j = 1; j < members.length; j++) {
        const m = members[j];
        let same = runs.find((x) => reads.agree(x.reads, x.leader, m));
        if (!same) {
          const mk = reads.mark();
          const own = rule(node, path, contexts(ctx, j));
          same = { reads: reads.since(mk), leader: m, found: own };
          runs.push(same);
        }
        for (const i of same.found) lists[j].push(i);
      }
    }
  });
  return lists.map((l) => l.sort(compareIssues));
}

/**
 * validateWithProfile(manifest, p) for each p of `profiles`, in their order, sharing what the minors
 * cannot tell apart (see above).
 */
export function validateRange(
  manifest: unknown,
  profiles: readonly VersionProfile[],
  rules: readonly RuleSet[] = ALL_RULES,
): VersionResult[] {
  const range = rangeOf(profiles);
  range.reads.clear();
  const results: VersionResult[] = new Array(profiles.length);
  const all = range.all;
  const result = (m: number, errors: readonly Issue[], warnings: readonly Issue[]): void => {
    results[m] = { kubernetesVersion: profiles[m].version, errors, warnings };
  };
  if (!isValidatedKind(manifest)) {
    for (const g of shareRuns(range, all, (m) => validateManifestFor(manifest, rules, range.reads.views[m])))
      for (const m of g.members) result(m, g.value, []);
    return results;
  }
  const decoded = rules.includes(typesRules) ? decode(range, manifest) : undefined;
  const accepted: number[] = [];
  for (const m of all) {
    if (decoded && decoded[m].length > 0) result(m, decoded[m], []);
    else accepted.push(m);
  }
  const semantic = semanticRules(rules);
  let hazards: Issue[] | undefined;
  // Phase 2: defaulting, a fresh copy per group.
  for (const defaulted of shareRuns(range, accepted, (m) => defaultManifest(manifest, range.reads.views[m]))) {
    // Phase 3: dropDisabledFields works in place: the first run takes the group's copy, any other
    // a copy of its own, defaulted again (the same object: its minor agrees on the defaulting).
    const drops = shareRuns(range, defaulted.members, (m, first) => {
      const stored = first ? defaulted.value : defaultManifest(manifest, profiles[m]);
      const [spec, specPath] = podSpecOf(stored);
      return { stored, dropped: spec ? dropDisabledFields(spec, specPath, range.reads.views[m]) : [] };
    });
    for (const { value, members } of drops) {
      const { stored, dropped } = value;
      const errors = validateStored(range, stored, semantic, members);
      const clean: number[] = [];
      members.forEach((m, j) => {
        if (errors[j].length > 0) result(m, errors[j], dropped);
        else clean.push(m);
      });
      if (clean.length === 0) continue;
      // Phase 6: the server's warnings come only with an accepted object; ours likewise.
      hazards ??= rolloutHazards(manifest);
      const h = hazards;
      for (const w of shareRuns(range, clean, (m) => podTemplateWarnings(stored, range.reads.views[m])))
        for (const m of w.members) result(m, [], [...dropped, ...w.value, ...h]);
    }
  }
  return results;
}

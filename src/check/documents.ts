import type { PssLevel } from '../pss';
import { isValidatedKind, VALIDATED_KINDS } from '../validate/engine';
import { type Issue, toFieldPath } from '../validate/issue';
import { field, isObject, str } from '../validate/read';
import { validateWithProfile } from '../validate/pipeline';
import { validateRange } from '../validate/range';
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion, profileOf } from '../validate/versions';
import { versionRanges } from '../validate/versions/ranges';
import { fieldPositions, readYamlDocuments, type SourcedDocument } from '../yaml';
import type { CheckIssue, CheckResult, CheckStatus, VersionVerdict } from './result';

export interface CheckOptions {
  /** Also check a Pod Security Standards level. @default - none */
  readonly pss?: PssLevel;
  /** The minors to check for; more than one is range mode. @default ['1.27'] */
  readonly kubernetesVersions?: readonly KubernetesVersion[];
}

/** An issue of the engine, with the minors it occurs in when not all (range mode). */
type VersionedIssue = Issue & { readonly versions?: string };

/** The issues of every minor, each once, with the minors it occurs in when not all. */
function merged(per: readonly (readonly Issue[])[], versions: readonly KubernetesVersion[]): VersionedIssue[] {
  if (per.every((l) => l.length === 0)) return []; // most documents: nothing in any minor
  const seen = new Map<string, { i: Issue; in: KubernetesVersion[] }>();
  per.forEach((list, n) => {
    for (const i of list) {
      const k = `${toFieldPath(i.path)}\u0000${i.code}\u0000${i.message}`;
      const entry = seen.get(k) ?? { i, in: [] };
      entry.in.push(versions[n]);
      seen.set(k, entry);
    }
  });
  return [...seen.values()].map(({ i, in: where }) =>
    where.length === versions.length ? i : { ...i, versions: versionRanges(where) },
  );
}

const NO_ISSUES: readonly CheckIssue[] = [];

/** The exact reader words where a parse error is: `at line 4, column 3`. */
const AT_LINE = /at line (\d+), column (\d+)/;

/** A reader's error as an issue at the place it names, or at the document's start. */
function readIssue(doc: SourcedDocument, message: string, code: string): CheckIssue {
  const at = AT_LINE.exec(message);
  return at
    ? { path: '', code, message, line: Number(at[1]), column: Number(at[2]) }
    : { path: '', code, message, line: doc.line, column: 1 };
}

/**
 * Issues with field paths, placed where their fields are in the document's text: each list of
 * `lists` placed, the document parsed a second time at most once (range mode places the issues of
 * every minor, mostly the same paths) and not at all when every list is empty.
 */
function placedLists(doc: SourcedDocument, lists: readonly (readonly VersionedIssue[])[]): CheckIssue[][] {
  const paths = new Map<string, VersionedIssue['path']>();
  for (const l of lists) for (const i of l) paths.set(toFieldPath(i.path), i.path);
  if (paths.size === 0) return lists.map(() => NO_ISSUES as CheckIssue[]);
  const found = doc.source ? fieldPositions(doc.source, [...paths.values()]) : undefined;
  const at = new Map([...paths.keys()].map((k, n) => [k, found?.[n]]));
  return lists.map((l) =>
    l.length === 0
      ? (NO_ISSUES as CheckIssue[])
      : l.map((i) => {
          const path = toFieldPath(i.path);
          const position = at.get(path);
          const issue: CheckIssue = {
            path,
            code: i.code,
            message: i.message,
            line: position?.line ?? doc.line,
            column: position?.column ?? 1,
          };
          return i.versions === undefined ? issue : { ...issue, versions: i.versions };
        }),
  );
}

/**
 * Checks every document of a YAML stream: kinds the engine has rules for (VALIDATED_KINDS) through
 * the engine, which also judges their apiVersion; others skipped. The same engine runs at synth
 * time, so a file passes here exactly when the constructs would let it through.
 */
export function checkDocuments(file: string, text: string, options: CheckOptions = {}): CheckResult[] {
  const versions = options.kubernetesVersions ?? [DEFAULT_KUBERNETES_VERSION];
  const profiles = versions.map((v) => profileOf(v));
  const kubernetesVersion = versionRanges(versions);
  // One document read, checked and let go at a time.
  return Array.from(readYamlDocuments(text), (doc): CheckResult => {
    // Every result is built by one literal of one shape: ten thousand of them stay cheap to make and read.
    const result = (
      kind: string | undefined,
      name: string | undefined,
      status: CheckStatus,
      errors: readonly CheckIssue[],
      warnings: readonly CheckIssue[] = NO_ISSUES,
      byVersion: Record<string, VersionVerdict> | undefined = undefined,
    ): CheckResult => ({
      file,
      document: doc.index,
      line: doc.line,
      kind,
      name,
      status,
      errors,
      warnings,
      kubernetesVersion,
      byVersion,
    });
    if (doc.errors.length > 0) {
      return result(
        undefined,
        undefined,
        'unreadable',
        doc.errors.map((m) => readIssue(doc, m, 'yaml/parse-error')),
      );
    }
    const m = doc.value;
    if (!isObject(m)) {
      return result(undefined, undefined, 'unreadable', [
        readIssue(
          doc,
          `document starting at line ${doc.line} is not a mapping (an object with apiVersion and kind)`,
          'yaml/not-a-mapping',
        ),
      ]);
    }
    const kind = str(field(m, 'kind'));
    const name = str(field(m, 'metadata', 'name'));
    if (kind === undefined || !VALIDATED_KINDS.has(kind)) return result(kind, name, 'skipped', NO_ISSUES);
    let issues: VersionedIssue[];
    let warnings: VersionedIssue[];
    let perVersion: Array<{ errors: readonly Issue[]; warnings: readonly Issue[] }> | undefined;
    if (profiles.length === 1) {
      const r = validateWithProfile(m, profiles[0]);
      issues = [...r.errors];
      warnings = [...r.warnings];
    } else {
      perVersion = validateRange(m, profiles);
      issues = merged(
        perVersion.map((r) => r.errors),
        versions,
      );
      warnings = merged(
        perVersion.map((r) => r.warnings),
        versions,
      );
    }
    if (options.pss && isValidatedKind(m)) {
      // Loaded only when asked for: most runs don't check Pod Security, and start-up counts.
      const { checkPodSecurity } = require('../pss') as typeof import('../pss');
      const { exemptionsOf } = require('../pod-security') as typeof import('../pod-security');
      const { violations } = checkPodSecurity(m, { level: options.pss, exemptions: exemptionsOf(m) });
      for (const v of violations)
        issues.push({
          path: v.path,
          message: `violates PodSecurity "${options.pss}": ${v.message}`,
          code: `pss/${v.check}`,
        });
    }
    // Positions only for documents with issues: a valid document without warnings is never parsed a second time.
    const lists: (readonly VersionedIssue[])[] = [issues, warnings];
    if (perVersion) for (const r of perVersion) lists.push(r.errors, r.warnings);
    const [placedIssues, placedWarnings, ...placedPerVersion] = placedLists(doc, lists);
    let byVersion: Record<string, VersionVerdict> | undefined;
    if (perVersion) {
      byVersion = {};
      for (const [n, v] of versions.entries()) {
        byVersion[v] = {
          valid: perVersion[n].errors.length === 0,
          errors: placedPerVersion[2 * n],
          warnings: placedPerVersion[2 * n + 1],
        };
      }
    }
    if (issues.length === 0) return result(kind, name, 'valid', NO_ISSUES, placedWarnings, byVersion);
    return result(kind, name, 'invalid', placedIssues, placedWarnings, byVersion);
  });
}

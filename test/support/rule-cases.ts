import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../src/validate/issue';
import { type ValidateForVersionOptions, validateForVersion } from '../../src/validate/pipeline';
import { findOracle, runOracle } from './oracle';

/**
 * Table-driven rule cases, the way Kubernetes tests its validation: each case is a whole manifest
 * with the issues the rules under test must give (`path code` lines; none for an accepted one).
 * Where the k8s-oracle is present, every case is also sent through the real API server of its
 * minor: an accepted case must be `VALID` there and a rejected one `INVALID` with each expected
 * path among the server's causes (at least as many times), and the whole engine (all rules, after defaulting) must give
 * the same verdict. So a case cannot assert something the server does not do.
 */
export interface RuleCase {
  /** What the case shows, as a sentence. */
  readonly name: string;
  readonly manifest: unknown;
  /** The issues of the rules under test, as `path code` lines, in the engine's order. */
  readonly want: readonly string[];
  /** The exact message of the first issue, where the message is what the case guards. */
  readonly message?: string;
  /** The minor the case is for. @default '1.27' */
  readonly version?: string;
  /** The server's causes are exactly the expected paths, in any order (where how many issues is the point). */
  readonly sameCauses?: boolean;
  /** Why the server cannot judge this case (a Pod, a value the decoder rejects first); it then is not sent. */
  readonly notServer?: string;
}

/** What the rules under test give for a manifest at a minor: issues as `path code` and messages. */
export type IssuesAt = (manifest: unknown, version: string) => { lines: string[]; messages: string[] };

/** Issues of some rule sets through the whole pipeline (decode, defaulting, validation) of a minor. */
export function pipelineIssues(options: Omit<ValidateForVersionOptions, 'kubernetesVersion'>): IssuesAt {
  return (manifest, version) => {
    const errors = validateForVersion(manifest, { ...options, kubernetesVersion: version }).errors;
    return { lines: errors.map((i) => `${toFieldPath(i.path)} ${i.code}`), messages: errors.map((i) => i.message) };
  };
}

/** Defines one test per case, and (oracle present) one test checking every case against the server. */
export function ruleCases(title: string, cases: readonly RuleCase[], issuesAt: IssuesAt): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = issuesAt(c.manifest, c.version ?? '1.27');
      expect(got.lines).toEqual(c.want);
      if (c.message !== undefined) expect(got.messages[0]).toBe(c.message);
    });
    const oracle = findOracle();
    if (!oracle) console.warn(`NOTICE: ${title}: the k8s-oracle is absent (set K8S_SHARED), cases are not re-checked`);
    it.skipIf(!oracle)('agrees with the real API server on every case', () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-cases-'));
      try {
        const wrong: string[] = [];
        const byVersion = new Map<string, RuleCase[]>();
        for (const c of cases.filter((x) => x.notServer === undefined))
          byVersion.set(c.version ?? '1.27', [...(byVersion.get(c.version ?? '1.27') ?? []), c]);
        for (const [version, group] of byVersion) {
          const files = group.map((c, i) => {
            const file = path.join(tmp, `${version}-${i}.json`);
            fs.writeFileSync(file, JSON.stringify(c.manifest));
            return file;
          });
          runOracle(oracle!, version, files).forEach((v, i) => {
            const c = group[i];
            const engine = validateForVersion(c.manifest, { kubernetesVersion: version }).errors;
            const serverPaths = v.causes.map((x) => x.path);
            const wantPaths = c.want.map((w) => w.slice(0, w.lastIndexOf(' '))); // a path may hold a space
            // The server gives one cause per reason where we join the reasons into one issue, so a
            // path may appear more often there; `sameCauses` asks for the same paths, each as often.
            const count = (xs: readonly string[], p: string) => xs.filter((x) => x === p).length;
            const ok =
              c.want.length === 0
                ? v.verdict === 'VALID' && engine.length === 0
                : v.verdict === 'INVALID' &&
                  engine.length > 0 &&
                  (c.sameCauses
                    ? JSON.stringify([...serverPaths].sort()) === JSON.stringify([...wantPaths].sort())
                    : wantPaths.every((p) => count(serverPaths, p) >= count(wantPaths, p)));
            if (!ok)
              wrong.push(`${version} ${c.name}: server ${v.verdict} ${v.details}; engine ${engine.length} issues`);
          });
        }
        expect(wrong).toEqual([]);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
}

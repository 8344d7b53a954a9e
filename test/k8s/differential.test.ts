import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateForVersion } from '../../src/validate/pipeline';
import { formatIssue, type Issue } from '../../src/validate/issue';
import { CORPORA } from '../support/manifest';
import { findOracle, type OracleResult, runOracle } from '../support/oracle';
import { mutant, prng } from './mutate';
import { loadSeeds } from './seeds';

/**
 * Differential test against the real code: seeded mutants of the corpus DaemonSets, the engine's
 * verdict against the API server's create path of one minor, 1.27 unless K8S_DIFF_VERSION says
 * (shared/tools/k8s-oracle). Any difference is a bug in the engine (the oracle is the reference)
 * unless it is one of KNOWN below, each of which names the upstream line that decides and why the
 * engine differs for now.
 *
 * K8S_DIFF_MUTANTS (default 3000), K8S_DIFF_SEED (default 1) and K8S_DIFF_VERSION (the minor, default
 * 1.27) choose the run; a bigger run is
 * `K8S_DIFF_MUTANTS=50000 npx vitest run test/k8s/differential.test.ts`.
 */

const MUTANTS = Number(process.env.K8S_DIFF_MUTANTS ?? 3000);
const SEED = Number(process.env.K8S_DIFF_SEED ?? 1);
const VERSION = process.env.K8S_DIFF_VERSION ?? '1.27';
const ORACLE = findOracle();

if (!CORPORA || !ORACLE)
  console.warn(
    'NOTICE: differential.test.ts SKIPPED: it needs K8S_CORPORA (the corpora) and K8S_SHARED (the k8s-oracle)',
  );

interface Known {
  readonly why: string;
  readonly matches: (issues: readonly Issue[], oracle: OracleResult) => boolean;
}

/**
 * Differences the engine keeps on purpose, each with the upstream line that decides. None today: the
 * mutants keep their namespace (see mutate.ts), the one difference the fixtures explain.
 */
const KNOWN: readonly Known[] = [];

interface Case {
  readonly seed: string;
  readonly edits: readonly string[];
  readonly manifest: unknown;
}

describe.skipIf(!CORPORA || !ORACLE)(`differential: engine vs the ${VERSION} API server on seeded mutants`, () => {
  it(
    `agrees on ${MUTANTS} mutants of the corpus DaemonSets (seed ${SEED})`,
    () => {
      const seeds = loadSeeds(CORPORA!);
      expect(seeds.length).toBeGreaterThanOrEqual(30);
      const cases: Case[] = seeds.map((s) => ({ seed: s.name, edits: [], manifest: s.manifest }));
      for (let i = 0; i < MUTANTS; i++) {
        const s = seeds[i % seeds.length];
        const m = mutant(s.manifest, prng(SEED * 1_000_003 + i));
        cases.push({ seed: s.name, edits: m.edits, manifest: m.manifest });
      }
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-diff-'));
      let results: OracleResult[];
      try {
        const files = cases.map((c, i) => {
          const f = path.join(tmp, `${i}.json`);
          fs.writeFileSync(f, JSON.stringify(c.manifest));
          return f;
        });
        results = runOracle(ORACLE!, VERSION, files);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      const counts = { VALID: 0, REJECTED: 0, known: 0 };
      const knownHits = new Map<Known, number>();
      const disagreements: string[] = [];
      // One example per kind of disagreement: the engine's codes, or the server's causes when the engine accepts.
      const kinds = new Map<string, { count: number; example: string }>();
      cases.forEach((c, i) => {
        // The engine reads what the oracle reads: the JSON text, parsed.
        const issues = validateForVersion(JSON.parse(JSON.stringify(c.manifest)), {
          kubernetesVersion: VERSION,
        }).errors;
        const oracle = results[i];
        const serverValid = oracle.verdict === 'VALID';
        counts[serverValid ? 'VALID' : 'REJECTED']++;
        if (serverValid === (issues.length === 0)) return;
        if (KNOWN.some((k) => k.matches(issues, oracle))) {
          counts.known++;
          return;
        }
        const kind =
          issues.length > 0
            ? `engine rejects: ${[...new Set(issues.map((x) => x.code))].sort().join(' ')}`
            : `server rejects: ${oracle.verdict} ${[...new Set(oracle.causes.map((x) => `${x.path.replace(/\[\d+\]/g, '[]')} ${x.type}`))].join(' ')}`;
        const text = [
          `${c.seed} [${c.edits.join('; ')}]`,
          `  server: ${oracle.verdict} ${oracle.details.slice(0, 400)}`,
          `  engine: ${issues.length === 0 ? 'VALID' : issues.map((x) => formatIssue(x)).join(' | ')}`,
        ].join('\n');
        disagreements.push(text);
        const k = kinds.get(kind) ?? { count: 0, example: text };
        k.count++;
        kinds.set(kind, k);
      });
      console.log(
        `differential (${VERSION}, seed ${SEED}): ${cases.length} manifests (${seeds.length} seeds), server valid ${counts.VALID}, rejected ${counts.REJECTED}; ` +
          `${disagreements.length} disagreements, ${counts.known} known differences`,
      );
      for (const [k, n] of knownHits) console.log(`${n} known: ${k.why}`);
      for (const [kind, k] of kinds) console.log(`${k.count} x ${kind}\n${k.example}`);
      expect(disagreements.slice(0, 25).join('\n')).toBe('');
      expect(disagreements).toHaveLength(0);
    },
    Math.max(60_000, MUTANTS * 20),
  ); // a bigger run (K8S_DIFF_MUTANTS) gets the time it needs
});

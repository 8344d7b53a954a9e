import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateForVersion } from '../../src/validate/pipeline';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';
import { CORPORA } from '../support/manifest';
import { findOracle, runOracle } from '../support/oracle';
import { type Fixture, loadFixtures } from './_fixtures';
import { NOT_YET } from './_not-yet';

/**
 * Differential test: our verdict against the real API server's (k8s-oracle), minor by minor, on
 * real DaemonSets (K8S_CORPORA/daemonsets-in-the-wild) and on mutants of them. A mutant grafts the
 * pod-spec change of one or two research fixtures onto a real DaemonSet (seeded, so every run
 * builds the same set). Expected: no disagreement in verdict. Left out, and said so:
 *  - mutants built from a fixture whose rule is not ported for that minor (_not-yet.ts);
 *  - the namespace: the oracle needs one (kubectl fills in its context's), so every seed gets one.
 */
const ORACLE = findOracle();
const WILD = CORPORA ? path.join(CORPORA, 'daemonsets-in-the-wild') : undefined;
if (!ORACLE || !WILD)
  console.warn('differential.test.ts: k8s-oracle or K8S_CORPORA missing, the differential test is SKIPPED.');

type Obj = Record<string, unknown>;

/** mulberry32: a small seeded generator, so the mutants are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seeds(): Obj[] {
  return fs
    .readdirSync(WILD!)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const m = parse(fs.readFileSync(path.join(WILD!, f), 'utf8')) as Obj;
      const meta = (m.metadata ?? {}) as Obj;
      return { ...m, metadata: { ...meta, namespace: meta.namespace ?? 'kube-system' } };
    });
}

/** Grafts a fixture's change (its pod spec besides the stock container, its container's extra fields, its annotations). */
function graft(target: Obj, fixture: Fixture): void {
  const spec = ((target.spec as Obj).template as Obj).spec as Obj;
  const fxTemplate = ((fixture.manifest as Obj).spec as Obj).template as Obj;
  const fxSpec = fxTemplate.spec as Obj;
  for (const [k, v] of Object.entries(fxSpec)) {
    if (k !== 'containers') spec[k] = structuredClone(v);
  }
  const [fxFirst, ...fxMore] = fxSpec.containers as Obj[];
  const containers = spec.containers as Obj[];
  for (const [k, v] of Object.entries(fxFirst))
    if (k !== 'name' && k !== 'image') containers[0][k] = structuredClone(v);
  containers.push(...fxMore.map((c) => structuredClone(c)));
  const notes = ((fxTemplate.metadata as Obj).annotations ?? {}) as Obj;
  if (Object.keys(notes).length > 0) {
    const meta = ((target.spec as Obj).template as Obj).metadata as Obj;
    // The fixtures' annotations name their container "c": point them at the seed's first one.
    meta.annotations = Object.fromEntries(
      Object.entries(notes).map(([k, v]) => [k.replace(/\/c$/, `/${containers[0].name}`), v]),
    );
  }
}

function verdict(v: string): string {
  return v === 'DECODEERR' ? 'STRICT' : v;
}

const tables: string[] = [];
afterAll(() => {
  if (tables.length > 0)
    console.log(`differential test, verdicts that agree with the API server:\n${tables.join('\n')}`);
});

describe.skipIf(!ORACLE || !WILD)('our verdicts against the API server, minor by minor', () => {
  const fixtures = loadFixtures();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-'));
  // Thousands of files: on a loaded machine their removal outlasts the default 10 s hook timeout.
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }), 120_000);
  const random = rng(18);
  const docs: { name: string; manifest: Obj; from: string[] }[] = [];
  for (const [i, seed] of seeds().entries()) {
    docs.push({ name: `seed-${i}`, manifest: seed, from: [] });
    for (const f of fixtures) {
      const m = structuredClone(seed);
      graft(m, f);
      docs.push({ name: `seed-${i}-${f.name}`, manifest: m, from: [f.name] });
      // And a pair: this fixture with another one picked at random.
      const other = fixtures[Math.floor(random() * fixtures.length)];
      const pair = structuredClone(seed);
      graft(pair, f);
      graft(pair, other);
      docs.push({ name: `seed-${i}-${f.name}+${other.name}`, manifest: pair, from: [f.name, other.name] });
    }
  }
  const files = docs.map((d, i) => {
    const file = path.join(dir, `${i}.yaml`);
    fs.writeFileSync(file, stringify(d.manifest));
    return file;
  });

  it.each(SUPPORTED_KUBERNETES_VERSIONS)('%s: the same verdict on every document', (minor) => {
    const theirs = runOracle(ORACLE!, minor, files);
    const differing: string[] = [];
    let compared = 0;
    let left = 0;
    docs.forEach((d, i) => {
      if (d.from.some((f) => (NOT_YET[f] ?? '').split(' ').includes(minor))) {
        left++;
        return;
      }
      compared++;
      const r = validateForVersion(d.manifest, { kubernetesVersion: minor });
      const strict = r.errors.length > 0 && r.errors.every((e) => e.code.startsWith('type/'));
      const ours = r.errors.length === 0 ? 'VALID' : strict ? 'STRICT' : 'INVALID';
      if (ours !== verdict(theirs[i].verdict))
        differing.push(
          `${d.name}: ours ${ours} ${r.errors.map((e) => e.code).join(',')}, server ${theirs[i].verdict} ${theirs[i].details.slice(0, 300)}`,
        );
    });
    tables.push(
      `  ${minor}: ${compared - differing.length}/${compared} agree (${left} mutants of unported rows left out)`,
    );
    expect(differing).toEqual([]);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Issue } from '../../../src/validate/issue';
import { validateWithProfile } from '../../../src/validate/pipeline';
import { validateRange } from '../../../src/validate/range';
import { memoized, NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../../../src/validate/rule';
import { ALL_RULES } from '../../../src/validate/rules';
import { profileOf, SUPPORTED_KUBERNETES_VERSIONS, type VersionProfile } from '../../../src/validate/versions';
import { CORPORA, daemonSet } from '../../support/manifest';
import { loadFixtures } from '../../versions/_fixtures';

const ALL = SUPPORTED_KUBERNETES_VERSIONS.map((v) => profileOf(v));

if (!CORPORA) console.warn('range/index.test.ts: K8S_CORPORA is not set, so the corpora documents are SKIPPED.');

type Obj = Record<string, unknown>;

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

/** Every document of the files, as the YAML package reads them; unreadable ones are passed over. */
function documentsOf(files: readonly string[]): { name: string; manifest: unknown }[] {
  return files.flatMap((file) =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .filter((d) => d.errors.length === 0)
      .map((d, i) => ({ name: `${path.basename(file)}#${i}`, manifest: d.toJS() as unknown })),
  );
}

/** A fixture's pod spec (and its containers' extra fields) grafted onto a real DaemonSet: version differences on real workloads. */
function graft(seed: Obj, fixture: unknown): Obj {
  const m = structuredClone(seed);
  const spec = ((m.spec as Obj).template as Obj).spec as Obj;
  const fxSpec = (((fixture as Obj).spec as Obj).template as Obj).spec as Obj;
  for (const [k, v] of Object.entries(fxSpec)) if (k !== 'containers') spec[k] = structuredClone(v);
  const [first, ...more] = fxSpec.containers as Obj[];
  const containers = spec.containers as Obj[];
  for (const [k, v] of Object.entries(first)) if (k !== 'name' && k !== 'image') containers[0][k] = structuredClone(v);
  containers.push(...more.map((c) => structuredClone(c)));
  return m;
}

/** The range's results against each minor's own run: the same data, minor by minor. */
function disagreements(manifest: unknown, profiles: readonly VersionProfile[], rules?: readonly RuleSet[]): string[] {
  const got = validateRange(manifest, profiles, rules);
  const out: string[] = [];
  profiles.forEach((p, m) => {
    const alone = validateWithProfile(manifest, p, rules);
    try {
      expect(got[m]).toStrictEqual(alone);
    } catch {
      out.push(`${p.version}: range ${JSON.stringify(got[m])}, alone ${JSON.stringify(alone)}`);
    }
  });
  return out;
}

describe('range mode gives each minor exactly what it gives alone', () => {
  const fixtures = loadFixtures();

  it('on every version fixture, 1.27-1.34', () => {
    const differing = fixtures.flatMap((f) => disagreements(f.manifest, ALL).map((d) => `${f.name} ${d}`));
    expect(differing).toEqual([]);
    expect(fixtures.length).toBeGreaterThan(50);
  });

  it('on every version fixture, for a part of the range and for profiles with gate overrides', () => {
    const part = ALL.slice(2, 6);
    const overridden = [
      profileOf('1.29', { SidecarContainers: false }),
      profileOf('1.33', { ImageVolume: true }),
      ALL[7],
    ];
    const differing = fixtures.flatMap((f) => [
      ...disagreements(f.manifest, part).map((d) => `${f.name} ${d}`),
      ...disagreements(f.manifest, overridden).map((d) => `${f.name} ${d}`),
    ]);
    expect(differing).toEqual([]);
  });

  it("on every YAML document of the project's tests and examples", () => {
    const root = path.join(__dirname, '..', '..', '..');
    const docs = documentsOf([...yamlFiles(path.join(root, 'test')), ...yamlFiles(path.join(root, 'examples'))]);
    const differing = docs.flatMap((d) => disagreements(d.manifest, ALL).map((x) => `${d.name} ${x}`));
    expect(differing).toEqual([]);
    expect(docs.length).toBeGreaterThan(100);
  });

  // A few documents on which sharing a phase's result too widely shows, cheap enough for mutation runs
  // (which leave out the corpus test below).
  it.each([
    [
      'a wrong type beside a field only 1.34 knows: the minors that reject the field each name themselves',
      daemonSet((ds, _pod, c) => {
        ds.spec.minReadySeconds = 'x';
        c.restartPolicyRules = [];
      }),
    ],
    [
      'errors that the rules find out of path order (the selector before the object name)',
      daemonSet((ds) => {
        ds.metadata.name = 'Not_A_Name';
        ds.spec.template.metadata.labels = { app: 'other' };
      }),
    ],
    ['a Pod without a spec, which leaves nothing to drop', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }],
  ])('on %s', (_name, manifest) => {
    expect(validateRange(manifest, ALL).every((r) => r.errors.length > 0)).toBe(true);
    expect(disagreements(manifest, ALL)).toEqual([]);
  });

  // Left out of mutation runs (K8S_MUTATION_RUN, vitest.mutation.config.ts): 3,000 documents × 8 minors under
  // per-test coverage take minutes and exhaust the runner's heap; the tests above reach the same code.
  it.skipIf(!CORPORA || process.env.K8S_MUTATION_RUN)(
    'on every corpus document, and on each real DaemonSet with each fixture grafted on',
    () => {
      const docs = documentsOf(yamlFiles(CORPORA!));
      const seeds = documentsOf(yamlFiles(path.join(CORPORA!, 'daemonsets-in-the-wild'))).map((d) => d.manifest as Obj);
      for (const seed of seeds)
        for (const f of fixtures)
          docs.push({ name: `${f.name} on a real DaemonSet`, manifest: graft(seed, f.manifest) });
      const differing = docs.flatMap((d) => disagreements(d.manifest, ALL).map((x) => `${d.name} ${x}`));
      expect(differing).toEqual([]);
      expect(docs.length).toBeGreaterThan(3000);
    },
  );
});

describe('sharing between minors', () => {
  it('runs a rule that reads nothing of the profile once for every minor', () => {
    let calls = 0;
    const counted: Rule = () => {
      calls++;
      return NO_ISSUES;
    };
    validateRange(daemonSet(), ALL, [{ podSpec: [counted] }]);
    expect(calls).toBe(1);
  });

  it('runs a rule again for the minors whose gate value differs from the first run, and shares it with the rest', () => {
    let calls = 0;
    const sidecars: Rule = (_node, path, ctx) => {
      calls++;
      return ctx.profile.gates.SidecarContainers ? [{ path, code: 'test/sidecars', message: 'on' }] : NO_ISSUES;
    };
    const results = validateRange(daemonSet(), ALL, [{ podSpec: [sidecars] }]);
    expect(calls).toBe(2);
    expect(results.map((r) => r.errors.length)).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('counts a memoized value as read by every rule that takes it from the memo', () => {
    // The first rule computes the value from an option and reports nothing; the second only reads
    // the memo. Sharing the second rule's result between minors must follow the option.
    const key = {};
    const compute: Rule = (_node, _path, ctx) => {
      memoized(ctx, key, () => ctx.profile.options.AllowRelaxedEnvironmentVariableValidation);
      return NO_ISSUES;
    };
    const report: Rule = (_node, path, ctx) =>
      memoized(ctx, key, () => ctx.profile.options.AllowRelaxedEnvironmentVariableValidation)
        ? [{ path, code: 'test/relaxed', message: 'relaxed' }]
        : NO_ISSUES;
    const rules: RuleSet[] = [{ podSpec: [compute] }, { podSpec: [report] }];
    expect(disagreements(daemonSet(), ALL, rules)).toEqual([]);
    const codes = validateRange(daemonSet(), ALL, rules).map((r) => r.errors.map((i: Issue) => i.code).join());
    expect(codes).toEqual(['', '', '', '', '', 'test/relaxed', 'test/relaxed', 'test/relaxed']);
  });

  it('defaults a hostNetwork pod apart for 1.27, which copies containerPort to hostPort', () => {
    const ds = daemonSet((_ds, pod, c) => {
      pod.hostNetwork = true;
      c.ports = [{ containerPort: 8080 }];
    });
    const stored: unknown[] = [];
    const capture: Rule = (node) => {
      stored.push(node);
      return NO_ISSUES;
    };
    validateRange(ds, ALL, [{ container: [capture] }]);
    expect(stored).toHaveLength(2);
    expect(stored.map((c) => (c as { ports: Obj[] }).ports[0].hostPort)).toEqual([8080, undefined]);
  });

  it('gives each minor its own result for a document with an unknown field, whose message names the minor', () => {
    const ds = daemonSet((_ds, _pod, c) => {
      c.restartPolicyRules = [];
    });
    const results = validateRange(ds, ALL);
    expect(results[0].errors[0].message).toContain('this app targets 1.27');
    expect(results[6].errors[0].message).toContain('this app targets 1.33');
    expect(results[7].errors).toEqual([]);
    expect(disagreements(ds, ALL)).toEqual([]);
  });

  it('gives the results in the order of the profiles given', () => {
    const reversed = [...ALL].reverse();
    expect(validateRange(daemonSet(), reversed).map((r) => r.kubernetesVersion)).toEqual(
      reversed.map((p) => p.version),
    );
    expect(disagreements(daemonSet(), reversed, ALL_RULES)).toEqual([]);
  });

  it('decodes once for the minors whose schemas type the document alike, and hands them one error list', () => {
    const wrongType = daemonSet((ds) => {
      ds.spec.minReadySeconds = 'x';
    });
    const results = validateRange(wrongType, ALL);
    expect(results[0].errors.map((i) => i.code)).toEqual(['type/invalid-type']);
    expect(new Set(results.map((r) => r.errors)).size).toBe(1);
    // A container's restartPolicy is unknown to 1.27's decoder and typed alike from 1.28 on.
    const split = daemonSet((ds, _pod, c) => {
      ds.spec.minReadySeconds = 'x';
      c.restartPolicy = 'Always';
    });
    expect(new Set(validateRange(split, ALL).map((r) => r.errors)).size).toBe(2);
  });

  it("decodes apart the minors whose Go judges a time's zone offset apart, and only then", () => {
    // k8s-oracle: 1.27 accepts a +25:00 offset, 1.28-1.34 refuse it ("time zone offset hour out of range").
    const ds = daemonSet((d) => {
      // What the search for such times passes over before it: null, and undefined (which JSON leaves out).
      d.metadata.labels = null;
      d.metadata.annotations = { gone: undefined };
      d.metadata.creationTimestamp = '2023-04-11T09:30:00+25:00';
    });
    const results = validateRange(ds, ALL);
    expect(results[0].errors).toEqual([]);
    expect(results.slice(1).map((r) => r.errors.map((i) => i.code))).toEqual(
      ALL.slice(1).map(() => ['type/invalid-time']),
    );
    expect(disagreements(ds, ALL)).toEqual([]);
    // A time every minor takes alike leaves them one decoding: one error list for a wrong type.
    const alike = daemonSet((d) => {
      d.metadata.creationTimestamp = '2023-04-11T09:30:00+02:00';
      d.spec.minReadySeconds = 'x';
    });
    expect(new Set(validateRange(alike, ALL).map((r) => r.errors)).size).toBe(1);
  });

  it('checks a document of a kind it has no rules for once for every minor', () => {
    const results = validateRange({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, ALL);
    expect(results[0].errors.map((i) => i.code)).toEqual(['manifest/kind-unsupported']);
    expect(new Set(results.map((r) => r.errors)).size).toBe(1);
  });

  it('computes a memoized value once per minor that runs the rule computing it, and keeps it for the next rule', () => {
    let computed = 0;
    let reported = 0;
    const key = {};
    const relaxed = (ctx: RuleContext): boolean =>
      memoized(ctx, key, () => {
        computed++;
        return ctx.profile.options.AllowRelaxedEnvironmentVariableValidation;
      });
    const compute: Rule = (_node, _path, ctx) => {
      relaxed(ctx);
      return NO_ISSUES;
    };
    const report: Rule = (_node, path, ctx) => {
      reported++;
      return relaxed(ctx) ? [{ path, code: 'test/relaxed', message: 'relaxed' }] : NO_ISSUES;
    };
    validateRange(daemonSet(), ALL, [{ podSpec: [compute] }, { podSpec: [report] }]);
    // Two values of the option (1.27-1.31, 1.32-1.34): each rule runs twice, and computes the value once a minor.
    expect({ computed, reported }).toEqual({ computed: 2, reported: 2 });
  });
});

describe('the range of a list of minors', () => {
  it('gives each list its own results, however its profiles overlap with an earlier list', () => {
    const ds = daemonSet((_ds, pod, c) => {
      pod.hostNetwork = true;
      c.ports = [{ containerPort: 8080 }];
    });
    for (const list of [
      [ALL[0], ALL[7]],
      [ALL[0], ALL[6]],
      [ALL[7], ALL[0]],
      [ALL[0], ALL[7], ALL[5]],
    ]) {
      expect(validateRange(ds, list).map((r) => r.kubernetesVersion)).toEqual(list.map((p) => p.version));
      expect(disagreements(ds, list)).toEqual([]);
    }
  });

  it('is built once and kept for the last 16 lists: its rules see the same profile views', () => {
    const viewOf = (list: readonly VersionProfile[]): unknown => {
      let seen: unknown;
      const capture: Rule = (_node, _path, ctx) => {
        seen = ctx.profile;
        return NO_ISSUES;
      };
      validateRange(daemonSet(), list, [{ podSpec: [capture] }]);
      return seen;
    };
    const first = [ALL[1], ALL[0]];
    const view = viewOf(first);
    expect(viewOf(first)).toBe(view);
    viewOf([ALL[2], ALL[0]]);
    expect(viewOf(first)).toBe(view);
    // 15 more lists no test has used: 16 after the first, which leaves.
    const more = [
      [2, 1],
      [3, 0],
      [3, 1],
      [3, 2],
      [4, 0],
      [4, 1],
      [4, 2],
      [4, 3],
      [5, 0],
      [5, 1],
      [5, 2],
      [5, 3],
      [5, 4],
      [6, 0],
      [6, 1],
    ];
    for (const [a, b] of more) viewOf([ALL[a], ALL[b]]);
    const again = viewOf(first);
    expect(again).not.toBe(view);
    expect(again).toEqual(view);
  });
});

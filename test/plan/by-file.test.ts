import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextOf, finishPlan, pairFiles, planPairs, planSides } from '../../src/plan/by-file';
import { planTexts } from '../../src/plan/plan';
import type { SideSource, SideText } from '../../src/plan/sides';
import { groupPairs, outcomesInWorkers, planInThreads } from '../../src/plan/threads';

/**
 * Planning pair by pair, on one thread or several, must give planTexts' result (the reference)
 * exactly: the same DaemonSets in the same order, the same errors in the same order.
 */

/** The worker as the CLI runs it: compiled (`npm test` builds first). */
const WORKER = path.join(__dirname, '..', '..', 'lib', 'plan', 'pairs-worker.js');
const OPTIONS = { kubernetesVersion: '1.30', nodes: 40 };

function ds(name: string, opts: { namespace?: string; image?: string; selector?: string; extra?: string } = {}) {
  const ns = opts.namespace ? `  namespace: ${opts.namespace}\n` : '';
  const app = opts.selector ?? name;
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
${ns}spec:
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
        - name: c
          image: ${opts.image ?? 'agent:1.0'}${opts.extra ?? ''}
`;
}
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
const DEPLOYMENT_V1BETA = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: legacy}\n';
const docs = (...d: string[]) => d.join('---\n');
/** A text keyed by its base name, so `old/a.yaml` pairs with `new/a.yaml`. */
const text = (name: string, t: string, key = path.basename(name)): SideText => ({ name, text: t, key });

/** Two sides with every case the pairing has to get right, none a duplicate. */
function fleet(): { old: SideText[]; fresh: SideText[] } {
  const old = [
    text('old/a.yaml', docs(ds('a1'), CONFIG_MAP, ds('a2'), ds('moved-a-to-b'), ds('ns', { namespace: 'one' }))),
    text('old/b.yaml', docs(ds('b1', { image: 'agent:2' }), DEPLOYMENT_V1BETA, ds('sel'))),
    text('old/only-old.yaml', docs(ds('gone'), ds('to-new-file'))),
    text('old/broken.yaml', docs(ds('x1'), 'a: [\n', ds('x2'))),
    { name: 'old/unreadable.yaml', key: 'unreadable.yaml', error: 'cannot read: EACCES' },
    text('old/c.yaml', docs(ds('c1'), ds('renamed-file'))),
  ];
  const fresh = [
    text('new/a.yaml', docs(ds('a1', { image: 'agent:1.1' }), ds('a2'), ds('ns', { namespace: 'two' }), '- a list\n')),
    text(
      'new/b.yaml',
      docs(ds('moved-a-to-b', { image: 'agent:3' }), ds('b1', { image: 'agent:2' }), ds('sel', { selector: 'other' })),
    ),
    text('new/broken.yaml', docs(ds('x1'), ds('x2', { extra: '\n          ports: [{containerPort: 0}]' }))),
    text(
      'new/only-new.yaml',
      docs(ds('born', { extra: '\n          ports: [{containerPort: 99999}]' }), CONFIG_MAP, ds('to-new-file')),
    ),
    text('new/d.yaml', docs(ds('renamed-file', { image: 'agent:9' }), ds('c1'))),
  ];
  return { old, fresh };
}

describe('planSides: pair by pair on one thread', () => {
  it('gives planTexts plan and errors on moves, renames, other kinds, unreadable documents and files', () => {
    const { old, fresh } = fleet();
    const reference = planTexts(old, fresh, OPTIONS);
    // The cases are there: moved DaemonSets matched across pairs, errors of both sides.
    const changes = Object.fromEntries(reference.plan.daemonSets.map((p) => [`${p.namespace}/${p.name}`, p.change]));
    expect(changes).toMatchObject({
      'default/moved-a-to-b': 'changed',
      'default/to-new-file': 'unchanged',
      'default/renamed-file': 'changed',
      'default/c1': 'unchanged',
      'default/gone': 'removed',
      'default/born': 'added',
      'one/ns': 'removed',
      'two/ns': 'added',
    });
    expect(reference.plan.summary.rejected).toBe(3);
    expect(reference.errors).toHaveLength(3);
    expect(planSides(old, fresh, OPTIONS)).toEqual(reference);
  });

  it('matches DaemonSets left by their pairs across every pair, not only the next', () => {
    const { old, fresh } = fleet();
    const outcome = planPairs(pairFiles(old, fresh), contextOf(OPTIONS));
    expect(outcome.duplicate).toBe(false);
    expect(outcome.newLeft.map(([id]) => id).sort()).toEqual([
      'default/born',
      'default/c1',
      'default/moved-a-to-b',
      'default/renamed-file',
      'default/to-new-file',
      'two/ns',
    ]);
    // The planned ones were matched in their pair: a1, a2, b1, sel, x1, x2.
    expect(outcome.planned.map(([id]) => id).sort()).toEqual(
      ['a1', 'a2', 'b1', 'sel', 'x1', 'x2'].map((n) => `default/${n}`),
    );
  });

  it('pairs by key where names differ (a committed dist/ and a fresh synth)', () => {
    const old = [text('HEAD:dist/a.yaml', ds('a', { image: 'agent:1' }), 'dist/a.yaml')];
    const fresh = [text('dist/a.yaml', ds('a', { image: 'agent:2' }), 'dist/a.yaml')];
    expect(pairFiles(old, fresh)).toHaveLength(1);
    expect(planSides(old, fresh, OPTIONS)).toEqual(planTexts(old, fresh, OPTIONS));
  });

  it.each([
    ['twice in one old file', [docs(ds('d'), ds('d'))], [ds('d', { image: 'agent:2' })]],
    // OLD is read as far as NEW needs: the second definition is found after both were planned.
    ['twice in one old file, after the pair matched', [docs(ds('a'), ds('b'), ds('a'))], [docs(ds('a'), ds('b'))]],
    ['twice in one old file, before the one NEW looks for', [docs(ds('x'), ds('x'), ds('y'))], [ds('y')]],
    [
      'in two old files',
      [ds('d'), docs(ds('d', { image: 'agent:0' }), ds('e'))],
      [ds('d', { image: 'agent:2' }), ds('e')],
    ],
    [
      'in two new files',
      [ds('d'), ds('e')],
      [ds('e', { image: 'agent:2' }), docs(ds('d', { image: 'agent:3' }), ds('d'))],
    ],
  ])('falls back to planTexts for a DaemonSet defined %s, errors included', (_what, oldTexts, newTexts) => {
    const old = oldTexts.map((t, i) => text(`old/${i}.yaml`, t, `${i}.yaml`));
    const fresh = newTexts.map((t, i) => text(`new/${i}.yaml`, t, `${i}.yaml`));
    const reference = planTexts(old, fresh, OPTIONS);
    expect(reference.errors.join('\n')).toMatch(/also defined at/);
    expect(planPairs(pairFiles(old, fresh), contextOf(OPTIONS)).duplicate).toBe(true);
    expect(planSides(old, fresh, OPTIONS)).toEqual(reference);
  });

  it('reads files as their pair comes, naming the file in its errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-by-file-'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), ds('a'));
    fs.writeFileSync(path.join(dir, 'big.yaml'), docs(ds('big'), ds('big2')));
    const file = (name: string): SideSource => ({
      name,
      key: 'a.yaml',
      file: path.join(dir, name),
      maxBytes: ds('a').length + 10,
    });
    const r = planSides([file('a.yaml')], [file('big.yaml')], OPTIONS);
    expect(r.errors).toEqual([expect.stringMatching(/^big\.yaml: input is .* over the .* limit/)]);
    expect(r).toEqual(
      planTexts([text('a.yaml', ds('a'))], [{ name: 'big.yaml', error: r.errors[0].slice(10) }], OPTIONS),
    );
  });
});

describe('planInThreads', () => {
  it('groups pairs by size, each pair in one group, in pair order', () => {
    const { old, fresh } = fleet();
    const pairs = pairFiles(old, fresh);
    const groups = groupPairs(pairs, 3);
    expect(groups).toHaveLength(3);
    expect(groups.flat()).toHaveLength(pairs.length);
    expect(new Set(groups.flat())).toEqual(new Set(pairs));
    for (const g of groups) expect(g).toEqual(pairs.filter((p) => g.includes(p)));
    expect(groups.every((g) => g.length > 0)).toBe(true);
  });

  it('balances the groups by the size of texts, of texts read in pieces and of files not read yet', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-sizes-'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'x'.repeat(1000));
    const file = { name: 'f', key: 'f', file: path.join(dir, 'a.yaml'), maxBytes: 10 };
    const pieces = {
      name: 'p',
      key: 'p',
      pieces: [
        { text: 'y'.repeat(600), line: 1 },
        { text: 'z'.repeat(390), line: 2 },
      ],
    };
    const small = text('t', 'abc');
    const pairs = pairFiles([small, pieces, file], []);
    // 1000 alone; 990 + 3 together.
    expect(groupPairs(pairs, 2).map((g) => g.map((p) => p.old?.source.name))).toEqual([['f'], ['t', 'p']]);
  });

  it('plans each group in a worker thread, as this thread would', async () => {
    expect(fs.existsSync(WORKER)).toBe(true);
    const { old, fresh } = fleet();
    const groups = groupPairs(pairFiles(old, fresh), 2);
    const outcomes = await outcomesInWorkers(groups, OPTIONS, WORKER);
    expect(outcomes).toEqual(groups.map((g) => planPairs(g, contextOf(OPTIONS))));
    const context = contextOf(OPTIONS);
    expect(finishPlan(outcomes as never, OPTIONS, context)).toEqual(planTexts(old, fresh, OPTIONS));
  });

  it.each([2, 3, 7])('gives planTexts plan and errors on %i threads', async (threads) => {
    const { old, fresh } = fleet();
    expect(await planInThreads(old, fresh, OPTIONS, threads, WORKER)).toEqual(planTexts(old, fresh, OPTIONS));
  });

  it('falls back to planTexts for a DaemonSet defined in two groups', async () => {
    const { old, fresh } = fleet();
    const twice = [...old, text('old/z.yaml', ds('a1', { image: 'agent:0' }))];
    const reference = planTexts(twice, fresh, OPTIONS);
    expect(reference.errors.join('\n')).toMatch(
      /old\/z\.yaml:1: DaemonSet default\/a1 is also defined at old\/a\.yaml:1/,
    );
    expect(await planInThreads(twice, fresh, OPTIONS, 2, WORKER)).toEqual(reference);
  });

  it('plans the group of a worker that cannot start on this thread', async () => {
    const { old, fresh } = fleet();
    const missing = path.join(os.tmpdir(), 'no-such-plan-worker.js');
    expect(await outcomesInWorkers([pairFiles(old, fresh)], OPTIONS, missing)).toEqual([undefined]);
    expect(await planInThreads(old, fresh, OPTIONS, 2, missing)).toEqual(planTexts(old, fresh, OPTIONS));
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOracle, oracleUpdate } from '../support/oracle-update';
import {
  comparableAnswer,
  comparableExpectation,
  engineUpdateAnswer,
  loadUpdateFixtures,
  pairOf,
  updateExpectationOf,
} from './update-fixture';

/**
 * Kubernetes' update validation tests (test/k8s/fixtures/update/) against the engine's update
 * path (`planDaemonSet`: decode, defaulting, PrepareForUpdate, ValidateUpdate). Each case's
 * recorded expectation is the 1.27 API server's answer for the pair (`k8s-oracle --update`): the
 * verdict, the field paths of a 422 (of OLD's create when the server would not have stored OLD),
 * and whether the pod template changed; the engine must give the same, unless the case says why
 * it disagrees (`disagree`), in which case it must still disagree. Where the oracle can run here,
 * the recorded expectations are checked against it first.
 */

const COPY = 'luoqr96/kubernetes@955b60dc79d09a3d692d4e30f109829fbadbcd23 pkg/apis/apps/validation/validation_test.go';

const CUT_NAME = `test: TestX
source: somewhere
base: {apiVersion: apps/v1, kind: DaemonSet}
cases:
  - name: change template
    old: {}
    new:
      pod: {nodeName: xyz}
`;

const fixtures = loadUpdateFixtures();
const tally: string[] = [];

afterAll(() => console.log(`Kubernetes update validation tests as DaemonSet pairs (1.27):\n${tally.join('\n')}`));

describe('update fixtures', () => {
  const withFile = (text: string, check: (dir: string) => void) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-update-fixtures-bad-'));
    try {
      fs.writeFileSync(path.join(tmp, 'TestX.yaml'), text);
      check(tmp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };

  it('load a well-formed file', () =>
    withFile(CUT_NAME, (dir) =>
      expect(loadUpdateFixtures(dir)[0].cases.map((c) => c.name)).toEqual(['change template']),
    ));

  it('are refused when a case, a side or the file has a key the loader does not know', () => {
    withFile(CUT_NAME.replace('  - name: change template', '  - name: change template\n    selector: {}'), (dir) =>
      expect(() => loadUpdateFixtures(dir)).toThrow('TestX.yaml: case 0 ("change template"): unknown key "selector"'),
    );
    withFile(CUT_NAME.replace('pod: {nodeName: xyz}', 'pods: {nodeName: xyz}'), (dir) =>
      expect(() => loadUpdateFixtures(dir)).toThrow('case 0 ("change template"): new: unknown key "pods"'),
    );
    withFile(`${CUT_NAME}extra: 1\n`, (dir) => expect(() => loadUpdateFixtures(dir)).toThrow('unknown key "extra"'));
  });

  it('are refused when a side is missing or a fragment has the wrong shape', () => {
    withFile(CUT_NAME.replace('    old: {}\n', ''), (dir) =>
      expect(() => loadUpdateFixtures(dir)).toThrow('"old" must be a mapping'),
    );
    withFile(CUT_NAME.replace('pod: {nodeName: xyz}', 'pod: [x]'), (dir) =>
      expect(() => loadUpdateFixtures(dir)).toThrow('new: "pod" must be a mapping'),
    );
    withFile(CUT_NAME.replace('base: {apiVersion: apps/v1, kind: DaemonSet}\n', ''), (dir) =>
      expect(() => loadUpdateFixtures(dir)).toThrow('"base" must be a mapping'),
    );
  });

  it('name their Go source and have a recorded expectation for every case', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const f of fixtures) {
      expect(f.source.startsWith(`${COPY} (`), `${f.file}: ${f.source}`).toBe(true);
      expect(f.file).toBe(`${f.test}.yaml`);
      for (const c of f.cases) expect(c.expect, `${f.file}: ${c.name}`).toBeDefined();
    }
  });
});

const run = findOracle();
if (!run)
  console.warn(
    'NOTICE: k8s update fixtures: the 1.27 oracle is absent (set K8S_SHARED), recorded expectations are not re-checked',
  );

describe.skipIf(!run)('recorded update expectations are the 1.27 oracle --update', () => {
  it.each(fixtures.map((f) => [f.test, f] as const))('%s', (_test, f) => {
    const verdicts = oracleUpdate(
      run!,
      '1.27',
      f.cases.map((c) => pairOf(f, c)),
    );
    const stale = f.cases.flatMap((c, i) => {
      const now = updateExpectationOf(verdicts[i]);
      return JSON.stringify(now) === JSON.stringify(c.expect)
        ? []
        : [`${c.name}: recorded ${JSON.stringify(c.expect)}, oracle ${JSON.stringify(now)}`];
    });
    expect(stale).toEqual([]);
  });
});

for (const f of fixtures) {
  describe(`${f.test} (${f.source.split(' ')[0]})`, () => {
    let agree = 0;
    let explained = 0;
    afterAll(() => tally.push(`${f.test.padEnd(36)} ${f.cases.length} pairs  ${agree} agree  ${explained} explained`));
    it.each(f.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const want = comparableExpectation(c.expect!);
      const got = comparableAnswer(want, engineUpdateAnswer(...pairOf(f, c)));
      if (c.disagree) {
        explained++;
        expect(got, `"${c.name}" now agrees: remove its disagree note`).not.toEqual(want);
        return;
      }
      expect(got).toEqual(want);
      agree++;
    });
  });
}

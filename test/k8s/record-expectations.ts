/**
 * Writes each fixture case's `expect` from the 1.27 oracle (`npx tsx test/k8s/record-expectations.ts`,
 * with K8S_SHARED set): create cases (fixtures/) from its create mode, update cases
 * (fixtures/update/) from `--update`. The expectations are the real API server's answers, never
 * the engine's: this script never calls the engine. Comments and layout of the fixture files
 * are kept.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { findOracle, runOracle } from '../support/oracle';
import { oracleUpdate } from '../support/oracle-update';
import { expectationOf, FIXTURES_DIR, loadFixtures, manifestOf } from './fixture';
import { loadUpdateFixtures, pairOf, UPDATE_FIXTURES_DIR, updateExpectationOf } from './update-fixture';

const run = findOracle();
if (!run) {
  console.error('record-expectations: the oracle is not available (set K8S_SHARED to the shared/ folder)');
  process.exit(2);
}

/** Sets each case's `expect` in a fixture file, keeping the rest of its text. */
function record(file: string, expectations: readonly object[]): void {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  const cases = doc.get('cases');
  if (!isSeq(cases)) throw new Error(`${file}: no cases`);
  cases.items.forEach((item, i) => {
    const e = expectations[i];
    if (!e || !isMap(item)) throw new Error(`${file}: case ${i} has no answer`);
    item.set('expect', doc.createNode(e));
  });
  fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  console.log(`${path.relative(FIXTURES_DIR, file)}: ${cases.items.length} cases`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-fixtures-'));
try {
  for (const fixture of loadFixtures()) {
    const files = fixture.cases.map((c, i) => {
      const f = path.join(tmp, `${fixture.test}-${i}.json`);
      fs.writeFileSync(f, JSON.stringify(manifestOf(c)));
      return f;
    });
    record(path.join(FIXTURES_DIR, fixture.file), runOracle(run, '1.27', files).map(expectationOf));
  }
  for (const fixture of loadUpdateFixtures()) {
    const answers = oracleUpdate(
      run,
      '1.27',
      fixture.cases.map((c) => pairOf(fixture, c)),
    );
    record(path.join(UPDATE_FIXTURES_DIR, fixture.file), answers.map(updateExpectationOf));
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

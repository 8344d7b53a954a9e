/**
 * Writes each fixture case's `expect` from the 1.27 oracle (`npx tsx test/k8s/record-expectations.ts`,
 * with K8S_SHARED set). The expectations are the real API server's answers, never the engine's:
 * this script does not import the engine. Comments and layout of the fixture files are kept.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { findOracle, runOracle } from '../support/oracle';
import { expectationOf, FIXTURES_DIR, loadFixtures, manifestOf } from './fixture';

const run = findOracle();
if (!run) {
  console.error('record-expectations: the oracle is not available (set K8S_SHARED to the shared/ folder)');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-fixtures-'));
try {
  for (const fixture of loadFixtures()) {
    const files = fixture.cases.map((c, i) => {
      const f = path.join(tmp, `${fixture.test}-${i}.json`);
      fs.writeFileSync(f, JSON.stringify(manifestOf(c)));
      return f;
    });
    const verdicts = runOracle(run, '1.27', files);
    const file = path.join(FIXTURES_DIR, fixture.file);
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    const cases = doc.get('cases');
    if (!isSeq(cases)) throw new Error(`${fixture.file}: no cases`);
    cases.items.forEach((item, i) => {
      const v = verdicts[i];
      if (!v || !isMap(item)) throw new Error(`${fixture.file}: case ${i} has no answer`);
      item.set('expect', doc.createNode(expectationOf(v)));
    });
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
    console.log(`${fixture.file}: ${cases.items.length} cases`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

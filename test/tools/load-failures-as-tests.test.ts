import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunnerTestFile } from 'vitest';
import { describe, expect, it } from 'vitest';
import { addLoadFailureTest, LoadFailuresAsTests } from '../../stryker/load-failures-as-tests';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A finished test file as vitest's state holds it: failed on import (no tasks), or with its tests. */
function testFile(state: 'pass' | 'fail', tests: { name: string; state: 'pass' | 'fail' }[] = []): RunnerTestFile {
  const file: any = {
    type: 'suite',
    id: `id-${tests.length}`,
    name: 'test/validate/x.test.ts',
    mode: 'run',
    filepath: path.resolve('test/validate/x.test.ts'),
    meta: {},
    tasks: [],
    result: { state, errors: state === 'fail' ? [{ message: 'Cannot convert a BigInt value to a number' }] : [] },
  };
  file.file = file;
  for (const t of tests) {
    file.tasks.push({
      type: 'test',
      id: t.name,
      name: t.name,
      mode: 'run',
      file,
      suite: file,
      result: { state: t.state },
    });
  }
  return file;
}

/** The two helpers with which Stryker's vitest runner turns vitest's state into a mutant's result. */
async function strykerHelpers(): Promise<{
  collectTestsFromSuite: (f: RunnerTestFile) => any[];
  convertTestToTestResult: (t: any) => { status: number; name: string; failureMessage?: string };
}> {
  const require = createRequire(path.resolve('package.json'));
  const dir = path.dirname(require.resolve('@stryker-mutator/vitest-runner/package.json'));
  return import(pathToFileURL(path.join(dir, 'dist/src/vitest-helpers.js')).href);
}
const FAILED = 1; // TestStatus.Failed of @stryker-mutator/api

describe('a mutation run counts a test file that fails to load (stryker/load-failures-as-tests.ts)', () => {
  it('gives a file that failed before collecting a test one failed test with its error, which Stryker reads as a failure', async () => {
    const { collectTestsFromSuite, convertTestToTestResult } = await strykerHelpers();
    const file = testFile('fail');
    expect(collectTestsFromSuite(file)).toEqual([]);
    new LoadFailuresAsTests().onFinished([file]);
    const results = collectTestsFromSuite(file).map(convertTestToTestResult);
    expect(results.map((r) => [r.status, r.name, r.failureMessage])).toEqual([
      [FAILED, 'test/validate/x.test.ts the test file loads', 'Cannot convert a BigInt value to a number'],
    ]);
  });

  it('leaves a file that loaded as it is, whether its tests passed or failed', () => {
    const passed = testFile('pass', [{ name: 'a', state: 'pass' }]);
    const failed = testFile('fail', [{ name: 'b', state: 'fail' }]);
    addLoadFailureTest(passed);
    addLoadFailureTest(failed);
    expect(passed.tasks.map((t) => t.name)).toEqual(['a']);
    expect(failed.tasks.map((t) => t.name)).toEqual(['b']);
  });

  it('adds nothing to a file that passed with no test', () => {
    const empty = testFile('pass');
    addLoadFailureTest(empty);
    expect(empty.tasks).toEqual([]);
  });
});

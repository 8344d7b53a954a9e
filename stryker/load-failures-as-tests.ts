import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter } from 'vitest/reporters';

/**
 * Gives a test file that failed before any of its tests was collected (an import threw) one failed
 * test carrying the file's error; a file that loaded is left as it is.
 *
 * Stryker's vitest runner builds a mutant's result from the collected tests alone
 * (@stryker-mutator/vitest-runner 9.6.1, `VitestTestRunner.run`: `collectTestsFromSuite` of each
 * file), so a mutant that stops one of our modules from loading fails every test file that imports
 * it and still counts as Survived (stryker-js#6150): `INT64_MIN = +(2n ** 63n)` throws a TypeError
 * on import, for one. With the test added here such a mutant is Killed, and a test file that cannot
 * load fails the dry run instead of dropping out of it.
 */
export function addLoadFailureTest(file: RunnerTestFile): void {
  if (file.result?.state !== 'fail' || file.tasks.length > 0) return;
  // A finished test as vitest reports one; `context` exists only while a test runs.
  const test: Omit<RunnerTestCase, 'context'> = {
    type: 'test',
    id: `${file.id}_load`,
    name: 'the test file loads',
    mode: 'run',
    meta: {},
    file,
    suite: file,
    timeout: 0,
    annotations: [],
    result: { state: 'fail', errors: file.result.errors ?? [] },
  };
  file.tasks.push(test as RunnerTestCase);
}

/** vitest.mutation.config.ts's reporter: addLoadFailureTest for each file, once the run has finished. */
export class LoadFailuresAsTests implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    for (const file of files) addLoadFailureTest(file);
  }
}

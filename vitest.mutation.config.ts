import { defineConfig } from 'vitest/config';
import { LoadFailuresAsTests } from './stryker/load-failures-as-tests';

// The tests Stryker runs against each mutant of src/validate/ (npm run mutation): the rule tests,
// Kubernetes' own cases as fixtures and the per-minor fixtures. The oracle re-checks and the
// differential tests call an external program and are left out (K8S_SHARED points nowhere); they
// guard the recorded data, not the rules. `isolate: false` keeps one worker thread for a whole
// mutant run; stryker/shared-modules-runner.mjs still gives each test file fresh modules of ours.
export default defineConfig({
  test: {
    include: ['test/validate/**/*.test.ts', 'test/k8s/fixtures.test.ts', 'test/versions/engine-fixtures.test.ts'],
    // It scans the source text for version literals: no mutant of behaviour can fail it.
    exclude: ['test/validate/versions/no-version-literals.test.ts'],
    testTimeout: 60_000,
    isolate: false,
    setupFiles: ['stryker/runtime-activation-setup.mjs'],
    // A test file whose import throws becomes a failed test, which Stryker's runner counts (it
    // counts collected tests only): a mutant that stops a module from loading is then Killed.
    reporters: ['default', new LoadFailuresAsTests()],
    env: { K8S_SHARED: '/nonexistent', K8S_MUTATION_RUN: '1' },
  },
});

import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/validate/ (npm run mutation): the rule tests
// and Kubernetes' own cases as fixtures. The oracle re-check and the differential test call an
// external program and are left out (K8S_SHARED points nowhere); they guard the data, not the rules.
export default defineConfig({
  test: {
    include: ['test/validate/**/*.test.ts', 'test/k8s/fixtures.test.ts'],
    // It scans the source text for version literals: no mutant of behaviour can fail it.
    exclude: ['test/validate/versions/no-version-literals.test.ts'],
    testTimeout: 60_000,
    env: { K8S_SHARED: '/nonexistent' },
  },
});

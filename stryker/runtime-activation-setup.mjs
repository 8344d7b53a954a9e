// Runs after Stryker's own setup file, before each test file is imported (vitest.mutation.config.ts).
// The worker outlives a run (stryker/shared-modules-runner.mjs), so the mutant a static run
// activated is still set when the next run evaluates our modules again; Stryker's setup file
// activates a runtime mutant only in beforeAll, after that evaluation. Clearing it here keeps a
// static mutant out of the module-level code of every later run. Outside Stryker, nothing is
// provided and this does nothing.
import { inject } from 'vitest';

const namespace = inject('globalNamespace');
if (namespace !== undefined && inject('mode') === 'mutant' && inject('mutantActivation') === 'runtime') {
  const ns = globalThis[namespace];
  if (ns !== undefined) ns.activeMutant = undefined;
}

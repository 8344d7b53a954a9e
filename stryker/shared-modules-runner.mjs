// Stryker's vitest runner, told that it cannot reload its environment. The mutation config runs
// vitest with `isolate: false`, so each mutant reuses the modules an earlier run loaded instead of
// evaluating src/validate again through vite-node (most of a mutant's cost). Module-level ("static")
// mutants need fresh modules: with reloadEnvironment false, Stryker restarts the runner for them.
import { declareFactoryPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

const vitest = vitestPlugins.find((p) => p.kind === PluginKind.TestRunner && p.name === 'vitest');

function createSharedModulesRunner(injector) {
  const runner = vitest.factory(injector);
  runner.capabilities = () => ({ reloadEnvironment: false });
  return runner;
}
createSharedModulesRunner.inject = vitest.factory.inject;

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-shared-modules', createSharedModulesRunner),
];

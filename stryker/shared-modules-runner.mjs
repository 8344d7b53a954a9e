// Stryker's vitest runner, made cheaper per mutant. Stock, every mutant run starts a new worker
// thread (vitest recycles its pool's workers after each run), which loads vitest's runtime and
// every library again before a single test runs: most of a mutant's cost. Here the worker is kept
// (Tinypool's recycleWorkers becomes a no-op in this process, which runs nothing but this runner)
// and, before each run, every module of the project (src/, test/) is invalidated, so each run
// evaluates our code afresh — module-level caches such as parsed quantities or version profiles
// cannot carry a value computed under one mutant into the next run — while the libraries stay
// loaded. vitest hands the invalidations to each test file's task, so each test file sees fresh
// modules, as under `npm test`'s isolation. That also reloads the environment a static mutant
// needs: Stryker's setup file activates it before the first import, and
// stryker/runtime-activation-setup.mjs clears it again for the runtime mutants after it. So the
// runner reports reloadEnvironment, and Stryker need not restart its process for each static mutant.
// A kept worker grows by a few MB per run (the module instances of each run are not all freed), so
// stryker.config.json's maxTestRunnerReuse restarts a runner process every 150 runs.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { declareFactoryPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

// The Tinypool vitest itself resolves, whichever copy that is.
const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
const { default: Tinypool } = await import(pathToFileURL(fromVitest.resolve('tinypool')).href);

const vitest = vitestPlugins.find((p) => p.kind === PluginKind.TestRunner && p.name === 'vitest');
const PROJECT_DIRS = ['src', 'test'];

Tinypool.prototype.recycleWorkers = async function keepWorkers() {};

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? sourceFiles(path.join(dir, e.name))
        : /\.[cm]?[jt]s$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
}

function createSharedModulesRunner(injector) {
  const runner = vitest.factory(injector);
  // The runner's working directory is the sandbox: these are the instrumented copies.
  const own = PROJECT_DIRS.flatMap((d) => sourceFiles(path.resolve(d)));
  const invalidateOwnModules = () => {
    for (const file of own) runner.ctx.watcher.invalidates.add(file);
  };
  const dryRun = runner.dryRun.bind(runner);
  const mutantRun = runner.mutantRun.bind(runner);
  runner.dryRun = (options) => {
    invalidateOwnModules();
    return dryRun(options);
  };
  runner.mutantRun = (options) => {
    invalidateOwnModules();
    return mutantRun(options);
  };
  runner.capabilities = () => ({ reloadEnvironment: true });
  return runner;
}
createSharedModulesRunner.inject = vitest.factory.inject;

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-shared-modules', createSharedModulesRunner),
];

import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedVersion, mustRun, pack, ROOT, run, tempDir, writeFiles, type PackResult } from './_project';

/*
 * The package as users get it: `npm pack`, then a fresh project outside the repository that
 * installs the tarball with its peers, compiles a strict TypeScript program against it, runs it,
 * and runs the bin. One `npm install` per run (beforeAll), from the npm cache where possible.
 * Needs `npm run build` first. PACK_TEST_KEEP=1 keeps the temporary folder for a post-mortem.
 */

const MINUTE = 60_000;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** A user's program: a DaemonSet with a container and a hostPath volume mount, synthesized by App. */
const MAIN_TS = `import { Chart } from 'cdk8s';
import { App, DaemonSet, Volume } from 'cdk8s-daemonset';

const outdir = process.argv[2];
if (outdir === undefined) throw new Error('usage: node out/main.js OUTDIR');

const app = new App({ outdir });
const chart = new Chart(app, 'agents');
const logs = Volume.fromHostPath('varlog', { path: '/var/log', type: 'Directory' });
const agent = new DaemonSet(chart, 'log-agent', {
  matchLabels: { app: 'log-agent' },
  containers: [{ name: 'agent', image: 'fluent/fluent-bit', tag: '2.2.0' }],
});
agent.containers[0].mount('/var/log', logs, { readOnly: true });
app.synth();
`;

/** What MAIN_TS writes: exactly the fields it sets, keys sorted, apiVersion/kind/metadata first. */
const EXPECTED_YAML = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
        - image: fluent/fluent-bit:2.2.0
          name: agent
          volumeMounts:
            - mountPath: /var/log
              name: varlog
              readOnly: true
      volumes:
        - hostPath:
            path: /var/log
            type: Directory
          name: varlog
`;

/** The subpath export, typed: checked under each module resolution users have. */
const PLUGIN_TS = `import { DaemonSetValidation, type DaemonSetValidationProperties } from 'cdk8s-daemonset/cdk8s-plugin';
const properties: DaemonSetValidationProperties = { pss: 'baseline' };
export const plugin: DaemonSetValidation = new DaemonSetValidation(properties);
`;

/** Loads both exports with require() and reports what resolved where. */
const EXPORTS_JS = `const lib = require('cdk8s-daemonset');
const plugin = require('cdk8s-daemonset/cdk8s-plugin');
let deep = 'resolved';
try { require('cdk8s-daemonset/lib/index.js'); } catch (e) { deep = e.code; }
console.log(JSON.stringify({
  main: require.resolve('cdk8s-daemonset'),
  plugin: require.resolve('cdk8s-daemonset/cdk8s-plugin'),
  version: require('cdk8s-daemonset/package.json').version,
  types: [typeof lib.App, typeof lib.DaemonSet, typeof lib.Volume, typeof lib.validateManifest, typeof plugin.DaemonSetValidation],
  deep,
}));
`;

/** Runs the cdk8s validation plugin on one file, as cdk8s synth would. */
const PLUGIN_JS = `const { DaemonSetValidation } = require('cdk8s-daemonset/cdk8s-plugin');
const rules = [];
let status;
new DaemonSetValidation().validate({
  manifests: [process.argv[2]],
  report: { addViolation: (v) => rules.push(v.ruleName), submit: (s) => { status = s; } },
  logger: { log: () => {} },
}).then(() => console.log(JSON.stringify({ status, rules })));
`;

/** A project created the way `cdk8s init typescript-app` does: CommonJS, hence node10 resolution. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    lib: ['ES2022'],
    types: ['node'],
    strict: true,
    skipLibCheck: false,
    outDir: 'out',
    rootDir: '.',
  },
  files: ['main.ts'],
};

describe('the packed package, installed in a fresh project', () => {
  let work: string;
  let project: string;
  let packed: PackResult;

  beforeAll(async () => {
    work = tempDir('cdk8s-daemonset-pack-');
    packed = pack(work);
    project = path.join(work, 'project');
    writeFiles(project, {
      'package.json': JSON.stringify({ name: 'pack-test-app', version: '0.0.0', private: true, type: 'commonjs' }),
      'tsconfig.json': JSON.stringify(TSCONFIG),
      'main.ts': MAIN_TS,
      'plugin.ts': PLUGIN_TS,
      'exports.js': EXPORTS_JS,
      'plugin.js': PLUGIN_JS,
    });
    const peers = ['cdk8s', 'cdk8s-plus-27', 'constructs', 'typescript', '@types/node'].map(
      (p) => `${p}@${installedVersion(p)}`,
    );
    await mustRun(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        path.join(work, packed.filename),
        ...peers,
      ],
      project,
      8 * MINUTE,
    );
  }, 10 * MINUTE);

  afterAll(() => {
    if (!work) return;
    if (process.env.PACK_TEST_KEEP) console.warn(`package test: kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }, MINUTE);

  /** Compiles and runs MAIN_TS once; tests that need its output share the result (or the error). */
  let synthesized: { yaml: string } | { error: unknown } | undefined;
  async function synth(): Promise<string> {
    if (synthesized === undefined) {
      try {
        await mustRun(
          process.execPath,
          [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
          project,
          5 * MINUTE,
        );
        await mustRun(process.execPath, ['out/main.js', 'dist'], project, MINUTE);
        synthesized = { yaml: fs.readFileSync(path.join(project, 'dist', 'agents.k8s.yaml'), 'utf8') };
      } catch (error) {
        synthesized = { error };
      }
    }
    if ('error' in synthesized) throw synthesized.error;
    return synthesized.yaml;
  }

  function bin(args: readonly string[]) {
    // `--no`: never fetch from the registry; `--`: the flags that follow are the bin's, not npx's.
    return run('npx', ['--no', '--', 'cdk8s-daemonset', ...args], project, MINUTE);
  }

  it('ships only the build output, README and package.json', () => {
    const allowed = /^(package\.json|README\.md|LICENSE(\.\w+)?|lib\/.+\.(js|d\.ts|json))$/;
    expect(packed.files.map((f) => f.path).filter((f) => !allowed.test(f))).toEqual([]);
  });

  it('ships no tests, fixtures, sources, examples, dist output, source maps or build info', () => {
    const forbidden =
      /(^|\/)(tests?|__tests__|__snapshots__|fixtures?|src|examples|dist|docs)\/|\.(test|spec)\.|(?<!\.d)\.ts$|\.map$|\.tsbuildinfo$/;
    expect(packed.files.map((f) => f.path).filter((f) => forbidden.test(f))).toEqual([]);
  });

  it('ships every file package.json points at, and the 1.27 schema', () => {
    const exportTargets = Object.entries(pkg.exports)
      .filter(([subpath]) => subpath !== './package.json')
      .flatMap(([, target]) => (typeof target === 'string' ? [target] : Object.values(target)));
    const wanted = [
      pkg.main,
      pkg.types,
      ...Object.values(pkg.bin),
      ...exportTargets,
      'lib/validate/schema/k8s-1.27.json',
    ].map((p) => path.posix.normalize(p));
    const files = new Set(packed.files.map((f) => f.path));
    expect(wanted.filter((p) => !files.has(p))).toEqual([]);
  });

  it('ships no stale build output: every lib/ file comes from a file in src/', () => {
    const orphans = packed.files
      .map((f) => f.path)
      .filter((f) => f.startsWith('lib/'))
      .filter((f) => {
        const source = f.replace(/^lib\//, 'src/').replace(/(\.d\.ts|\.js)$/, '.ts');
        return !fs.existsSync(path.join(ROOT, source));
      });
    expect(orphans, 'run `rm -rf lib && npm run build`').toEqual([]);
  });

  it('requires at run time only its declared dependencies and peers', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const builtin = new Set(builtinModules);
    const undeclared = new Set<string>();
    for (const file of packed.files.map((f) => f.path).filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(project, 'node_modules', pkg.name, file), 'utf8');
      // tsc's own output uses "…"; a hand-written lazy require() may use '…'.
      for (const [, , spec] of code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
        if (spec.startsWith('.') || spec.startsWith('node:') || builtin.has(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!declared.has(name)) undeclared.add(`${name} (${file})`);
      }
    }
    expect([...undeclared], 'add these to "dependencies" in package.json').toEqual([]);
  });

  it('resolves both exports with require() from the installed copy, and hides lib/ internals', async () => {
    const out = JSON.parse(await mustRun(process.execPath, ['exports.js'], project, MINUTE)) as Record<string, unknown>;
    const installed = fs.realpathSync(path.join(project, 'node_modules', pkg.name));
    expect(out).toEqual({
      main: path.join(installed, 'lib', 'index.js'),
      plugin: path.join(installed, 'lib', 'cdk8s-plugin.js'),
      version: pkg.version,
      types: ['function', 'function', 'function', 'function', 'function'],
      deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it(
    'compiles a strict TypeScript program against the installed types and synthesizes the expected YAML',
    async () => {
      expect(await synth()).toBe(EXPECTED_YAML);
    },
    6 * MINUTE,
  );

  it.each(['node10', 'node16', 'nodenext'])(
    'types the cdk8s-plugin export under %s module resolution',
    async (resolution) => {
      const tsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
      const r = await run(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--types',
          'node',
          '--module',
          resolution === 'node10' ? 'commonjs' : resolution,
          '--moduleResolution',
          resolution,
          'plugin.ts',
        ],
        project,
        5 * MINUTE,
      );
      expect(r.stdout, 'tsc errors').toBe('');
      expect(r.status).toBe(0);
    },
    6 * MINUTE,
  );

  it(
    'types a program under module/moduleResolution nodenext, strict, libraries checked too',
    async () => {
      const tsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
      const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--types', 'node'];
      const r = await run(
        process.execPath,
        [tsc, ...args, '--module', 'nodenext', '--moduleResolution', 'nodenext', 'main.ts'],
        project,
        5 * MINUTE,
      );
      expect(r.stdout, 'tsc errors').toBe('');
      expect(r.status).toBe(0);
    },
    6 * MINUTE,
  );

  it(
    "import --check compiles with the project's TypeScript 5 and round-trips the synthesized YAML",
    async () => {
      await synth();
      expect(installedVersion('typescript')).toMatch(/^5\./);
      const r = await bin(['import', '--check', 'dist/agents.k8s.yaml']);
      expect(r.stderr).toBe('dist/agents.k8s.yaml: round-trips as data (1 DaemonSet, 0 escape hatches)\n');
      expect(r.status).toBe(0);
    },
    6 * MINUTE,
  );

  it('links only to files the tarball ships, and to headings the README has', () => {
    const readme = fs.readFileSync(path.join(project, 'node_modules', pkg.name, 'README.md'), 'utf8');
    const prose = readme.replace(/^```[\s\S]*?^```$/gm, '');
    const targets = [...prose.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(targets.length).toBeGreaterThan(0);
    const shipped = new Set(packed.files.map((f) => f.path));
    const headings = new Set(
      [...readme.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^#+ (.+)$/gm)].map((m) =>
        // GitHub's anchors: lower case, punctuation dropped, spaces as hyphens.
        m[1]
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    const broken = targets.filter((t) => {
      if (/^(https?:|mailto:)/.test(t)) return false;
      if (t.startsWith('#')) return !headings.has(t.slice(1));
      const file = path.posix.normalize(t.split('#')[0]).replace(/\/$/, '');
      return !shipped.has(file) && ![...shipped].some((f) => f.startsWith(`${file}/`));
    });
    expect(broken).toEqual([]);
  });

  it('runs the installed bin: --version prints the package version', async () => {
    const viaNpx = await bin(['--version']);
    expect(viaNpx.stderr).toBe('');
    expect(viaNpx.stdout.trim()).toBe(pkg.version);
    // The .bin link itself, without node in front: shebang and executable bit.
    const direct = await run(
      path.join(project, 'node_modules', '.bin', 'cdk8s-daemonset'),
      ['--version'],
      project,
      MINUTE,
    );
    expect(direct.stdout.trim()).toBe(pkg.version);
  });

  it(
    'validates the synthesized YAML with the installed bin',
    async () => {
      await synth();
      const r = await bin(['validate', '--output', 'json', 'dist/agents.k8s.yaml']);
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).summary).toMatchObject({ documents: 1, valid: 1, invalid: 0 });
    },
    6 * MINUTE,
  );

  it(
    'rejects a mistyped field with its path, through the shipped schema',
    async () => {
      const bad = (await synth()).replace('readOnly: true', 'readOnly: "yes"');
      fs.writeFileSync(path.join(project, 'bad.yaml'), bad);
      const r = await bin(['validate', '--output', 'json', 'bad.yaml']);
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
      const paths = (JSON.parse(r.stdout).results as Array<{ errors: Array<{ path: string }> }>).flatMap((d) =>
        d.errors.map((e) => e.path),
      );
      expect(paths).toEqual(['spec.template.spec.containers[0].volumeMounts[0].readOnly']);
    },
    6 * MINUTE,
  );

  it(
    'runs the cdk8s validation plugin from the installed copy',
    async () => {
      await synth();
      const ok = JSON.parse(await mustRun(process.execPath, ['plugin.js', 'dist/agents.k8s.yaml'], project, MINUTE));
      expect(ok).toEqual({ status: 'success', rules: [] });
      fs.writeFileSync(
        path.join(project, 'bad-plugin.yaml'),
        (await synth()).replace('readOnly: true', 'readOnly: "yes"'),
      );
      const failed = JSON.parse(await mustRun(process.execPath, ['plugin.js', 'bad-plugin.yaml'], project, MINUTE));
      expect(failed).toEqual({ status: 'failure', rules: ['type/invalid-type'] });
    },
    6 * MINUTE,
  );
});

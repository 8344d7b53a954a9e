import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mustRun, pack, run, tempDir, type PackResult } from './_project';

/*
 * The first hour, from the packed tarball: `cdk8s-daemonset init` (run from the unpacked tarball,
 * with no network), then `npm install` of what it wrote (the tarball standing in for the
 * registry's copy, everything else from the registry), then `npx cdk8s synth`. The project init
 * writes asks for TypeScript 7, so this is also the TypeScript 7 project: its strict nodenext
 * type check of the package's types, and `import --check` with its tsc. (TypeScript 5: pack.test.ts.)
 * PACK_TEST_KEEP=1 keeps the temporary folder.
 */

const MINUTE = 60_000;

describe('a project written by init, installed from the tarball (TypeScript 7)', () => {
  let work: string;
  let app: string;
  let packed: PackResult;
  let initOutput: string;

  beforeAll(async () => {
    work = tempDir('cdk8s-daemonset-init-');
    packed = pack(work);
    const tarball = path.join(work, packed.filename);
    fs.mkdirSync(path.join(work, 'unpacked'));
    await mustRun('tar', ['-xzf', tarball, '-C', path.join(work, 'unpacked')], work, MINUTE);
    const bin = path.join(work, 'unpacked', 'package', 'lib', 'cli', 'main.js');
    initOutput = await mustRun(process.execPath, [bin, 'init', 'app'], work, MINUTE);
    app = path.join(work, 'app');
    // The tarball in place of the registry's cdk8s-daemonset; the rest as package.json asks.
    await mustRun(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
      app,
      8 * MINUTE,
    );
  }, 10 * MINUTE);

  afterAll(() => {
    if (!work) return;
    if (process.env.PACK_TEST_KEEP) console.warn(`package test: kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }, MINUTE);

  const npx = (args: readonly string[]) => run('npx', ['--no', '--', ...args], app, 3 * MINUTE);

  it('init says what to run next', () => {
    expect(initOutput).toContain('cd app && npm install && npx cdk8s synth');
  });

  it('installs TypeScript 7', async () => {
    const r = await npx(['tsc', '--version']);
    expect(r.stdout).toMatch(/^Version 7\./);
  });

  it(
    'npx cdk8s synth type-checks, runs main.ts, validates with the plugin and writes the DaemonSet',
    async () => {
      const r = await npx(['cdk8s', 'synth']);
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('cdk8s-daemonset: checked 1 DaemonSet');
      const doc = parse(fs.readFileSync(path.join(app, 'dist', 'node-agents.k8s.yaml'), 'utf8'));
      expect(doc).toMatchObject({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'log-agent' } });
    },
    5 * MINUTE,
  );

  it(
    "types the package strictly under TypeScript 7 with nodenext, libraries' declarations checked too",
    async () => {
      const r = await npx(['tsc', '--noEmit', '--skipLibCheck', 'false', '-p', '.']);
      expect(r.stdout, 'tsc errors').toBe('');
      expect(r.status).toBe(0);
    },
    5 * MINUTE,
  );

  it(
    "import --check compiles with the project's TypeScript 7 and round-trips the synthesized YAML",
    async () => {
      if (!fs.existsSync(path.join(app, 'dist', 'node-agents.k8s.yaml'))) await npx(['cdk8s', 'synth']);
      const r = await npx(['cdk8s-daemonset', 'import', '--check', 'dist/node-agents.k8s.yaml']);
      expect(r.stderr).toBe('dist/node-agents.k8s.yaml: round-trips as data (1 DaemonSet, 0 escape hatches)\n');
      expect(r.status).toBe(0);
    },
    5 * MINUTE,
  );

  describe('when main.ts is wrong', () => {
    let original: string;
    beforeAll(() => {
      original = fs.readFileSync(path.join(app, 'main.ts'), 'utf8');
    });
    afterAll(() => fs.writeFileSync(path.join(app, 'main.ts'), original));

    it(
      'a type error fails the synth with the compiler message, before anything runs',
      async () => {
        fs.writeFileSync(path.join(app, 'main.ts'), original.replace("tag: '2.2.2',", 'tag: 2,'));
        const r = await npx(['cdk8s', 'synth']);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toMatch(
          /^main\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\./m,
        );
        expect(r.stderr).not.toContain('TypeError');
        expect(r.stderr).not.toContain('_toKube');
      },
      5 * MINUTE,
    );

    it(
      'an invalid DaemonSet fails the synth with one line per issue and no dump',
      async () => {
        fs.writeFileSync(path.join(app, 'main.ts'), original.replace("request: '64Mi'", "request: '256Mi'"));
        // Without cdk8s-cli's upgrade check, whose own failure (offline) would print in between.
        const r = await npx(['cdk8s', 'synth', '--no-check-upgrade']);
        expect(r.status).not.toBe(0);
        // The app's stderr comes first, exactly the report; then cdk8s-cli's note (with frames of
        // its own lib/util.js) that the app exited 1.
        const cli = r.stderr.indexOf('Error: command ');
        expect(r.stderr.slice(0, cli)).toBe(
          'Validation failed with 1 issue:\n  node-agents/log-agent spec.template.spec.containers[0].resources.requests: Invalid value "256Mi": must be less than or equal to memory limit of 128Mi [resources/request-exceeds-limit]\n',
        );
        expect(r.stderr.slice(cli)).toMatch(/returned a non-zero exit code 1\n/);
      },
      5 * MINUTE,
    );
  });
});

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readYamlStream } from '../../src';
import { packageName } from '../../src/init';
import { cli, folder } from './_run';

const ROOT = path.join(__dirname, '..', '..');
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const FILES = ['package.json', 'tsconfig.json', 'cdk8s.yaml', 'main.ts', '.gitignore'];

/** `init app` in a fresh folder; returns the project folder. */
function init(): string {
  const dir = path.join(folder({}), 'app');
  const r = cli(['init', dir]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return dir;
}

describe('cdk8s-daemonset init', () => {
  it('writes the five project files into a new folder and says what to run next', () => {
    const parent = folder({});
    const r = cli(['init', 'my-agents'], { cwd: parent });
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(parent, 'my-agents')).sort()).toEqual([...FILES].sort());
    expect(r.stdout).toContain('cd my-agents && npm install && npx cdk8s synth');
  });

  it('depends on the peers, this package at its version, and cdk8s-cli and typescript for development', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(init(), 'package.json'), 'utf8'));
    expect(pkg.name).toBe('app');
    expect(pkg.dependencies).toEqual({
      cdk8s: OWN.peerDependencies.cdk8s,
      'cdk8s-plus-27': OWN.peerDependencies['cdk8s-plus-27'],
      constructs: OWN.peerDependencies.constructs,
      'cdk8s-daemonset': `^${OWN.version}`,
    });
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['cdk8s-cli', 'typescript']);
  });

  it('configures cdk8s synth: type-check, then run; output dist; the validation plugin', () => {
    const config = parse(fs.readFileSync(path.join(init(), 'cdk8s.yaml'), 'utf8'));
    expect(config.app).toMatch(/^npx tsc 1>&2 && node build\/main\.js$/);
    expect(config.output).toBe('dist');
    expect(config.validations).toEqual([
      {
        package: './node_modules/cdk8s-daemonset/lib/cdk8s-plugin.js',
        version: OWN.version,
        class: 'DaemonSetValidation',
      },
    ]);
  });

  it('writes a main.ts that synthesizes one valid DaemonSet (test/package/ compiles it with tsc)', () => {
    const dir = init();
    // The sources and this repository's cdk8s stand in for the installed packages.
    const main = fs
      .readFileSync(path.join(dir, 'main.ts'), 'utf8')
      .replace("from 'cdk8s-daemonset'", `from ${JSON.stringify(path.join(ROOT, 'src'))}`)
      .replace("from 'cdk8s'", `from ${JSON.stringify(path.join(ROOT, 'node_modules', 'cdk8s'))}`);
    fs.writeFileSync(path.join(dir, 'main.ts'), main);
    const outdir = path.join(dir, 'dist');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'main.ts'], {
      cwd: dir,
      env: { ...process.env, CDK8S_OUTDIR: outdir },
    });
    const docs = readYamlStream(fs.readFileSync(path.join(outdir, 'node-agents.k8s.yaml'), 'utf8'));
    expect(docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['DaemonSet']);
    expect(cli(['validate', outdir]).status).toBe(0);
  });

  it('refuses to overwrite: exit 2, names the file, writes nothing', () => {
    const dir = folder({ 'main.ts': '// mine\n' });
    const r = cli(['init', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'main.ts')}: already exists\n`);
    expect(r.stderr).toContain('nothing written');
    expect(fs.readdirSync(dir)).toEqual(['main.ts']);
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8')).toBe('// mine\n');
  });

  it('takes at most one folder', () => {
    const r = cli(['init', 'a', 'b'], { cwd: folder({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('name at most one folder, got 2');
  });
});

describe('packageName', () => {
  it.each([
    ['my-agents', 'my-agents'],
    ['My Agents', 'my-agents'],
    ['.hidden', 'hidden'],
    ['___', 'cdk8s-app'],
  ])('makes %j into %j', (folderName, name) => {
    expect(packageName(folderName)).toBe(name);
  });
});

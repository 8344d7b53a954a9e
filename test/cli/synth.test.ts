import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, folder, INVALID } from './_run';

/** A cdk8s project whose app writes `content` to <outdir>/app.k8s.yaml. */
function project(content: string, committed?: Record<string, string>): string {
  const write = `const fs=require('fs');const o=process.env.CDK8S_OUTDIR||'dist';fs.mkdirSync(o,{recursive:true});fs.writeFileSync(o+'/app.k8s.yaml',${JSON.stringify(content)});`;
  const files: Record<string, string> = {
    'cdk8s.yaml': 'language: typescript\napp: node app.js\noutput: manifests\n',
    'app.js': write,
  };
  for (const [f, c] of Object.entries(committed ?? {})) files[`manifests/${f}`] = c;
  return folder(files);
}

describe('cdk8s-daemonset synth', () => {
  it('writes the app output into the configured folder', () => {
    const dir = project('a: 1\n');
    expect(cli(['synth'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'manifests', 'app.k8s.yaml'), 'utf8')).toBe('a: 1\n');
  });

  it('--check exits 0 when the committed output is up to date', () => {
    const r = cli(['synth', '--check'], { cwd: project('a: 1\n', { 'app.k8s.yaml': 'a: 1\n' }) });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('manifests is up to date');
  });

  it('--check exits 1 with a unified diff when the output drifted, and writes nothing', () => {
    const dir = project('a: 2\n', { 'app.k8s.yaml': 'a: 1\n', 'old.k8s.yaml': 'gone: true\n' });
    const r = cli(['synth', '--check'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--- a/manifests/app.k8s.yaml\tcommitted');
    expect(r.stdout).toContain('-a: 1\n+a: 2');
    expect(r.stdout).toContain('+++ /dev/null');
    expect(fs.readFileSync(path.join(dir, 'manifests', 'app.k8s.yaml'), 'utf8')).toBe('a: 1\n');
    const patched = spawnSync('git', ['apply', '--check', '--unsafe-paths', '-'], {
      cwd: dir,
      input: r.stdout,
      encoding: 'utf8',
    });
    expect(patched.status, patched.stderr).toBe(0);
  });

  it('--check exits 2 when the app fails', () => {
    const dir = folder({ 'cdk8s.yaml': 'app: node -e "process.exit(3)"\n' });
    const r = cli(['synth', '--check'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the app failed');
  });

  it('exits 2 without an app to run', () => {
    expect(cli(['synth'], { cwd: folder({}) }).stderr).toContain('no app to run');
  });
});

const cdk8sCli = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'cdk8s');

describe('cdk8s validation plugin', () => {
  it('fails cdk8s synth on an invalid DaemonSet, naming rule, resource and field path', () => {
    const plugin = path.join(__dirname, '..', '..', 'lib', 'cdk8s-plugin.js');
    const dir = project(INVALID);
    fs.appendFileSync(
      path.join(dir, 'cdk8s.yaml'),
      `validations:\n  - package: ${plugin}\n    version: 0.1.0\n    class: DaemonSetValidation\n`,
    );
    const r = spawnSync(cdk8sCli, ['synth', '--no-check-upgrade'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const out = `${r.stdout}${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(out).toContain('container/name-invalid');
    expect(out).toContain('Resource Name: agent');
    expect(out).toContain('spec.template.spec.containers[0].name');
    expect(out).toContain('Validation failed');
  });
});

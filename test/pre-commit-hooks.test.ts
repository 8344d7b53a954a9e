import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, folder, INVALID, VALID } from './cli/_run';

const ROOT = path.join(__dirname, '..');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'cdk8s-daemonset-validate');

/** Runs the hook's entry as pre-commit does, the file names appended, with the built bin. */
function runHook(cwd: string, files: string[]) {
  const [bin, ...args] = hook!.entry.split(' ');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.bin[bin], `the entry's command is the package's bin`).toBe('lib/cli/main.js');
  return cli([...args, ...files], { cwd });
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares the validate hook as a node hook on YAML files', () => {
    expect(hook).toMatchObject({ entry: 'cdk8s-daemonset validate', language: 'node' });
    const files = new RegExp(hook!.files);
    expect(['a.yaml', 'deploy/agent.yml'].filter((f) => files.test(f))).toEqual(['a.yaml', 'deploy/agent.yml']);
    expect(['package.json', 'main.ts', 'notes.yaml.md'].filter((f) => files.test(f))).toEqual([]);
  });

  it('passes a commit of a valid DaemonSet and YAML that is not Kubernetes', () => {
    const dir = folder({ 'agent.yaml': VALID, '.github/workflows/ci.yml': 'on: push\njobs: {}\n' });
    const r = runHook(dir, ['agent.yaml', '.github/workflows/ci.yml']);
    expect(r.status, r.stdout).toBe(0);
  });

  it('fails a commit of an invalid DaemonSet, naming the file', () => {
    const dir = folder({ 'agent.yaml': VALID, 'bad.yaml': INVALID });
    const r = runHook(dir, ['agent.yaml', 'bad.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^bad\.yaml:/m);
    expect(r.stdout).not.toMatch(/^agent\.yaml:/m);
  });
});

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A failing synth as users meet it: real processes, plain node on the built package and tsx on the
 * sources, and `cdk8s synth` through a cdk8s.yaml with the validation plugin. What matters is
 * what reaches stderr and the exit status.
 */

const ROOT = path.join(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');

/** Two faults in one DaemonSet: a request above its limit, and a negative request. */
const INVALID_APP = (pkg: string) => `
const { Chart } = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'cdk8s'))});
const { App, DaemonSet, SynthValidationError } = require(${JSON.stringify(pkg)});
function invalidApp() {
  const app = new App({ outdir: process.env.CDK8S_OUTDIR || 'dist' });
  const agent = new DaemonSet(new Chart(app, 'logging'), 'fluent-bit', { matchLabels: { app: 'fluent-bit' } });
  agent.addContainer({
    name: 'fluent-bit',
    image: 'fluent/fluent-bit',
    tag: '2.2.2',
    resources: { cpu: { request: '-1' }, memory: { request: '256Mi', limit: '128Mi' } },
  });
  return app;
}
`;

const REPORT = [
  'Validation failed with 2 issues:',
  '  logging/fluent-bit spec.template.spec.containers[0].resources.requests: Invalid value "256Mi": must be less than or equal to memory limit of 128Mi [resources/request-exceeds-limit]',
  '  logging/fluent-bit spec.template.spec.containers[0].resources.requests[cpu]: Invalid value "-1": must be greater than or equal to 0 [resources/quantity-negative]',
].join('\n');

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-error-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function runIn(dir: string, command: string, args: readonly string[]) {
  const r = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', CDK8S_OUTDIR: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Stack frame lines, and the marks of an inspected error: the issues dump and Node's trailer. */
function noise(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at |issues: \[|^Node\.js v|^\s+\^$/.test(l));
}

describe('an uncaught SynthValidationError', () => {
  it('prints the report alone and exits 1 under plain node (the built package)', () => {
    const dir = project({ 'main.js': `${INVALID_APP(path.join(ROOT, 'lib'))}\ninvalidApp().synth();\n` });
    const r = runIn(dir, process.execPath, ['main.js']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${REPORT}\n`);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('prints the report alone and exits 1 when an async main rejects with it (tsx, the sources)', () => {
    const dir = project({
      'main.ts': `${INVALID_APP(path.join(ROOT, 'src'))}
async function main() {
  await new Promise((resolve) => setTimeout(resolve, 10));
  invalidApp().synthYaml();
}
main();
`,
    });
    const r = runIn(dir, process.execPath, [TSX, 'main.ts']);
    expect(r.status).toBe(1);
    expect(noise(r.stderr)).toEqual([]);
    expect(r.stderr.trim()).toBe(REPORT);
  });

  it('leaves the error to a program that catches it: every issue as data, exit 0', () => {
    const dir = project({
      'main.js': `${INVALID_APP(path.join(ROOT, 'lib'))}
try {
  invalidApp().synth();
} catch (e) {
  if (!SynthValidationError.isSynthValidationError(e)) throw e;
  console.log(JSON.stringify(e.issues.map((i) => [i.constructPath, i.issue.code])));
}
`,
    });
    const r = runIn(dir, process.execPath, ['main.js']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      ['logging/fluent-bit', 'resources/request-exceeds-limit'],
      ['logging/fluent-bit', 'resources/quantity-negative'],
    ]);
  });

  it("leaves it to the program's own uncaughtException handler", () => {
    const dir = project({
      'main.js': `${INVALID_APP(path.join(ROOT, 'lib'))}
process.on('uncaughtException', (e) => { console.log('handled', e.issues.length); });
invalidApp().synth();
`,
    });
    const r = runIn(dir, process.execPath, ['main.js']);
    expect(r.stdout).toBe('handled 2\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    ['in the same turn', 'throw new Error("unrelated");'],
    ['later', 'setTimeout(() => { throw new Error("unrelated"); }, 20);'],
  ])('leaves another uncaught error thrown %s after a caught one to Node, frames and all', (_when, thrower) => {
    const dir = project({
      'main.js': `${INVALID_APP(path.join(ROOT, 'lib'))}
try { invalidApp().synth(); } catch {}
${thrower}
`,
    });
    const r = runIn(dir, process.execPath, ['main.js']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: unrelated');
    expect(r.stderr).toMatch(/^\s+at .*main\.js/m);
    expect(r.stderr).not.toContain('Validation failed');
  });
});

describe('a failing app under cdk8s synth (cdk8s.yaml with the validation plugin)', () => {
  it('prints the report with no frame or dump from the app, and fails the synth', () => {
    const dir = project({
      'main.ts': `${INVALID_APP(path.join(ROOT, 'src'))}\ninvalidApp().synth();\n`,
      'cdk8s.yaml': [
        'language: typescript',
        `app: '${process.execPath} ${TSX} main.ts'`,
        'output: dist',
        'validations:',
        `  - package: ${path.join(ROOT, 'lib', 'cdk8s-plugin.js')}`,
        '    version: 0.1.0',
        '    class: DaemonSetValidation',
        '',
      ].join('\n'),
    });
    const r = runIn(dir, CDK8S, ['synth', '--no-check-upgrade']);
    expect(r.status).not.toBe(0);
    // What the app wrote comes first; then cdk8s-cli reports the app's exit status, with frames of
    // its own (lib/util.js), which an app cannot silence.
    const cli = r.stderr.indexOf('Error: command ');
    expect(cli).toBeGreaterThan(0);
    expect(r.stderr.slice(0, cli)).toBe(`${REPORT}\n`);
    expect(r.stderr.slice(cli)).toMatch(/returned a non-zero exit code 1\n/);
    expect(fs.existsSync(path.join(dir, 'dist', 'logging.k8s.yaml'))).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate';
import { cli, folder, INVALID, VALID } from './_run';
import { daemonSet } from '../support/manifest';
import { toYamlStream } from '../../src/yaml';

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';

describe('cdk8s-daemonset validate', () => {
  it('exits 0 when every DaemonSet is valid, counting other kinds as skipped', () => {
    const dir = folder({ 'a.yaml': `${VALID}---\n${CONFIGMAP}` });
    const r = cli(['validate', path.join(dir, 'a.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('2 documents: 1 valid, 0 invalid, 1 skipped (Kubernetes 1.27)\n');
    expect(r.stderr).toBe('');
  });

  it('exits 1 and prints FILE:LINE:COL, field path, message and code for each error', () => {
    const dir = folder({ 'bad.yaml': `${CONFIGMAP}---\n${INVALID}` });
    const r = cli(['validate', path.join(dir, 'bad.yaml')]);
    expect(r.status).toBe(1);
    const file = path.join(dir, 'bad.yaml');
    expect(r.stdout).toContain(`${file}:5: DaemonSet agent (document 1): 2 errors\n`);
    const nameLine = r.stdout.split('\n').find((l) => l.startsWith(`${file}:17:11: `));
    expect(nameLine).toMatch(/^\S+ spec\.template\.spec\.containers\[0\]\.name: .* \[container\/name-invalid\]$/);
    expect(r.stdout).toContain(`${file}:19:20: spec.template.spec.containers[0].ports[0].containerPort: `);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 documents: 0 valid, 1 invalid, 1 skipped (Kubernetes 1.27)');
  });

  it('prints the JSON report in its documented shape', () => {
    const dir = folder({ 'a.yaml': INVALID, 'b.yml': VALID });
    const r = cli(['validate', '--output', 'json', dir]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['results', 'summary']);
    expect(report.summary).toEqual({ documents: 2, valid: 1, invalid: 1, skipped: 0 });
    const [bad, good] = report.results;
    expect(Object.keys(bad)).toEqual([
      'file',
      'document',
      'line',
      'kind',
      'name',
      'status',
      'kubernetesVersion',
      'errors',
      'warnings',
    ]);
    expect(bad).toMatchObject({
      file: path.join(dir, 'a.yaml'),
      document: 0,
      kind: 'DaemonSet',
      name: 'agent',
      status: 'invalid',
      warnings: [],
    });
    expect(bad.errors).toContainEqual({
      path: 'spec.template.spec.containers[0].ports[0].containerPort',
      code: 'port/container-port-required',
      message: expect.stringContaining('65535'),
      line: 15,
      column: 20,
    });
    expect(Object.keys(bad.errors[0])).toEqual(['path', 'code', 'message', 'line', 'column']);
    expect(good).toEqual({
      file: path.join(dir, 'b.yml'),
      document: 0,
      line: 1,
      kind: 'DaemonSet',
      name: 'agent',
      status: 'valid',
      kubernetesVersion: '1.27',
      errors: [],
      warnings: [],
    });
  });

  it.each([
    ['sarif', (out: string) => JSON.parse(out).runs[0].results[0].locations[0].physicalLocation.region],
    ['junit', (out: string) => out.match(/<failure [^>]*>/)?.[0]],
    ['github', (out: string) => out.split('\n')[0].split('::')[1]],
  ])('prints --output %s, exiting 1 on an invalid document', (format, pick) => {
    const r = cli(['validate', '--output', format, '-'], { input: INVALID });
    expect(r.status).toBe(1);
    expect(pick(r.stdout)).toEqual(
      {
        sarif: { startLine: 13, startColumn: 11 },
        junit: '<failure message="2 errors" type="invalid">',
        github: 'error file=-,line=13,col=11,title=container/name-invalid',
      }[format],
    );
  });

  it('reads standard input for -', () => {
    const r = cli(['validate', '--output', 'json', '-'], { input: INVALID });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).results[0].file).toBe('-');
  });

  it('walks directories recursively in sorted order, taking only .yaml and .yml files', () => {
    const dir = folder({
      'z/deep/c.yaml': VALID,
      'a.yml': VALID,
      'notes.txt': 'not yaml',
      'b/x.YAML': VALID,
      '.git/d.yaml': INVALID,
    });
    const r = cli(['validate', '--output', 'json', dir]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => path.relative(dir, x.file))).toEqual([
      'a.yml',
      'b/x.YAML',
      'z/deep/c.yaml',
    ]);
  });

  it('exits 2 for a document that does not parse, with line and column, still checking the others', () => {
    const dir = folder({ 'a.yaml': `${VALID}---\nmetadata: {name: [unclosed\n`, 'b.yaml': INVALID });
    const r = cli(['validate', '--output', 'json', dir]);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.results[1]).toMatchObject({ document: 1, status: 'unreadable', kind: null, name: null });
    expect(report.results[1].errors[0].path).toBe('');
    expect(report.results[1].errors[0].message).toMatch(/line \d+, column \d+/);
    expect(report.results[2]).toMatchObject({ status: 'invalid', name: 'agent' });
  });

  it('reports an unquoted YAML 1.1 boolean label value as a type error at its path', () => {
    const r = cli(['validate', '--output', 'json', '-'], {
      input: VALID.replace('name: agent\nspec', 'name: agent\n  labels: {enabled: yes}\nspec'),
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).results[0].errors.map((e: { path: string }) => e.path)).toEqual([
      'metadata.labels[enabled]',
    ]);
  });

  it('refuses a DaemonSet apiVersion the 1.27 API server no longer serves', () => {
    const r = cli(['validate', '-'], { input: VALID.replace('apps/v1', 'extensions/v1beta1') });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'apiVersion: DaemonSet is served as apps/v1, got "extensions/v1beta1" (removed in Kubernetes 1.16)',
    );
  });

  it('checks Pods (v1) with the same engine, and reports a Pod at another apiVersion', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: C\n      image: x\n';
    const r = cli(['validate', '--output', 'json', '-'], { input: `${pod}---\n${pod.replace('v1', 'apps/v1')}` });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ documents: 2, valid: 0, invalid: 2, skipped: 0 });
    expect(report.results[0].errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['spec.containers[0].name', 'container/name-invalid'],
    ]);
    expect(report.results[1].errors).toEqual([
      {
        path: 'apiVersion',
        code: 'manifest/api-version',
        message: 'Pod is served as v1, got "apps/v1"',
        line: 10,
        column: 1,
      },
    ]);
  });

  it('checks a Pod Security level on request', () => {
    const privileged = VALID.replace(
      'image: agent:1.0',
      'image: agent:1.0\n          securityContext: {privileged: true}',
    );
    expect(cli(['validate', '-'], { input: privileged }).status).toBe(0);
    const r = cli(['validate', '--pss', 'baseline', '-'], { input: privileged });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'spec.template.spec.containers[0].securityContext.privileged: violates PodSecurity "baseline"',
    );
    expect(r.stdout).toContain('[pss/privileged]');
  });

  it.each([
    [['validate'], /name at least one file/],
    [['validate', '--output', 'xml', '-'], /--output must be one of text, json, /],
    [['validate', '--pss', 'strict', '-'], /--pss must be one of/],
    [['validate', '/no/such/path'], /no such file or directory/],
    [['validate', '--bogus', '-'], /Unknown option/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('--help');
  });

  it('runs as npx cdk8s-daemonset from a clone after the set-up command', () => {
    const root = path.join(__dirname, '..', '..');
    const r = spawnSync('npx', ['--no', '--', 'cdk8s-daemonset', '--version'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${require('../../package.json').version}\n`);
  });

  it('prints its version and help', () => {
    expect(cli(['--version']).stdout).toBe(`${require('../../package.json').version}\n`);
    expect(cli(['validate', '--help']).stdout).toContain('Exit codes: 0 all valid, 1 some invalid, 2 usage error');
  });
});

describe('validate progress', () => {
  const io = (tty: boolean, clock: { t: number }) => {
    const err: string[] = [];
    return {
      err,
      io: {
        stdout: () => undefined,
        stderr: (s: string) => {
          err.push(s);
        },
        stderrIsTTY: tty,
        colour: false,
        now: () => (clock.t += 600),
      },
    };
  };

  it('shows progress on a terminal once the run passes a second', async () => {
    const dir = folder({ 'a.yaml': VALID, 'b.yaml': VALID, 'c.yaml': VALID });
    const { err, io: tty } = io(true, { t: 0 });
    await validateCommand([dir], tty);
    expect(err.join('')).toContain('\rvalidating: 3/3 files');
  });

  it('writes nothing extra when stderr is not a terminal', async () => {
    const dir = folder({ 'a.yaml': VALID, 'b.yaml': VALID, 'c.yaml': VALID });
    const { err, io: pipe } = io(false, { t: 0 });
    await validateCommand([dir], pipe);
    expect(err).toEqual([]);
  });
});

describe('validate and rollout hazards', () => {
  it('reports maxSurge with hostNetwork as a warning with exit 0', () => {
    const manifest = daemonSet((ds, pod) => {
      ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
      pod.hostNetwork = true;
    });
    const dir = folder({ 'a.yaml': toYamlStream([manifest]) });
    const r = cli(['validate', '--output', 'json', path.join(dir, 'a.yaml')]);
    expect(r.status).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('rollout/surge-with-host-port');
  });
});

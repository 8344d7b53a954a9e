import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, folder, VALID } from './_run';

const ns = (yaml: string, namespace: string) =>
  yaml.replace('  name: agent\n', `  name: agent\n  namespace: ${namespace}\n`);
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1"}\n';
const SERVICE_ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: agent}\n';
const bumped = VALID.replace('image: agent:1.0', 'image: agent:1.1');

const json = (args: string[], cwd?: string) => {
  const r = cli(['plan', '--output', 'json', ...args], { cwd });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
};

describe('plan OLD NEW', () => {
  it('plans directories holding several kinds: DaemonSets planned, the rest counted', () => {
    const old = folder({ 'a.yaml': `${VALID}---\n${CONFIG_MAP}`, 'sub/sa.yaml': SERVICE_ACCOUNT });
    const fresh = folder({
      'all.yaml': `${CONFIG_MAP}---\n${bumped}---\n${SERVICE_ACCOUNT}---\n${CONFIG_MAP.replace('name: c', 'name: d')}`,
    });
    const r = json([old, fresh, '--nodes', '4']);
    expect(r.status).toBe(0);
    expect(r.report.daemonSets).toEqual([
      {
        namespace: 'default',
        name: 'agent',
        change: 'changed',
        restart: 'all-nodes',
        waves: { nodes: 4, by: 'maxUnavailable', batch: 1, count: 4, leastSecondsPerWave: 0, leastSecondsTotal: 0 },
        fields: ['spec.template.spec.containers[0].image'],
        rejected: [],
        warnings: [],
      },
    ]);
    expect(r.report.summary.otherKinds).toEqual({
      old: { 'v1 ConfigMap': 1, 'v1 ServiceAccount': 1 },
      new: { 'v1 ConfigMap': 2, 'v1 ServiceAccount': 1 },
    });
  });

  it('sees a renamed namespace as one DaemonSet removed and one added', () => {
    const r = json([folder({ 'a.yaml': ns(VALID, 'old-ns') }), folder({ 'a.yaml': ns(VALID, 'new-ns') })]);
    expect(r.report.daemonSets.map((d: { namespace: string; change: string }) => `${d.namespace} ${d.change}`)).toEqual(
      ['new-ns added', 'old-ns removed'],
    );
    expect(r.report.summary).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it('exits 1 with the immutable selector when the selector changes', () => {
    const moved = VALID.replace(/app: agent/g, 'app: agent2');
    const old = folder({ 'a.yaml': VALID });
    const r = json([path.join(old, 'a.yaml'), folder({ 'a.yaml': moved })]);
    expect(r.status).toBe(1);
    expect(r.report.daemonSets[0].rejected).toEqual([
      expect.objectContaining({ path: 'spec.selector', code: 'update/selector-immutable' }),
    ]);
  });

  it('prints text and markdown reports', () => {
    const old = folder({ 'a.yaml': VALID });
    const fresh = folder({ 'a.yaml': bumped });
    const text = cli(['plan', old, fresh, '--nodes', '3']);
    expect(text.stdout).toContain(
      'DaemonSet default/agent: changed, restarts on all nodes: 3 waves of 1 node (maxUnavailable)',
    );
    expect(text.stdout).toContain('  ~ spec.template.spec.containers[0].image');
    const md = cli(['plan', old, fresh, '--output', 'markdown']);
    expect(md.stdout).toContain('| `default/agent` | changed | restarts on all nodes | 1 | 0 | 0 |');
  });

  it('accepts x.y and x.y.z versions and refuses others with the list, exit 2', () => {
    const a = folder({ 'a.yaml': VALID });
    expect(json([a, a, '--kubernetes-version', '1.30.4']).report.summary.kubernetesVersion).toBe('1.30');
    const r = cli(['plan', a, a, '--kubernetes-version', '1.26']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34');
  });

  it('takes - (standard input, which plan does not read) for an empty side', () => {
    const r = json(['-', folder({ 'a.yaml': VALID })]);
    expect(r.status).toBe(0);
    expect(r.report.summary).toMatchObject({ daemonSets: 1, added: 1 });
  });

  it('exits 2 on usage errors', () => {
    const a = folder({ 'a.yaml': VALID });
    expect(cli(['plan', a]).status).toBe(2);
    expect(cli(['plan', a, a, '--nodes', '-1']).status).toBe(2);
    expect(cli(['plan', a, a, '--output', 'sarif']).status).toBe(2);
    expect(cli(['plan', a, path.join(a, 'missing')]).status).toBe(2);
  });
});

describe('plan --jobs', () => {
  const named = (yaml: string, name: string) => yaml.replace('  name: agent\n', `  name: ${name}\n`);
  /** 12 files a side: changed, unchanged, moved between files, added, removed, other kinds. */
  function sides(broken: boolean): [string, string] {
    const old: Record<string, string> = {};
    const fresh: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      const f = `${i % 3 === 0 ? 'sub/' : ''}f${String(i).padStart(2, '0')}.yaml`;
      old[f] = [named(VALID, `a${i}`), CONFIG_MAP, named(VALID, `m${i}`), named(VALID, `r${i}`)].join('---\n');
      // m{i} moves to the next file, r{i} is removed, n{i} added; every third a changes.
      fresh[f] = [
        named(i % 3 === 0 ? bumped : VALID, `a${i}`),
        named(VALID, `m${(i + 11) % 12}`),
        named(VALID, `n${i}`),
        SERVICE_ACCOUNT,
      ].join('---\n');
    }
    old['only-old.yaml'] = named(VALID, 'gone');
    fresh['only-new.yaml'] = named(bumped, 'gone');
    if (broken) {
      fresh['f05.yaml'] += '---\nbad: [1, 2\n';
      fresh['f07.yaml'] += `---\n${named(VALID, 'a2')}`;
    }
    return [folder(old), folder(fresh)];
  }

  it.each([
    ['0 on a clean plan', false, 0],
    ['2 on unreadable documents and a DaemonSet defined twice', true, 2],
  ] as const)('prints the same report on 2 and 3 threads as on 1, and exits %s', (_what, broken, status) => {
    const [old, fresh] = sides(broken);
    for (const output of ['json', 'text', 'markdown']) {
      const one = cli(['plan', '--output', output, '--nodes', '10', '--jobs', '1', old, fresh]);
      expect(one.status).toBe(status);
      expect(one.stdout.length + one.stderr.length).toBeGreaterThan(0);
      for (const jobs of ['2', '3']) {
        const many = cli(['plan', '--output', output, '--nodes', '10', '--jobs', jobs, old, fresh]);
        expect({ status: many.status, stdout: many.stdout, stderr: many.stderr }).toEqual({
          status: one.status,
          stdout: one.stdout,
          stderr: one.stderr,
        });
      }
    }
    if (!broken) {
      const report = JSON.parse(cli(['plan', '--output', 'json', '--jobs', '2', old, fresh]).stdout);
      expect(report.summary).toMatchObject({ daemonSets: 49, added: 12, removed: 12, changed: 5, unchanged: 20 });
    }
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    const a = folder({ 'a.yaml': VALID });
    for (const jobs of ['0', '1.5', 'two']) {
      const r = cli(['plan', '--jobs', jobs, a, a]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--jobs must be a positive whole number, got "${jobs}"`);
    }
  });
});

describe('plan on hostile input', () => {
  it('exits 2 on YAML that does not parse, naming the file and line', () => {
    const bad = folder({ 'bad.yaml': 'a: [\n' });
    const r = cli(['plan', folder({ 'a.yaml': VALID }), bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:1/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js/);
  });

  it('exits 2 on an input over --max-bytes', () => {
    const a = folder({ 'a.yaml': VALID });
    const r = cli(['plan', a, a, '--max-bytes', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/over the .* limit/);
  });

  it('exits 2 on an alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = cli(['plan', folder({ 'a.yaml': VALID }), folder({ 'bomb.yaml': `${levels.join('\n')}\n` })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/alias/i);
  });

  it('exits 2 on a DaemonSet defined twice on one side', () => {
    const r = cli(['plan', folder({ 'a.yaml': VALID }), folder({ 'a.yaml': VALID, 'b.yaml': VALID })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/default\/agent is also defined/);
  });
});

describe('plan --base', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe' });

  it('compares the synthesized app with its output committed at the ref, leaving the work tree alone', () => {
    // The "app" copies app.yaml into the output folder, as cdk8s synth would write it.
    const dir = folder({
      'cdk8s.yaml':
        "app: node -e \"require('fs').copyFileSync('app.yaml', process.env.CDK8S_OUTDIR + '/agent.yaml')\"\noutput: dist\n",
      'app.yaml': VALID,
      'dist/agent.yaml': VALID,
    });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    fs.writeFileSync(path.join(dir, 'app.yaml'), bumped);
    const r = json(['--base', 'HEAD', '--nodes', '2'], dir);
    expect(r.status).toBe(0);
    expect(r.report.daemonSets[0]).toMatchObject({ change: 'changed', restart: 'all-nodes', waves: { count: 2 } });
    // The committed output and the work tree are as they were.
    expect(fs.readFileSync(path.join(dir, 'dist', 'agent.yaml'), 'utf8')).toBe(VALID);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe(' M app.yaml\n');
  });

  it('exits 2 for an unknown ref', () => {
    const dir = folder({ 'cdk8s.yaml': 'app: "true"\n', 'dist/a.yaml': VALID });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    const r = cli(['plan', '--base', 'no-such-ref'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-ref/);
  });
});
